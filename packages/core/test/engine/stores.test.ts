import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  createTokenStore,
  credentialKey,
  FileTokenStore,
  MemoryTokenStore,
  SwitchboardError,
} from './engine';
import type { TokenSet, TokenStore } from './engine';

const KEY = 'a-test-encryption-key-0123456789';

const token = (accessToken: string, refreshToken?: string): TokenSet => ({
  accessToken,
  tokenType: 'Bearer',
  obtainedAt: Date.now(),
  expiresAt: Date.now() + 3_600_000,
  ...(refreshToken ? { refreshToken } : {}),
});

describe('credentialKey', () => {
  it('is stable whatever the order of parts and skips empty ones', () => {
    const a = credentialKey(
      { provider: 'mitel', env: 'prod', clientId: 'c1', scope: undefined, role: '' },
      's',
    );
    const b = credentialKey({ clientId: 'c1', env: 'prod', provider: 'mitel' }, 's');
    expect(a).toBe(b);
  });

  it('contains the secret only as a hash, and changes when the secret does', () => {
    const key = credentialKey({ provider: 'p', clientId: 'c' }, 'SENTINEL-secret');
    expect(key).not.toContain('SENTINEL');
    expect(key).toMatch(/secret=[0-9a-f]{32}$/);
    expect(credentialKey({ provider: 'p', clientId: 'c' }, 'other')).not.toBe(key);
  });
});

function storeContract(name: string, make: () => TokenStore) {
  describe(`${name} store contract`, () => {
    let store: TokenStore;
    beforeEach(() => (store = make()));
    afterEach(() => store.close());

    it('stores, reads and deletes tokens per credential', async () => {
      await store.set('k1', token('a1', 'r1'));
      await store.set('k2', token('a2'));
      expect(await store.get('k1')).toMatchObject({ accessToken: 'a1', refreshToken: 'r1' });
      expect((await store.get('k2'))?.accessToken).toBe('a2');
      await store.delete('k1');
      expect(await store.get('k1')).toBeUndefined();
      expect((await store.get('k2'))?.accessToken).toBe('a2');
    });

    it('deleteIf drops only the named token', async () => {
      await store.set('k', token('fresh'));
      await store.deleteIf('k', 'old');
      expect((await store.get('k'))?.accessToken).toBe('fresh');
      await store.deleteIf('k', 'fresh');
      expect(await store.get('k')).toBeUndefined();
    });
  });
}

storeContract('memory', () => new MemoryTokenStore());

describe('FileTokenStore', () => {
  let dir: string;
  beforeAll(() => (dir = mkdtempSync(join(tmpdir(), 'sb-file-store-'))));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  let n = 0;
  const path = () => join(dir, `tokens-${++n}.json`);

  storeContract('file', () => new FileTokenStore({ path: path(), encryptionKey: KEY }));

  it('survives a restart (a new store on the same file) and keeps several credentials', async () => {
    const file = path();
    const first = new FileTokenStore({ path: file, encryptionKey: KEY });
    await Promise.all([
      first.set('sangoma', token('year-token')),
      first.set('mitel', token('hour-token', 'r')),
    ]);
    await first.close();
    const second = new FileTokenStore({ path: file, encryptionKey: KEY });
    expect((await second.get('sangoma'))?.accessToken).toBe('year-token');
    expect(await second.get('mitel')).toMatchObject({
      accessToken: 'hour-token',
      refreshToken: 'r',
    });
  });

  it('encrypts at rest with a private file mode and no secret in clear', async () => {
    const file = path();
    const store = new FileTokenStore({ path: file, encryptionKey: KEY });
    await store.set('k', token('SENTINEL-access', 'SENTINEL-refresh'));
    const text = readFileSync(file, 'utf8');
    expect(text).not.toContain('SENTINEL');
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const other = new FileTokenStore({ path: file, encryptionKey: 'another-key-of-enough-length' });
    expect(await other.get('k')).toBeUndefined();
  });

  it('reads a damaged file as empty and repairs it on the next write', async () => {
    const file = path();
    writeFileSync(file, '{ not json');
    const store = new FileTokenStore({ path: file, encryptionKey: KEY });
    expect(await store.get('k')).toBeUndefined();
    await store.set('k', token('a'));
    expect((await store.get('k'))?.accessToken).toBe('a');
  });
});

describe('createTokenStore', () => {
  it('builds memory and file stores', async () => {
    expect(createTokenStore({ type: 'memory' })).toBeInstanceOf(MemoryTokenStore);
    const dir = mkdtempSync(join(tmpdir(), 'sb-create-'));
    const store = createTokenStore({ type: 'file', path: join(dir, 't.json'), encryptionKey: KEY });
    expect(store).toBeInstanceOf(FileTokenStore);
    rmSync(dir, { recursive: true, force: true });
  });

  it.each([
    [{ type: 'file', path: '/tmp/x.json', encryptionKey: '' }, /encryptionKey is missing/],
    [{ type: 'file', path: '/tmp/x.json', encryptionKey: 'short' }, /too short/],
    [{ type: 'file', path: '', encryptionKey: KEY }, /path is missing/],
    [{ type: 'redis', url: '', encryptionKey: KEY }, /url is missing/],
    [{ type: 'redis', url: 'http://x', encryptionKey: KEY }, /not a redis:\/\/ URL/],
    [{ type: 'redis', url: 'redis://x' }, /encryptionKey is missing/],
    [{ type: 'mongo' }, /Unknown token store type/],
  ])('rejects %p with a clear configuration error', (config, message) => {
    let caught: unknown;
    try {
      createTokenStore(config as never);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(SwitchboardError);
    expect(caught).toMatchObject({
      code: 'invalid_configuration',
      message: expect.stringMatching(message),
    });
  });
});
