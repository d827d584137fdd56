import type { RedisOptions } from 'ioredis';
import { configurationError } from '../errors/configuration-error';
import { redactUrl } from '../redact';

function invalid(url: string, why: string): never {
  throw configurationError(
    `Redis token store: "${redactUrl(url)}" is not a redis:// URL (${why}).`,
    'Set url to redis://[user:password@]host:6379[/db] (or rediss:// for TLS); percent-encode special characters in the password.',
  );
}

/**
 * Parses a Redis URL with the WHATWG parser into ioredis options. ioredis is never given the
 * string: its legacy parser prints odd URLs, password included, in a deprecation warning.
 */
export function redisOptionsFromUrl(url: unknown): RedisOptions {
  const text = typeof url === 'string' ? url.trim() : '';
  if (!/^rediss?:\/\//i.test(text))
    invalid(String(url ?? ''), 'it must start with redis:// or rediss://');
  let parsed: URL;
  try {
    parsed = new URL(text);
  } catch {
    return invalid(text, 'it cannot be parsed');
  }
  if (parsed.hostname === '') invalid(text, 'the host is missing');
  const db = parsed.pathname.replace(/^\/+|\/+$/g, '');
  if (db !== '' && !/^\d+$/.test(db)) invalid(text, 'the database after the host must be a number');
  const options: RedisOptions = {
    host: parsed.hostname.replace(/^\[|\]$/g, ''),
    port: parsed.port === '' ? 6379 : Number(parsed.port),
  };
  try {
    if (parsed.username !== '') options.username = decodeURIComponent(parsed.username);
    if (parsed.password !== '') options.password = decodeURIComponent(parsed.password);
  } catch {
    invalid(text, 'the user name or password has a broken %-escape');
  }
  if (db !== '') options.db = Number(db);
  if (parsed.protocol === 'rediss:') options.tls = { servername: options.host ?? '' };
  return options;
}
