// Item 5: a body dripped one byte at a time defeats a timeout on the headers. Every request
// must end by its deadline, and a process waiting on another's Redis lock must not wait past
// the longest the holder's requests can take.
import { startRedis, type RunningRedis } from '@switchboard/testkit';
import { createConnection, type Connection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import { RedisTokenStore } from '../../src/stores/redis-store';
import type { Transport } from '../../src/transport/types';
import {
  drip,
  isTokenRequest,
  json,
  startHostileServer,
  type HostileServer,
} from './support/hostile-server';

const DEADLINE_MS = 1_000;
/** How long the server drips: far beyond any bound asserted below. */
const DRIP_MS = 60_000;
/** Generous: attempts × deadline plus backoff is ~2 s; a busy machine may need more. */
const UPPER_BOUND_MS = 20_000;
const RETRY = { retries: 1, baseDelayMs: 1, maxDelayMs: 5 };
const ENCRYPTION_KEY = 'hostile-deadline-key-0123456789';

let server: HostileServer;
let slowApi = false;
let slowTokens = true;
let redis: RunningRedis;
const open: Connection[] = [];
const stores: RedisTokenStore[] = [];

beforeAll(async () => {
  redis = await startRedis();
  server = await startHostileServer((request, response) => {
    if (isTokenRequest(request) && slowTokens) return drip(response, 100, DRIP_MS);
    if (isTokenRequest(request)) {
      return json(response, 200, {
        access_token: `at-${Date.now()}`,
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }
    if (slowApi) return drip(response, 100, DRIP_MS);
    return json(response, 200, { ok: true });
  });
});
afterAll(async () => {
  await Promise.all(open.map((connection) => connection.close()));
  await Promise.all(stores.map((store) => store.close()));
  await server.close();
  await redis.stop();
});

function connect(options: Parameters<typeof createConnection>[2] = {}): Connection {
  const connection = createConnection(
    getProfile('generic-oauth2'),
    {
      tokenUrl: `${server.url}/oauth/token`,
      clientId: 'deadline-client',
      clientSecret: 'deadline-secret',
      apiBaseUrl: `${server.url}/api`,
    },
    { timeoutMs: DEADLINE_MS, retry: RETRY, ...options },
  );
  open.push(connection);
  return connection;
}

async function settle(promise: Promise<unknown>): Promise<{ ms: number; code?: string }> {
  const started = Date.now();
  try {
    await promise;
    return { ms: Date.now() - started };
  } catch (error) {
    return { ms: Date.now() - started, code: (error as { code?: string }).code ?? 'thrown' };
  }
}

it('50 callers waiting for a dripped token response all end with network_timeout by the deadline', async () => {
  slowTokens = true;
  const connection = connect();
  const results = await Promise.all(
    Array.from({ length: 50 }, () => settle(connection.tokens.getToken())),
  );
  for (const result of results) {
    expect(result.code).toBe('network_timeout');
    expect(result.ms).toBeLessThan(UPPER_BOUND_MS);
  }
}, 90_000);

it('a dripped API response body ends with network_timeout by the deadline', async () => {
  slowTokens = false;
  slowApi = true;
  try {
    const result = await settle(
      connect().execute('custom.request', { method: 'GET', path: '/slow' }),
    );
    expect(result.code).toBe('network_timeout');
    expect(result.ms).toBeLessThan(UPPER_BOUND_MS);
  } finally {
    slowApi = false;
  }
}, 90_000);

it('over Redis, the lock holder and a second process both end by the deadline', async () => {
  slowTokens = true;
  const prefix = 'shared:';
  const storeA = new RedisTokenStore({
    url: redis.url,
    encryptionKey: ENCRYPTION_KEY,
    keyPrefix: prefix,
  });
  const storeB = new RedisTokenStore({
    url: redis.url,
    encryptionKey: ENCRYPTION_KEY,
    keyPrefix: prefix,
  });
  stores.push(storeA, storeB);
  const a = connect({ store: storeA });
  const b = connect({ store: storeB });
  const first = settle(a.tokens.getToken());
  await new Promise((resolve) => setTimeout(resolve, 200));
  const [holder, waiter] = await Promise.all([first, settle(b.tokens.getToken())]);
  expect(holder.code).toBe('network_timeout');
  expect(holder.ms).toBeLessThan(UPPER_BOUND_MS);
  expect(waiter.code).toBe('network_timeout');
  expect(waiter.ms).toBeLessThan(UPPER_BOUND_MS);
}, 90_000);

it('a waiter stops waiting for a holder stuck past its deadline (a hung custom transport) and gets its own token', async () => {
  slowTokens = false;
  const prefix = 'stuck:';
  const hung: Transport = () => new Promise(() => undefined);
  const storeA = new RedisTokenStore({
    url: redis.url,
    encryptionKey: ENCRYPTION_KEY,
    keyPrefix: prefix,
  });
  const storeB = new RedisTokenStore({
    url: redis.url,
    encryptionKey: ENCRYPTION_KEY,
    keyPrefix: prefix,
  });
  stores.push(storeA, storeB);
  // A long deadline for the holder: only the waiter's own bound can end its wait in time.
  const holder = connect({ store: storeA, transport: hung, timeoutMs: 120_000 });
  void holder.tokens.getToken().catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 300)); // A holds the lock by now
  const waiter = await settle(
    connect({
      store: storeB,
      timeoutMs: 300,
      retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    }).tokens.getToken(),
  );
  expect(waiter.code).toBeUndefined();
  expect(waiter.ms).toBeLessThan(UPPER_BOUND_MS);
}, 90_000);

it('a custom transport that never answers is cut off at its deadline (plus a grace second)', async () => {
  const hung: Transport = () => new Promise(() => undefined);
  const connection = connect({
    transport: hung,
    timeoutMs: 300,
    retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
  });
  const token = await settle(connection.tokens.getToken());
  expect(token.code).toBe('network_timeout');
  expect(token.ms).toBeLessThan(UPPER_BOUND_MS);
  const diagnosis = await connection.diagnose();
  expect(diagnosis.error?.code).toBe('network_timeout');
}, 60_000);
