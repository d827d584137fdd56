import type { HttpRequest } from '../transport/types';
import type { TokenRequestSpec } from './types';
import { encodeBasicAuth } from './basic-auth';
import { configurationError } from '../errors/configuration-error';
import { redactUrl } from '../redact';
import { assertSecureTransport } from '../transport/insecure-http';

/** Largest token response read (1 MiB): real ones are a few kilobytes. */
export const MAX_TOKEN_RESPONSE_BYTES = 1024 * 1024;

function requireText(value: string | undefined, what: string, hint: string): string {
  if (typeof value !== 'string' || value.trim() === '') {
    throw configurationError(`Token request: ${what} is missing.`, hint);
  }
  return value;
}

function checkTokenUrl(url: string): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw configurationError(
      `Token URL "${redactUrl(url)}" is not a valid URL.`,
      'Use an absolute URL such as https://auth.example.com/oauth/token.',
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw configurationError(
      `Token URL "${redactUrl(url)}" must use http or https.`,
      'Use an absolute https:// URL.',
    );
  }
}

function grantParams(spec: TokenRequestSpec): [string, string][] {
  const grant = spec.grant;
  switch (grant.type) {
    case 'client_credentials':
    case 'account_credentials':
      return [['grant_type', grant.type]];
    case 'password':
      return [
        ['grant_type', 'password'],
        ['username', requireText(grant.username, 'the username', 'Fill in the username.')],
        ['password', requireText(grant.password, 'the password', 'Fill in the password.')],
      ];
    case 'refresh_token':
      return [
        ['grant_type', 'refresh_token'],
        [
          'refresh_token',
          requireText(grant.refreshToken, 'the refresh token', 'Run the full grant again.'),
        ],
      ];
    case 'authorization_code':
      return [
        ['grant_type', 'authorization_code'],
        ['code', requireText(grant.code, 'the authorization code', 'Sign in again.')],
      ];
    default:
      throw configurationError(
        `Unsupported grant type "${(grant as { type: unknown }).type as string}".`,
        'Use client_credentials, password, refresh_token or authorization_code.',
      );
  }
}

function appendQuery(url: string, query: string): string {
  if (query === '') return url;
  const [base, hash] = url.split('#', 2) as [string, string | undefined];
  const joiner = base.includes('?') ? (base.endsWith('?') || base.endsWith('&') ? '' : '&') : '?';
  return `${base}${joiner}${query}${hash !== undefined ? `#${hash}` : ''}`;
}

/**
 * Builds the token request for a grant (pure, no I/O). Client authentication goes in exactly
 * one place: the form body, HTTP Basic, or the query string. Empty extra parameters are omitted.
 */
export function buildTokenRequest(spec: TokenRequestSpec): HttpRequest {
  checkTokenUrl(spec.tokenUrl);
  const params: [string, string][] = grantParams(spec);
  const queryParams: [string, string][] = [];
  const headers: Record<string, string> = { accept: 'application/json' };

  if (spec.scope !== undefined && spec.scope.trim() !== '')
    params.push(['scope', spec.scope.trim()]);
  for (const [name, value] of Object.entries(spec.extraParams ?? {})) {
    if (value !== undefined && value !== null && String(value) !== '')
      params.push([name, String(value)]);
  }

  const client = spec.client;
  if (client) {
    const id = requireText(client.id, 'the client id', 'Fill in the client id.');
    if (client.placement === 'basic') {
      headers['authorization'] = encodeBasicAuth(
        id,
        client.secret ?? '',
        client.basicEncoding ?? 'strict',
      );
    } else {
      const target = client.placement === 'query' ? queryParams : params;
      target.push(['client_id', id]);
      if (client.secret !== undefined && client.secret !== '')
        target.push(['client_secret', client.secret]);
    }
  } else if (
    spec.grant.type === 'client_credentials' ||
    spec.grant.type === 'account_credentials'
  ) {
    throw configurationError(
      'Token request: the client credentials grant needs a client id and secret.',
      'Fill in the client id and client secret.',
    );
  }

  const inQuery = spec.paramsIn === 'query';
  const all = inQuery ? [...params, ...queryParams] : queryParams;
  const url = appendQuery(spec.tokenUrl, new URLSearchParams(all).toString());
  for (const [name, value] of Object.entries(spec.headers ?? {}))
    headers[name.toLowerCase()] = value;

  const request: HttpRequest = { method: spec.method ?? 'POST', url, headers };
  if (!inQuery) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    request.body = new URLSearchParams(params).toString();
  }
  // Every token request carries a secret: a client secret, a password or a refresh token.
  const clientGrant =
    spec.grant.type === 'client_credentials' || spec.grant.type === 'account_credentials';
  const carriesSecret = (client?.secret ?? '') !== '' || !clientGrant;
  if (carriesSecret) assertSecureTransport(url, 'Token URL', spec.allowInsecureHttp);
  if (spec.timeoutMs !== undefined) request.timeoutMs = spec.timeoutMs;
  if (spec.tls !== undefined) request.tls = spec.tls;
  request.maxResponseBytes = spec.maxResponseBytes ?? MAX_TOKEN_RESPONSE_BYTES;
  return request;
}
