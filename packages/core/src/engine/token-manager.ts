import type { TokenSet } from '../oauth/types';
import type { Transport } from '../transport/types';
import type {
  Clock,
  Logger,
  RetryPolicy,
  TokenEvent,
  TokenManagerOptions,
  TokenSource,
} from './types';
import { SwitchboardError, isSwitchboardError } from '../errors/switchboard-error';
import { redactText } from '../redact';
import { DEFAULT_TIMEOUT_MS } from '../transport/axios-transport';
import { DEFAULT_RETRY } from './backoff';
import { noopLogger } from './logger';
import { withRefreshExpiry } from './refresh-expiry';
import { isExpired, needsRenewal } from './renewal';
import { withRetry } from './retry';
import { CancellableSleeper } from './sleep';
import { StoreGuard } from './store-guard';

/**
 * Lease of the cluster-wide lock. The holder prolongs it while its fetch runs (Redis store), so
 * this only bounds how long a crashed holder keeps the others waiting.
 */
export const DEFAULT_LOCK_LEASE_MS = 60_000;

/**
 * The longest a lock holder's token fetch can take, so a waiter in another process need not
 * wait longer: each attempt runs to its deadline (two requests: a refresh falling back to the
 * full grant, or sign-in and assume-role), every backoff at its cap.
 */
export function lockWaitBudgetMs(requestTimeoutMs: number, retry: RetryPolicy): number {
  const attempts = retry.retries + 1;
  return 2 * attempts * requestTimeoutMs + retry.retries * retry.maxDelayMs;
}

/** Longest pause before an early renewal that failed is tried again (while the token is valid). */
export const MAX_RENEWAL_COOL_DOWN_MS = 30_000;

/**
 * How long to keep using a still-valid token after its early renewal failed before trying
 * again: 10% of its remaining lifetime, at most 30 s, so a failing endpoint is not hammered.
 */
export function renewalCoolDownMs(token: TokenSet, now: number): number {
  return Math.max(0, Math.min(MAX_RENEWAL_COOL_DOWN_MS, (token.expiresAt - now) / 10));
}

/** A refresh rejected like this means "use the full grant". */
function refreshRejected(error: unknown): boolean {
  return (
    isSwitchboardError(error) &&
    error.kind === 'token' &&
    (error.code === 'invalid_grant' || error.status === 400 || error.status === 401)
  );
}

/**
 * Hands out access tokens for one credential: cached, renewed lazily on use (no timers),
 * one token request at a time per credential (per cluster with a locking store).
 */
export class TokenManager {
  private readonly source: TokenSource;
  private readonly transport: Transport;
  private readonly clock: Clock;
  private readonly logger: Logger;
  private readonly retry: RetryPolicy;
  private readonly leaseMs: number;
  private readonly lockWaitMs: number;
  private readonly random: () => number;
  private readonly sleeper = new CancellableSleeper();
  private readonly sleep: (ms: number) => Promise<void>;
  private readonly store: StoreGuard;
  private readonly credentialSecrets: readonly string[];
  private readonly listeners = new Set<(event: TokenEvent) => void>();
  private current: TokenSet | undefined;
  /** The last token dropped by invalidate(): its refresh token may still work. */
  private invalidated: TokenSet | undefined;
  private inflight: Promise<TokenSet> | undefined;
  /** A refresh token the provider rejected: never sent again, even if the full grant failed. */
  private rejectedRefreshToken: string | undefined;
  /** After an early renewal failed: the still-valid token is used without retrying until then. */
  private renewalRetryAt: number | undefined;
  /** Whether the failing renewal was already reported (one warning per failing streak). */
  private renewalWarned = false;
  private closed = false;

  constructor(options: TokenManagerOptions) {
    this.source = options.source;
    this.transport = options.transport;
    this.clock = options.clock ?? Date;
    this.logger = options.logger ?? noopLogger;
    this.retry = options.retry ?? DEFAULT_RETRY;
    this.leaseMs = options.lockLeaseMs ?? DEFAULT_LOCK_LEASE_MS;
    this.lockWaitMs = lockWaitBudgetMs(options.requestTimeoutMs ?? DEFAULT_TIMEOUT_MS, this.retry);
    this.random = options.random ?? Math.random;
    this.sleep = options.sleep ?? this.sleeper.sleep;
    this.credentialSecrets = options.secrets ?? [];
    this.store = new StoreGuard(options.store, this.logger, this.credentialSecrets);
  }

  get key(): string {
    return this.source.key;
  }

  /**
   * A valid token: the cached one, or the result of the one request in flight. With `early`
   * renewal, a renewal that fails while the current token is still valid returns that token
   * (one warning, a `failed` event) and is tried again on a use after a short cool-down.
   */
  getToken(): Promise<TokenSet> {
    if (this.closed) return Promise.reject(closedError());
    const cached = this.current;
    if (cached && (this.fresh(cached) || this.coolingDown(cached))) {
      return Promise.resolve(cached);
    }
    if (!this.inflight) {
      const flight = this.acquire().finally(() => {
        if (this.inflight === flight) this.inflight = undefined;
      });
      this.inflight = flight;
    }
    return this.inflight;
  }

  /**
   * Drops `accessToken` after the provider rejected it (401), in memory and in the store, but
   * only if it is still the current one: a late 401 on an old token keeps the fresh token.
   */
  async invalidate(accessToken: string): Promise<void> {
    if (this.current?.accessToken === accessToken) {
      this.invalidated = this.current;
      this.current = undefined;
    }
    await this.store.deleteIf(this.source.key, accessToken);
  }

  on(listener: (event: TokenEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Cancels pending retry waits and forgets the token. Does not close a (shared) store. */
  async close(): Promise<void> {
    this.closed = true;
    this.sleeper.cancelAll(closedError());
    this.current = undefined;
    this.invalidated = undefined;
    this.rejectedRefreshToken = undefined;
    this.renewalRetryAt = undefined;
    this.listeners.clear();
  }

  private fresh(token: TokenSet | undefined): token is TokenSet {
    return token !== undefined && !needsRenewal(token, this.source.renewal, this.clock.now());
  }

  /** The current token is being used on after a failed renewal and the cool-down still runs. */
  private coolingDown(token: TokenSet): boolean {
    const now = this.clock.now();
    return this.renewalRetryAt !== undefined && now < this.renewalRetryAt && !isExpired(token, now);
  }

  /** read → lock → re-read → fetch → store → release. */
  private async acquire(): Promise<TokenSet> {
    const key = this.source.key;
    const stored = await this.store.get(key);
    if (this.fresh(stored)) return this.adopt(stored);
    // The newest token known: still usable if its early renewal fails.
    let latest = stored ?? this.current;
    const release = await this.store.lock(key, this.leaseMs, this.lockWaitMs);
    try {
      const reread = release ? await this.store.get(key) : stored;
      if (this.fresh(reread)) return this.adopt(reread);
      latest = reread ?? this.current;
      const token = await this.fetch(reread ?? this.current ?? this.invalidated);
      if (this.closed) throw closedError();
      await this.store.set(key, token);
      this.emit({ type: 'obtained', expiresAt: token.expiresAt });
      return this.adopt(token);
    } catch (error: unknown) {
      const safe = this.safeError(error);
      const code = isSwitchboardError(safe) ? safe.code : 'unexpected_response';
      this.emit({ type: 'failed', code });
      if (this.usableAfterFailedRenewal(latest)) return this.keepUsing(latest, code);
      throw safe;
    } finally {
      await release?.();
    }
  }

  private adopt(token: TokenSet): TokenSet {
    this.current = token;
    this.invalidated = undefined;
    this.renewalRetryAt = undefined;
    this.renewalWarned = false;
    return token;
  }

  /** `early` only (at-expiry renews expired tokens), never an expired or rejected token. */
  private usableAfterFailedRenewal(token: TokenSet | undefined): token is TokenSet {
    return (
      token !== undefined &&
      !this.closed &&
      this.source.renewal.mode === 'early' &&
      !isExpired(token, this.clock.now()) &&
      token.accessToken !== this.invalidated?.accessToken
    );
  }

  /** Goes on with the still-valid token; the next use after the cool-down renews again. */
  private keepUsing(token: TokenSet, code: string): TokenSet {
    const now = this.clock.now();
    const coolDownMs = renewalCoolDownMs(token, now);
    const warned = this.renewalWarned;
    this.adopt(token);
    this.renewalRetryAt = now + coolDownMs;
    this.renewalWarned = true;
    const message =
      `Token renewal failed for ${this.source.provider} (${code}); still using the current ` +
      `token, which expires at ${new Date(token.expiresAt).toISOString()} ` +
      `(in ${Math.ceil((token.expiresAt - now) / 1000)} s). Renewal will be retried on the ` +
      `next use after ${Math.ceil(coolDownMs / 1000)} s.`;
    if (warned) this.logger.debug(message);
    else this.logger.warn(message);
    return token;
  }

  /**
   * The next token, with `refreshExpiresAt` so that stores keep it while its refresh token
   * works (a new process then refreshes instead of signing in again).
   */
  private async fetch(previous: TokenSet | undefined): Promise<TokenSet> {
    const token = await this.fetchFromProvider(previous);
    return withRefreshExpiry(token, previous, this.source.refreshTokenLifetimeSec);
  }

  /** Refresh when possible; a rejected refresh falls back to the full grant, once. */
  private async fetchFromProvider(previous: TokenSet | undefined): Promise<TokenSet> {
    const refresh = this.source.refresh?.bind(this.source);
    const refreshToken = previous?.refreshToken;
    if (refresh && previous && refreshToken && refreshToken !== this.rejectedRefreshToken) {
      this.emit({ type: 'refreshing' });
      try {
        return await this.withRetry(() => refresh(previous, this.transport));
      } catch (error: unknown) {
        if (!refreshRejected(error)) throw error;
        this.rejectedRefreshToken = refreshToken;
        this.logger.info(
          `Refresh token rejected for ${this.source.provider}; running the full grant.`,
        );
      }
    }
    this.emit({ type: 'requesting' });
    return this.withRetry(() => this.source.obtain(this.transport));
  }

  private withRetry<T>(attempt: () => Promise<T>): Promise<T> {
    return withRetry(attempt, { policy: this.retry, sleep: this.sleep, random: this.random });
  }

  /** Unknown errors are wrapped so that no unredacted text leaves the manager. */
  private safeError(error: unknown): unknown {
    if (isSwitchboardError(error)) return error;
    const message = error instanceof Error ? error.message : String(error);
    return new SwitchboardError({
      kind: 'token',
      code: 'unexpected_response',
      message: `Token request failed (${this.source.provider}): ${redactText(message, this.secrets())}`,
      hint: 'An unexpected error happened while obtaining a token; see the message.',
      provider: this.source.provider,
    });
  }

  private secrets(): string[] {
    const tokens = [this.current, this.invalidated].flatMap((token) =>
      token ? [token.accessToken, token.refreshToken ?? ''] : [],
    );
    return [...this.credentialSecrets, ...tokens];
  }

  private emit(event: TokenEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch (error: unknown) {
        this.logger.debug(
          `Token event listener failed: ${error instanceof Error ? error.name : 'error'}`,
        );
      }
    }
  }
}

function closedError(): SwitchboardError {
  return new SwitchboardError({
    kind: 'configuration',
    code: 'invalid_configuration',
    message: 'The token manager is closed.',
    hint: 'Create a new connection (the node or credential was stopped or redeployed).',
  });
}
