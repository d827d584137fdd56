import type { TokenSet } from '../oauth/types';
import type { Logger, TokenStore } from './types';
import { redactText } from '../redact';

/**
 * Wraps a TokenStore so that its failures never fail a token request: each failing call falls
 * back to in-process behaviour, with one warning per outage and one note when it is back.
 */
export class StoreGuard {
  private degraded = false;

  constructor(
    private readonly store: TokenStore | undefined,
    private readonly logger: Logger,
    private readonly secrets: readonly string[],
  ) {}

  get hasLock(): boolean {
    return typeof this.store?.lock === 'function';
  }

  get(key: string): Promise<TokenSet | undefined> {
    return this.run('read', (store) => store.get(key), undefined);
  }

  set(key: string, token: TokenSet): Promise<void> {
    return this.run('write', (store) => store.set(key, token), undefined);
  }

  deleteIf(key: string, accessToken: string): Promise<void> {
    return this.run('delete', (store) => store.deleteIf(key, accessToken), undefined);
  }

  /** A release function, or undefined when there is no lock (or the store failed). */
  lock(
    key: string,
    leaseMs: number,
    maxWaitMs?: number,
  ): Promise<(() => Promise<void>) | undefined> {
    return this.run(
      'lock',
      async (store) => {
        const release = await store.lock?.(key, leaseMs, maxWaitMs);
        if (!release) return undefined;
        return () => this.run('unlock', () => release(), undefined);
      },
      undefined,
    );
  }

  private async run<T>(
    what: string,
    call: (store: TokenStore) => Promise<T>,
    fallback: T,
  ): Promise<T> {
    if (!this.store) return fallback;
    try {
      const result = await call(this.store);
      if (this.degraded) {
        this.degraded = false;
        this.logger.info('Token store is reachable again; sharing tokens through it.');
      }
      return result;
    } catch (error: unknown) {
      if (!this.degraded) {
        this.degraded = true;
        const reason = redactText(
          error instanceof Error ? error.message : String(error),
          this.secrets,
        );
        this.logger.warn(
          `Token store unavailable (${what}: ${reason}); continuing with the in-process token cache.`,
        );
      }
      return fallback;
    }
  }
}
