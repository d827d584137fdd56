import { isSwitchboardError } from '../errors/switchboard-error';
import type { RetryPolicy } from './types';
import { MAX_RETRY_AFTER_MS, retryDelay } from './backoff';

/**
 * Network failures (except an untrusted certificate and a response over its size limit, which
 * would only fail again), 5xx and 429 are worth another try.
 */
export function isTransient(error: unknown): boolean {
  if (!isSwitchboardError(error)) return false;
  if (error.kind === 'network') {
    return error.code !== 'tls_untrusted' && error.code !== 'response_too_large';
  }
  if (error.status === undefined) return false;
  return error.status === 429 || error.status >= 500;
}

export interface RetryOptions {
  policy: RetryPolicy;
  sleep: (ms: number) => Promise<void>;
  random: () => number;
  isRetryable?: (error: unknown) => boolean;
}

/** Runs `attempt` until it succeeds, a non-transient error occurs, or retries run out. */
export async function withRetry<T>(attempt: () => Promise<T>, options: RetryOptions): Promise<T> {
  const retryable = options.isRetryable ?? isTransient;
  for (let tries = 0; ; tries += 1) {
    try {
      return await attempt();
    } catch (error: unknown) {
      if (tries >= options.policy.retries || !retryable(error)) throw error;
      const retryAfterMs = isSwitchboardError(error) ? error.retryAfterMs : undefined;
      // A server asking for a long pause gets its answer now, not a hung call.
      if (retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS) throw error;
      await options.sleep(retryDelay(tries, options.policy, options.random, retryAfterMs));
    }
  }
}
