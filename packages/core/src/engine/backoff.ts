import type { RetryPolicy } from './types';

export const DEFAULT_RETRY: RetryPolicy = { retries: 3, baseDelayMs: 500, maxDelayMs: 10_000 };

/** Longest Retry-After we wait for inside one call; beyond it the error goes to the caller. */
export const MAX_RETRY_AFTER_MS = 60_000;

/**
 * Delay before retry number `attempt` (0 = first retry): exponential, capped at maxDelayMs,
 * with "equal jitter" (half fixed, half random) so callers that failed together spread out.
 */
export function backoffDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number = Math.random,
): number {
  const exponent = Math.min(Math.max(0, Math.floor(attempt)), 30);
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** exponent);
  const jitter = Math.min(1, Math.max(0, random()));
  return Math.round(ceiling / 2 + (ceiling / 2) * jitter);
}

/** The wait before the next attempt: the server's Retry-After when it sent one, else backoff. */
export function retryDelay(
  attempt: number,
  policy: RetryPolicy,
  random: () => number,
  retryAfterMs: number | undefined,
): number {
  const backoff = backoffDelay(attempt, policy, random);
  return retryAfterMs === undefined
    ? backoff
    : Math.max(retryAfterMs, Math.min(backoff, policy.baseDelayMs));
}
