import type { TokenSet } from '../oauth/types';
import type { RenewalPolicy } from './types';

export function isExpired(token: TokenSet, now: number): boolean {
  return now >= token.expiresAt;
}

/**
 * Whether a cached token should be replaced before use. `early` renews when less than the skew
 * remains, the skew clamped to `maxSkewFraction` of the lifetime so short tokens are not renewed
 * constantly; `at-expiry` only once the token has expired.
 */
export function needsRenewal(token: TokenSet, policy: RenewalPolicy, now: number): boolean {
  if (isExpired(token, now)) return true;
  if (policy.mode === 'at-expiry') return false;
  const lifetime = Math.max(0, token.expiresAt - token.obtainedAt);
  const fraction = Math.min(1, Math.max(0, policy.maxSkewFraction));
  const skew = Math.min(Math.max(0, policy.skewMs), lifetime * fraction);
  return now >= token.expiresAt - skew;
}

/** The default: renew a minute early, but never earlier than 10% of the lifetime. */
export const DEFAULT_RENEWAL: RenewalPolicy = {
  mode: 'early',
  skewMs: 60_000,
  maxSkewFraction: 0.1,
};
