import { randomUUID } from 'node:crypto';
import { Redis, ReplyError } from 'ioredis';
import type { TokenSet } from '../oauth/types';
import type { Logger, TokenStore } from '../engine/types';
import { SwitchboardError } from '../errors/switchboard-error';
import { noopLogger } from '../engine/logger';
import { keepTokenUntil } from '../engine/refresh-expiry';
import { CancellableSleeper } from '../engine/sleep';
import { redactText } from '../redact';
import { redisOptionsFromUrl } from './redis-url';
import { deriveKey, openToken, sealToken, storedKeyName, tokenFingerprint } from './token-codec';

export interface RedisTokenStoreOptions {
  /** `redis://[:password@]host:port[/db]`; or pass a ready `client`. */
  url?: string;
  /** An ioredis client you own (it is not closed by close()). */
  client?: Redis;
  encryptionKey: string;
  /** Default `switchboard:`. */
  keyPrefix?: string;
  logger?: Logger;
  /** First poll interval while waiting for another process's lease; doubles up to 8x. */
  pollMs?: number;
}

/** Deletes the token only if it still has the fingerprint we were told to drop. */
const DELETE_IF_SCRIPT = `
local v = redis.call('GET', KEYS[1])
if v and string.sub(v, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. ':' then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Releases the lease only if we still own it (it may have expired and been taken over). */
const RELEASE_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('DEL', KEYS[1])
end
return 0`;

/** Prolongs the lease only while we still own it. */
const EXTEND_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  return redis.call('PEXPIRE', KEYS[1], ARGV[2])
end
return 0`;

function unavailable(message: string): SwitchboardError {
  return new SwitchboardError({
    kind: 'configuration',
    code: 'store_unavailable',
    message,
    hint: 'Check that Redis is running and reachable at the configured URL.',
  });
}

/**
 * Tokens shared by several processes through Redis: values encrypted (AES-256-GCM), expiring
 * with the token (or with its refresh token, which can still renew it), and a lease lock (`SET NX PX`, compare-and-delete release) so a cluster makes
 * one token request per credential at a time.
 */
export class RedisTokenStore implements TokenStore {
  private readonly client: Redis;
  private readonly ownsClient: boolean;
  private readonly key: Buffer;
  private readonly prefix: string;
  private readonly logger: Logger;
  private readonly pollMs: number;
  private readonly sleeper = new CancellableSleeper();
  /** Lease renewals of the locks this store holds, stopped on release and on close. */
  private readonly heartbeats = new Set<NodeJS.Timeout>();
  private connecting: Promise<void> | undefined;
  private warnedUndecryptable = false;
  /** The Redis password, masked in anything logged. */
  private readonly secrets: string[] = [];

  constructor(options: RedisTokenStoreOptions) {
    this.key = deriveKey(options?.encryptionKey, 'Redis token store');
    this.prefix = options.keyPrefix ?? 'switchboard:';
    this.logger = options.logger ?? noopLogger;
    this.pollMs = options.pollMs ?? 25;
    if (options.client) {
      this.client = options.client;
      this.ownsClient = false;
    } else {
      const connection = redisOptionsFromUrl(options.url);
      if (connection.password !== undefined) this.secrets.push(connection.password);
      this.client = new Redis({
        ...connection,
        lazyConnect: true,
        // Fail fast while Redis is down: the token manager then works in-process.
        enableOfflineQueue: false,
        maxRetriesPerRequest: 1,
        connectTimeout: 2_000,
        commandTimeout: 2_000,
        retryStrategy: (times: number) => Math.min(times * 200, 2_000),
        // ioredis keeps a timer this long after disconnect() on a dead socket; keep it short.
        disconnectTimeout: 100,
      });
      this.ownsClient = true;
    }
    // Without a listener ioredis prints every connection error itself.
    this.client.on('error', (error: Error) =>
      this.logger.debug(`Redis: ${redactText(error.message, this.secrets)}`),
    );
  }

  async get(key: string): Promise<TokenSet | undefined> {
    const value = await this.connected(() => this.client.get(this.tokenKey(key)));
    if (value === null) return undefined;
    const sealed = value.slice(value.indexOf(':') + 1);
    const token = openToken(sealed, this.key, key);
    if (!token && !this.warnedUndecryptable) {
      this.warnedUndecryptable = true;
      this.logger.warn(
        'A token in Redis cannot be decrypted: do all instances use the same encryption key?',
      );
    }
    return token;
  }

  async set(key: string, token: TokenSet): Promise<void> {
    // Kept while its refresh token works, not just while the access token does.
    const ttl = Math.max(1_000, Math.round(keepTokenUntil(token) - Date.now()));
    const value = `${tokenFingerprint(token.accessToken, this.key)}:${sealToken(token, this.key, key)}`;
    await this.connected(async () => {
      await this.client.set(this.tokenKey(key), value, 'PX', ttl);
      // Versions before keyed names filed it under the credential key itself (it held an
      // unsalted digest of the secret): drop that copy.
      await this.client.del(`${this.prefix}token:${key}`);
    });
  }

  async delete(key: string): Promise<void> {
    await this.connected(() => this.client.del(this.tokenKey(key)));
  }

  async deleteIf(key: string, accessToken: string): Promise<void> {
    await this.connected(() =>
      this.client.eval(
        DELETE_IF_SCRIPT,
        1,
        this.tokenKey(key),
        tokenFingerprint(accessToken, this.key),
      ),
    );
  }

  /**
   * Takes the lease, waiting while another process holds it. Returns early (without the lease)
   * as soon as that process has stored a new token: the caller re-reads and uses it.
   *
   * The holder prolongs its lease every `leaseMs / 3` until it releases it, so the lease covers
   * a token fetch of any length (retries, timeouts, Retry-After) while a crashed holder's lease
   * still lapses within `leaseMs`. Waiters therefore wait as long as the lease is alive, exactly
   * like callers in one process wait for the request in flight.
   */
  lock(
    key: string,
    leaseMs: number,
    maxWaitMs = Number.POSITIVE_INFINITY,
  ): Promise<() => Promise<void>> {
    return this.connected(() => this.takeLease(key, leaseMs, maxWaitMs));
  }

  private async takeLease(
    key: string,
    leaseMs: number,
    maxWaitMs: number,
  ): Promise<() => Promise<void>> {
    const owner = randomUUID();
    const lockKey = this.lockKey(key);
    const before = await this.fingerprint(key);
    const giveUpAt = Date.now() + maxWaitMs;
    let wait = this.pollMs;
    for (;;) {
      if ((await this.client.set(lockKey, owner, 'PX', leaseMs, 'NX')) === 'OK') {
        const heartbeat = this.keepLeaseAlive(lockKey, owner, leaseMs);
        return async () => {
          this.stopHeartbeat(heartbeat);
          await this.client.eval(RELEASE_SCRIPT, 1, lockKey, owner);
        };
      }
      const now = await this.fingerprint(key);
      if (now !== undefined && now !== before) return async () => undefined;
      if (Date.now() >= giveUpAt) {
        // The holder is past the longest its requests can take (a hung custom transport?).
        this.logger.warn(
          `Redis token store: another process has held the token lock for more than ${Math.round(maxWaitMs / 1000)} s; requesting a token here.`,
        );
        return async () => undefined;
      }
      await this.sleeper.sleep(wait);
      wait = Math.min(wait * 2, this.pollMs * 8);
    }
  }

  /** Prolongs the lease on an unref()'d interval; stops once the lease is no longer ours. */
  private keepLeaseAlive(lockKey: string, owner: string, leaseMs: number): NodeJS.Timeout {
    const heartbeat = setInterval(
      () => {
        this.client.eval(EXTEND_SCRIPT, 1, lockKey, owner, String(leaseMs)).then(
          (extended) => {
            if (extended === 1) return;
            this.stopHeartbeat(heartbeat);
            this.logger.debug('Redis token store: the token lease lapsed before it was released.');
          },
          (error: unknown) =>
            this.logger.debug(
              `Redis token store: could not prolong the token lease (${redactText(error instanceof Error ? error.message : String(error), this.secrets)}).`,
            ),
        );
      },
      Math.max(1, Math.floor(leaseMs / 3)),
    );
    heartbeat.unref();
    this.heartbeats.add(heartbeat);
    return heartbeat;
  }

  private stopHeartbeat(heartbeat: NodeJS.Timeout): void {
    clearInterval(heartbeat);
    this.heartbeats.delete(heartbeat);
  }

  async close(): Promise<void> {
    this.sleeper.cancelAll(unavailable('Redis token store closed.'));
    for (const heartbeat of [...this.heartbeats]) this.stopHeartbeat(heartbeat);
    if (!this.ownsClient) return;
    try {
      if (this.client.status === 'ready') await this.client.quit();
      else this.client.disconnect();
    } catch {
      this.client.disconnect();
    }
  }

  private tokenKey(key: string): string {
    return `${this.prefix}token:${storedKeyName(key, this.key)}`;
  }

  private lockKey(key: string): string {
    return `${this.prefix}lock:${storedKeyName(key, this.key)}`;
  }

  private async fingerprint(key: string): Promise<string | undefined> {
    const value = await this.client.get(this.tokenKey(key));
    return value === null ? undefined : value.slice(0, value.indexOf(':'));
  }

  /**
   * Runs commands once connected. A connection lost between the check and the command (Redis
   * stopped a moment ago) fails as `store_unavailable` too, like a connection known to be down;
   * Redis's own replies (a script error) stay what they are.
   */
  private async connected<T>(work: () => Promise<T>): Promise<T> {
    await this.ready();
    try {
      return await work();
    } catch (error) {
      if (error instanceof SwitchboardError || error instanceof ReplyError) throw error;
      const message = error instanceof Error ? error.message : String(error);
      throw unavailable(`Redis token store: ${redactText(message, this.secrets)}.`);
    }
  }

  /** Connects once on first use; afterwards fails fast while the connection is down. */
  private async ready(): Promise<void> {
    if (this.client.status === 'ready') return;
    if (this.client.status === 'wait') this.connecting ??= this.client.connect();
    if (this.connecting) {
      try {
        await this.connecting;
      } catch {
        // Reported below; ioredis keeps reconnecting in the background.
      }
    }
    if ((this.client.status as string) !== 'ready') {
      throw unavailable(`Redis token store: not connected (${this.client.status}).`);
    }
  }
}
