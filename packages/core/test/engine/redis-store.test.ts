import { startRedis, type RunningRedis } from '@switchboard/testkit';
import { RedisTokenStore, TokenManager } from './engine';
import type { TokenSet } from './engine';
import {
  FakeClock,
  deferred,
  fakeTransport,
  recordingLogger,
  testSource,
  tokenResponse,
} from './fakes';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const KEY = 'redis-test-encryption-key-0123456789';

const token = (accessToken: string, lifetimeMs = 3_600_000): TokenSet => ({
  accessToken,
  tokenType: 'Bearer',
  obtainedAt: Date.now(),
  expiresAt: Date.now() + lifetimeMs,
});

describe('RedisTokenStore (real redis-server)', () => {
  let redis: RunningRedis;
  const stores: RedisTokenStore[] = [];
  const open = (prefix = 'test:') => {
    const store = new RedisTokenStore({
      url: redis.url,
      encryptionKey: KEY,
      keyPrefix: prefix,
      pollMs: 5,
    });
    stores.push(store);
    return store;
  };

  beforeAll(async () => {
    redis = await startRedis();
  });
  afterAll(async () => {
    await Promise.all(stores.map((store) => store.close()));
    await redis.stop();
  });

  /** The one key matching `pattern`: named by a keyed hash, not by the credential key. */
  async function onlyKey(raw: { keys(pattern: string): Promise<string[]> }, pattern: string) {
    const names = await raw.keys(pattern);
    expect(names).toHaveLength(1);
    expect(names[0]).toMatch(/:[0-9a-f]{64}$/);
    return names[0] ?? '';
  }

  it('stores encrypted tokens that expire with the token', async () => {
    const store = open('enc:');
    await store.set('cred', token('SENTINEL-redis-token', 2_000));
    expect((await store.get('cred'))?.accessToken).toBe('SENTINEL-redis-token');
    const { Redis } = await import('ioredis');
    const raw = new Redis(redis.url);
    try {
      const name = await onlyKey(raw, 'enc:token:*');
      const value = await raw.get(name);
      expect(value).not.toBeNull();
      expect(value).not.toContain('SENTINEL');
      const ttl = await raw.pttl(name);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(2_000);
    } finally {
      raw.disconnect();
    }
  });

  it('keeps a token with a refresh token until the refresh token expires, not the access token', async () => {
    const store = open('keep:');
    const refreshable: TokenSet = {
      ...token('short-lived', 2_000),
      refreshToken: 'SENTINEL-refresh',
      refreshExpiresAt: Date.now() + 14 * 24 * 3_600_000,
    };
    await store.set('cred', refreshable);
    const { Redis } = await import('ioredis');
    const raw = new Redis(redis.url);
    try {
      const ttl = await raw.pttl(await onlyKey(raw, 'keep:token:*'));
      expect(ttl).toBeGreaterThan(13 * 24 * 3_600_000);
      expect(ttl).toBeLessThanOrEqual(14 * 24 * 3_600_000);
    } finally {
      raw.disconnect();
    }
    expect(await store.get('cred')).toEqual(refreshable);
  });

  it('deleteIf compares before dropping', async () => {
    const store = open('cmp:');
    await store.set('cred', token('fresh'));
    await store.deleteIf('cred', 'old');
    expect((await store.get('cred'))?.accessToken).toBe('fresh');
    await store.deleteIf('cred', 'fresh');
    expect(await store.get('cred')).toBeUndefined();
  });

  it('the lease lock is exclusive and released only by its owner', async () => {
    const a = open('lock:');
    const b = open('lock:');
    const releaseA = await a.lock('cred', 5_000);
    let bHasIt = false;
    const waiting = b.lock('cred', 5_000).then((release) => {
      bHasIt = true;
      return release;
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(bHasIt).toBe(false);
    await releaseA();
    const releaseB = await waiting;
    expect(bHasIt).toBe(true);
    await releaseA(); // a second release by the old owner must not free B's lease
    const c = open('lock:');
    let cHasIt = false;
    const cWaiting = c.lock('cred', 5_000).then((release) => ((cHasIt = true), release));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(cHasIt).toBe(false);
    await releaseB();
    await (
      await cWaiting
    )();
  });

  it('a waiter returns as soon as the lease holder stores a new token', async () => {
    const a = open('wait:');
    const b = open('wait:');
    await a.lock('cred', 60_000);
    await b.get('cred'); // connected, so its lock() starts polling at once
    const waiting = b.lock('cred', 60_000);
    await new Promise((resolve) => setTimeout(resolve, 30));
    await a.set('cred', token('from-a'));
    await waiting;
    expect((await b.get('cred'))?.accessToken).toBe('from-a');
  });

  it('the holder prolongs its lease until it releases it; a crashed holder’s lease lapses', async () => {
    // Renewed every lease/3: a lease of 1.5 s tolerates a 1 s stall of a busy CI machine.
    const leaseMs = 1_500;
    const a = open('beat:');
    const b = open('beat:');
    const releaseA = await a.lock('cred', leaseMs);
    let bHasIt = false;
    const waiting = b.lock('cred', leaseMs).then((release) => ((bHasIt = true), release));
    await pause(3 * leaseMs); // several leases: without renewal, B would hold it by now
    expect(bHasIt).toBe(false);
    const { Redis } = await import('ioredis');
    const raw = new Redis(redis.url);
    try {
      const lockName = await onlyKey(raw, 'beat:lock:*');
      expect(await raw.pttl(lockName)).toBeGreaterThan(0);
      await releaseA();
      const releaseB = await waiting;
      expect(bHasIt).toBe(true);
      // B "crashes": its store closes without releasing, so nothing prolongs the lease any more.
      await b.close();
      const c = open('beat:');
      await (
        await c.lock('cred', leaseMs)
      )();
      expect(await raw.exists(lockName)).toBe(0);
      await releaseB().catch(() => undefined);
    } finally {
      raw.disconnect();
    }
  }, 20_000);

  it('a token fetch longer than the lease is still one request for the cluster', async () => {
    const clock = new FakeClock(Date.now());
    const gate = deferred<void>();
    let requests = 0;
    const transport = fakeTransport(async () => {
      requests += 1;
      await gate.promise;
      return tokenResponse(`slow-${requests}`, 3600);
    });
    const [first, second] = [open('slow:'), open('slow:')].map(
      (store) =>
        new TokenManager({
          source: testSource(clock),
          transport,
          store,
          clock,
          lockLeaseMs: 1_500,
        }),
    );
    const fromFirst = first!.getToken();
    while (requests === 0) await pause(5);
    const fromSecond = second!.getToken();
    await pause(4_500); // three leases
    expect(requests).toBe(1);
    gate.resolve();
    const tokens = await Promise.all([fromFirst, fromSecond]);
    expect(tokens.map((t) => t.accessToken)).toEqual(['slow-1', 'slow-1']);
    expect(requests).toBe(1);
  }, 20_000);

  it('two managers sharing Redis make one token request between them', async () => {
    const clock = new FakeClock(Date.now());
    let requests = 0;
    const transport = fakeTransport(async () => {
      requests += 1;
      await new Promise((resolve) => setTimeout(resolve, 30));
      return tokenResponse(`shared-${requests}`, 3600);
    });
    const managers = [open('mgr:'), open('mgr:')].map(
      (store) => new TokenManager({ source: testSource(clock), transport, store, clock }),
    );
    const tokens = await Promise.all(
      managers.flatMap((manager) => [manager.getToken(), manager.getToken()]),
    );
    expect(new Set(tokens.map((t) => t.accessToken))).toEqual(new Set(['shared-1']));
    expect(requests).toBe(1);
  });

  it('falls back while Redis is stopped and shares tokens again once it is back', async () => {
    const own = await startRedis();
    const logger = recordingLogger();
    const store = new RedisTokenStore({
      url: own.url,
      encryptionKey: KEY,
      keyPrefix: 'back:',
      logger,
    });
    stores.push(store);
    await store.set('cred', token('before'));
    await own.stop();
    await expect(store.get('cred')).rejects.toMatchObject({ code: 'store_unavailable' });
    const again = await startRedis({ port: own.port });
    try {
      let value: TokenSet | undefined;
      // ioredis reconnects on its own schedule; poll until it has (bounded by the test timeout).
      for (;;) {
        try {
          await store.set('cred', token('after'));
          value = await store.get('cred');
          break;
        } catch {
          await new Promise((resolve) => setTimeout(resolve, 100));
        }
      }
      expect(value?.accessToken).toBe('after');
    } finally {
      await store.close();
      await again.stop();
    }
  }, 20_000);

  it('keeps working with one warning when Redis is unreachable', async () => {
    const logger = recordingLogger();
    const store = new RedisTokenStore({ url: 'redis://127.0.0.1:1', encryptionKey: KEY, logger });
    stores.push(store);
    const clock = new FakeClock(Date.now());
    let n = 0;
    const manager = new TokenManager({
      source: testSource(clock),
      transport: fakeTransport(() => tokenResponse(`local-${++n}`, 60)),
      store,
      clock,
      logger,
    });
    expect((await manager.getToken()).accessToken).toBe('local-1');
    await manager.invalidate('local-1');
    expect((await manager.getToken()).accessToken).toBe('local-2');
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toHaveLength(1);
  });
});
