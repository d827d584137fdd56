import type { HttpResponse } from '../transport/types';
import type { ParseTokenOptions, TokenSet } from './types';
import { SwitchboardError } from '../errors/switchboard-error';
import { tokenErrorFromResponse } from '../errors/token-error';
import { redactResponse } from '../errors/response-body';

/** Longest lifetime we believe: ten years. Beyond that a server is sending nonsense. */
const MAX_EXPIRES_IN_SEC = 10 * 365 * 24 * 3600;

/** Used when neither the response nor the profile gives a usable lifetime: assume short. */
const CONSERVATIVE_EXPIRES_IN_SEC = 300;

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
): SwitchboardError {
  return new SwitchboardError({
    kind: 'token',
    code: 'unexpected_response',
    status: response.status,
    message: `Token response${options.provider ? ` (${options.provider})` : ''} ${what}.`,
    hint: 'The token URL answered, but not with an OAuth token: check the token URL (a proxy or another service may have answered).',
    ...(options.provider !== undefined ? { provider: options.provider } : {}),
    response: redactResponse(response, options.secrets ?? []),
  });
}

/**
 * Reads a token response (pure). Any 2xx is success; `expires_in` may be a number, a numeric
 * string or missing (then `defaultExpiresInSec`); `token_type` is case-insensitive. Non-2xx
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
  const expiresIn =
    parseExpiresIn(fields['expires_in']) ??
    parseExpiresIn(options.defaultExpiresInSec) ??
    CONSERVATIVE_EXPIRES_IN_SEC;
  const rawType = fields['token_type'];
  const tokenType =
    typeof rawType !== 'string' || rawType === '' || rawType.toLowerCase() === 'bearer'
      ? 'Bearer'
      : rawType;
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
