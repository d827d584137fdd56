import type { HttpResponse } from '../transport/types';
import type { ParseTokenOptions, TokenSet } from './types';
import { SwitchboardError } from '../errors/switchboard-error';
import { tokenErrorFromResponse } from '../errors/token-error';
import { redactResponse, safeSnippet } from '../errors/response-body';

/** Longest lifetime we believe: ten years. Beyond that a server is sending nonsense. */
const MAX_EXPIRES_IN_SEC = 10 * 365 * 24 * 3600;

/** Used when neither the response nor the profile gives a usable lifetime: assume short. */
const CONSERVATIVE_EXPIRES_IN_SEC = 300;

/**
 * Shortest lifetime a token is cached for: a smaller `expires_in` (1e-9, 0.5) is raised to this,
 * with one warning, so that such an answer costs at most about one token request per second
 * per credential, not one per call. One second, because real test setups issue one-second
 * tokens on purpose (the emulator's expiry tests).
 */
export const MIN_TOKEN_LIFETIME_SEC = 1;

/** Seconds from `expires_in` (number or numeric string); undefined when unusable. */
export function parseExpiresIn(value: unknown): number | undefined {
  const seconds =
    typeof value === 'number'
      ? value
      : typeof value === 'string' && /^\s*\d+(\.\d+)?\s*$/.test(value)
        ? Number(value)
        : undefined;
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.min(seconds, MAX_EXPIRES_IN_SEC);
}

function readFields(response: HttpResponse): Record<string, unknown> | undefined {
  const text = response.body.trim();
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      return value !== null && typeof value === 'object'
        ? (value as Record<string, unknown>)
        : undefined;
    } catch {
      return undefined;
    }
  }
  // A few servers (GitHub-style) answer form-encoded.
  if (/^[\w.-]+=/.test(text)) return Object.fromEntries(new URLSearchParams(text));
  return undefined;
}

function unexpected(
  response: HttpResponse,
  what: string,
  options: ParseTokenOptions,
  hint = 'The token URL answered, but not with an OAuth token: check the token URL (a proxy or another service may have answered).',
): SwitchboardError {
  return new SwitchboardError({
    kind: 'token',
    code: 'unexpected_response',
    status: response.status,
    message: `Token response${options.provider ? ` (${options.provider})` : ''} ${what}.`,
    hint,
    ...(options.provider !== undefined ? { provider: options.provider } : {}),
    response: redactResponse(response, options.secrets ?? []),
  });
}

/**
 * Only Bearer tokens are used (any case; a missing token_type means Bearer): other types such
 * as `mac` need a signature per request, and sending them as `Authorization: mac <token>`
 * would just fail at the API with a confusing 401.
 */
function bearerType(
  response: HttpResponse,
  rawType: unknown,
  options: ParseTokenOptions,
): 'Bearer' {
  if (rawType === undefined || rawType === null || rawType === '') return 'Bearer';
  if (typeof rawType === 'string' && rawType.trim().toLowerCase() === 'bearer') return 'Bearer';
  const shown = safeSnippet(String(rawType), options.secrets ?? [], 40);
  throw unexpected(
    response,
    `has token_type "${shown}"; only Bearer tokens are supported`,
    options,
    'The provider issued a token type Switchboard cannot send: configure the OAuth client at the provider to issue Bearer tokens.',
  );
}

/** Lifetimes under MIN_TOKEN_LIFETIME_SEC are raised to it, with a warning. */
function cacheLifetime(seconds: number, options: ParseTokenOptions): number {
  if (seconds >= MIN_TOKEN_LIFETIME_SEC) return seconds;
  options.warn?.(
    `Token response${options.provider ? ` (${options.provider})` : ''} has expires_in ${seconds} s; caching the token for the minimum of ${MIN_TOKEN_LIFETIME_SEC} s instead.`,
  );
  return MIN_TOKEN_LIFETIME_SEC;
}

/**
 * Reads a token response (pure). Any 2xx is success; `expires_in` may be a number, a numeric
 * string or missing (then `defaultExpiresInSec`), and is at least MIN_TOKEN_LIFETIME_SEC;
 * `token_type` must be Bearer (any case) or missing. Non-2xx
 * responses become the typed error of `tokenErrorFromResponse`.
 */
export function parseTokenResponse(response: HttpResponse, options: ParseTokenOptions): TokenSet {
  if (response.status < 200 || response.status > 299) {
    throw tokenErrorFromResponse(response, {
      ...(options.provider !== undefined ? { provider: options.provider } : {}),
      ...(options.correlationHeader !== undefined
        ? { correlationHeader: options.correlationHeader }
        : {}),
      secrets: options.secrets ?? [],
      now: options.now,
    });
  }
  const fields = readFields(response);
  if (!fields) throw unexpected(response, 'is not JSON', options);
  const accessToken = fields['access_token'];
  if (typeof accessToken !== 'string' || accessToken === '') {
    throw unexpected(response, 'has no access_token', options);
  }
  // The token just issued is a secret too, in whatever this response says next.
  const withToken = {
    ...options,
    secrets: [...(options.secrets ?? []), accessToken, String(fields['refresh_token'] ?? '')],
  };
  const tokenType = bearerType(response, fields['token_type'], withToken);
  const expiresIn = cacheLifetime(
    parseExpiresIn(fields['expires_in']) ??
      parseExpiresIn(options.defaultExpiresInSec) ??
      CONSERVATIVE_EXPIRES_IN_SEC,
    options,
  );
  const refresh = fields['refresh_token'];
  const refreshToken =
    typeof refresh === 'string' && refresh !== '' ? refresh : options.previousRefreshToken;
  const scope = fields['scope'];
  const token: TokenSet = {
    accessToken,
    tokenType,
    obtainedAt: options.now,
    expiresAt: options.now + Math.round(expiresIn * 1000),
  };
  if (refreshToken !== undefined) token.refreshToken = refreshToken;
  if (typeof scope === 'string' && scope !== '') token.scope = scope;
  return token;
}
