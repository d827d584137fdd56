import type { TokenSet } from '../oauth/types';

/** Assumed lifetime of a refresh token whose provider declares none: conservative. */
export const DEFAULT_REFRESH_TOKEN_LIFETIME_SEC = 24 * 3600;

/**
 * `token` with `refreshExpiresAt` set when it has a refresh token: the one `previous` had when
 * the provider kept the same refresh token, else `lifetimeSec` after it was obtained.
 */
export function withRefreshExpiry(
  token: TokenSet,
  previous: TokenSet | undefined,
  lifetimeSec = DEFAULT_REFRESH_TOKEN_LIFETIME_SEC,
): TokenSet {
  if (token.refreshToken === undefined || token.refreshExpiresAt !== undefined) return token;
  const kept =
    previous?.refreshToken === token.refreshToken ? previous.refreshExpiresAt : undefined;
  return { ...token, refreshExpiresAt: kept ?? token.obtainedAt + lifetimeSec * 1000 };
}

/**
 * Until when a store should keep a token: its expiry, or longer while its refresh token can
 * still renew it (a token stored without `refreshExpiresAt` gets the default lifetime).
 */
export function keepTokenUntil(token: TokenSet): number {
  return Math.max(token.expiresAt, withRefreshExpiry(token, undefined).refreshExpiresAt ?? 0);
}
