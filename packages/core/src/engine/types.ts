import type { TokenSet } from '../oauth/types';
import type { Transport } from '../transport/types';

/**
 * `early`: renew when less than `skewMs` remains; the skew is clamped to `maxSkewFraction` of
 * the token's lifetime so short tokens do not renew constantly.
 * `at-expiry`: keep using the token until it has expired (Sangoma CX).
 */
export type RenewalPolicy =
  { mode: 'early'; skewMs: number; maxSkewFraction: number } | { mode: 'at-expiry' };

export interface Clock {
  now(): number;
}

/** Never receives a secret: callers pass already-safe text. */
export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** What the token manager needs to know about one credential; built from a profile. */
export interface TokenSource {
  /** Stable cache key: provider, environment, ids, account, scope, role; the secret only hashed. */
  readonly key: string;
  readonly provider: string;
  readonly renewal: RenewalPolicy;
  /** Runs the full grant (and any follow-up such as Mitel assume-role). */
  obtain(transport: Transport): Promise<TokenSet>;
  /** How long its refresh tokens stay usable, seconds; default 24 hours. */
  readonly refreshTokenLifetimeSec?: number;
  /** Exchanges a refresh token; absent when the provider has none. */
  refresh?(token: TokenSet, transport: Transport): Promise<TokenSet>;
}

/** Where tokens live. Implementations: memory, file, Redis. Values are TokenSets. */
export interface TokenStore {
  get(key: string): Promise<TokenSet | undefined>;
  set(key: string, token: TokenSet): Promise<void>;
  delete(key: string): Promise<void>;
  /**
   * Compare-and-delete: drop the stored token only if it is still `accessToken`, so a late
   * 401 on an old token does not throw away a fresh one.
   */
  deleteIf(key: string, accessToken: string): Promise<void>;
  /**
   * Cluster-wide single flight. Resolves to a release function when the lock is held, or
   * undefined when the store has no locking (memory, file): then in-process single-flight
   * is all there is. Redis: lease with a random owner and compare-and-delete release. The lock
   * must stay held until released however long the fetch takes (Redis prolongs its lease); a
   * holder that dies loses it after `leaseMs`. A waiter stops waiting after `maxWaitMs` (the
   * longest a holder's token fetch can take) and resolves without the lock.
   */
  lock?(
    key: string,
    leaseMs: number,
    maxWaitMs?: number,
  ): Promise<(() => Promise<void>) | undefined>;
  close(): Promise<void>;
}

export interface RetryPolicy {
  /** Attempts after the first one. */
  retries: number;
  baseDelayMs: number;
  maxDelayMs: number;
}

export interface TokenManagerOptions {
  source: TokenSource;
  transport: Transport;
  store?: TokenStore;
  clock?: Clock;
  logger?: Logger;
  retry?: RetryPolicy;
  /** Lease for the cluster-wide lock: how long a crashed holder blocks the others. */
  lockLeaseMs?: number;
  /**
   * Deadline of one token request (the transport's, default 30 s): with the retry policy it
   * bounds how long a waiter on another process's lock waits.
   */
  requestTimeoutMs?: number;
  /** Injected for tests (fake timers); defaults to setTimeout-based sleep. */
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
  /** Secrets of this credential, masked in any warning or wrapped error text. */
  secrets?: string[];
}

/** Events a platform adapter turns into statuses ("requesting token", ...). */
export type TokenEvent =
  | { type: 'requesting' }
  | { type: 'refreshing' }
  | { type: 'obtained'; expiresAt: number }
  | { type: 'failed'; code: string };
