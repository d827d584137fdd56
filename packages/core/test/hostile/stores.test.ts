// Items 8, 9 and 11: what token stores reveal and whether they keep every write.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Redis } from 'ioredis';
import {
  errorViews,
  expectNoSecrets,
  sentinelSecret,
  startRedis,
  type RunningRedis,
} from '@switchboard/testkit';
import type { TokenSet } from '../../src/oauth/types';
import { credentialKey } from '../../src/stores/credential-key';
import { FileTokenStore } from '../../src/stores/file-store';
import { RedisTokenStore } from '../../src/stores/redis-store';
import { redisOptionsFromUrl } from '../../src/stores/redis-url';

const KEY = 'hostile-store-key-0123456789abcdef';
const password = sentinelSecret('password');
/** What the old key names held: an unsalted digest anyone can test password guesses against. */
const unsaltedDigest = createHash('sha256')
  .update(`switchboard:${password}`, 'utf8')
  .digest('hex')
  .slice(0, 32);
const credential = credentialKey(
  { provider: 'generic-oauth2', clientId: 'store-client', username: 'alice' },
  password,
);

function token(accessToken: string): TokenSet {
  return {
    accessToken,
    tokenType: 'Bearer',
    obtainedAt: Date.now(),
    expiresAt: Date.now() + 3_600_000,
  };
}

let dir: string;
let redis: RunningRedis;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'hostile-stores-'));
  redis = await startRedis();
});
afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await redis.stop();
});

describe('store key names give nothing to test password guesses against', () => {
  it('Redis key names are keyed hashes, not the credential key with its unsalted digest', async () => {
    const store = new RedisTokenStore({ url: redis.url, encryptionKey: KEY, keyPrefix: 'k8:' });
    const raw = new Redis(redis.url);
    try {
      await store.set(credential, token('t8'));
      const release = await store.lock(credential, 5_000);
      const names = (await raw.keys('k8:*')).join('\n');
      await release();
      expect(names).toMatch(/k8:token:[0-9a-f]{64}/);
      expect(names).toMatch(/k8:lock:[0-9a-f]{64}/);
      expect(names).not.toContain(unsaltedDigest);
      expect(names).not.toContain('alice');
      // Keyed: another encryption key files the same credential under another name.
      const other = new RedisTokenStore({
        url: redis.url,
        encryptionKey: `${KEY}-other`,
        keyPrefix: 'k8:',
      });
      await other.set(credential, token('t8-other'));
      await other.close();
      expect((await raw.keys('k8:token:*')).length).toBe(2);
      expect((await store.get(credential))?.accessToken).toBe('t8');
    } finally {
      raw.disconnect();
      await store.close();
    }
  });

  it('the token file names entries by keyed hashes and drops entries under the old names', async () => {
    const path = join(dir, 'keyed.json');
    writeFileSync(path, JSON.stringify({ version: 1, tokens: { [credential]: 'v1.legacy' } }));
    const store = new FileTokenStore({ path, encryptionKey: KEY });
    await store.set(credential, token('t8'));
    const text = readFileSync(path, 'utf8');
    expect(text).not.toContain(unsaltedDigest);
    expect(text).not.toContain('alice');
    expect(Object.keys((JSON.parse(text) as { tokens: object }).tokens)).toEqual([
      expect.stringMatching(/^[0-9a-f]{64}$/),
    ]);
    expect((await store.get(credential))?.accessToken).toBe('t8');
  });
});

describe('several writers on one token file lose nothing', () => {
  it('two stores on the same path in one process: every write of 100 rounds survives', async () => {
    const path = join(dir, 'two-stores.json');
    const a = new FileTokenStore({ path, encryptionKey: KEY });
    const b = new FileTokenStore({ path, encryptionKey: KEY });
    for (let round = 0; round < 100; round += 1) {
      await Promise.all([
        a.set(`a-${round}`, token(`a${round}`)),
        b.set(`b-${round}`, token(`b${round}`)),
      ]);
    }
    const missing: string[] = [];
    for (let round = 0; round < 100; round += 1) {
      if ((await a.get(`a-${round}`))?.accessToken !== `a${round}`) missing.push(`a-${round}`);
      if ((await a.get(`b-${round}`))?.accessToken !== `b${round}`) missing.push(`b-${round}`);
    }
    expect(missing).toEqual([]);
  }, 60_000);

  it('two processes writing 100 tokens each to one file: all 200 survive', async () => {
    const path = join(dir, 'two-processes.json');
    const worker = join(__dirname, 'support', 'file-writer.ts');
    const tsx = require.resolve('tsx/cli');
    const startAt = String(Date.now() + 4_000);
    const run = (prefix: string) =>
      new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [tsx, worker, path, KEY, prefix, '100', startAt], {
          stdio: 'inherit',
        });
        child.on('exit', (code) => resolve(code ?? 1));
      });
    expect(await Promise.all([run('p1'), run('p2')])).toEqual([0, 0]);
    const store = new FileTokenStore({ path, encryptionKey: KEY });
    let found = 0;
    for (const prefix of ['p1', 'p2']) {
      for (let index = 0; index < 100; index += 1) {
        if ((await store.get(`${prefix}-${index}`))?.accessToken === `${prefix}-token-${index}`)
          found += 1;
      }
    }
    expect(found).toBe(200);
  }, 120_000);
});

describe('Redis URLs are parsed before ioredis sees them', () => {
  it('a URL that only passes the old regex is a clear error and no warning prints the password', async () => {
    const warnings: string[] = [];
    const onWarning = (warning: Error): void =>
      void warnings.push(`${warning.name} ${warning.message}`);
    process.on('warning', onWarning);
    try {
      for (const url of [
        `redis://:${password}@127.0.0.1:port`,
        `redis://:${password}@[::1`,
        `rediss://u:${password}@/0`,
      ]) {
        let caught: unknown;
        try {
          new RedisTokenStore({ url, encryptionKey: KEY });
        } catch (error) {
          caught = error;
        }
        expect(caught).toMatchObject({
          code: 'invalid_configuration',
          message: expect.stringContaining('not a redis:// URL'),
        });
        expectNoSecrets(errorViews(caught), [password]);
      }
      await new Promise((resolve) => setImmediate(resolve));
      expectNoSecrets(warnings.join('\n'), [password]);
    } finally {
      process.off('warning', onWarning);
    }
  });

  it('user, password (percent-encoded), database and TLS become ioredis options', () => {
    expect(redisOptionsFromUrl('rediss://app:p%40ss%3Aword@cache.example.com:6380/3')).toEqual({
      host: 'cache.example.com',
      port: 6380,
      username: 'app',
      password: 'p@ss:word',
      db: 3,
      tls: { servername: 'cache.example.com' },
    });
    expect(redisOptionsFromUrl('redis://127.0.0.1')).toEqual({ host: '127.0.0.1', port: 6379 });
  });

  it('a store from a URL with a database number really uses it', async () => {
    const store = new RedisTokenStore({
      url: `${redis.url}/2`,
      encryptionKey: KEY,
      keyPrefix: 'db:',
    });
    const raw = new Redis(`${redis.url}/2`);
    try {
      await store.set('cred', token('in-db-2'));
      expect(await raw.keys('db:token:*')).toHaveLength(1);
    } finally {
      raw.disconnect();
      await store.close();
    }
  });
});
