import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { lock } from 'proper-lockfile';
import type { TokenSet } from '../oauth/types';
import type { TokenStore } from '../engine/types';
import { configurationError } from '../errors/configuration-error';
import { deriveKey, openToken, sealToken, storedKeyName } from './token-codec';

export interface FileTokenStoreOptions {
  /** The JSON file holding every credential's token (created with mode 0600). */
  path: string;
  encryptionKey: string;
}

interface FileContents {
  version: 1;
  tokens: Record<string, string>;
}

function emptyContents(): FileContents {
  return { version: 1, tokens: {} };
}

/** Entry names since keyed names: 64 hex digits. Older ones held an unsalted secret digest. */
const KEYED_NAME = /^[0-9a-f]{64}$/;

/**
 * Waits for the lock file up to ~10 s (writes take milliseconds); a lock left by a crashed
 * process is taken over after 10 s.
 */
const LOCK_OPTIONS = {
  stale: 10_000,
  retries: { retries: 60, factor: 1.3, minTimeout: 5, maxTimeout: 250, randomize: true },
  realpath: false,
} as const;

/**
 * Tokens in one encrypted JSON file (AES-256-GCM per entry), so that long-lived tokens survive
 * restarts. Several writers are safe, in one process or many: every change takes a lock file
 * (`<path>.lock`, proper-lockfile), re-reads the file, changes only its own entry and replaces
 * the file atomically (temp file + rename). Entries are filed under keyed hashes of the
 * credential key (`storedKeyName`).
 */
export class FileTokenStore implements TokenStore {
  private readonly path: string;
  private readonly key: Buffer;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(options: FileTokenStoreOptions) {
    if (typeof options?.path !== 'string' || options.path.trim() === '') {
      throw configurationError(
        'File token store: path is missing.',
        'Set the path of the token file.',
      );
    }
    this.path = options.path;
    this.key = deriveKey(options.encryptionKey, 'File token store');
  }

  async get(key: string): Promise<TokenSet | undefined> {
    await this.queue;
    const sealed = (await this.read()).tokens[this.name(key)];
    return sealed === undefined ? undefined : openToken(sealed, this.key, key);
  }

  set(key: string, token: TokenSet): Promise<void> {
    return this.update((contents) => {
      contents.tokens[this.name(key)] = sealToken(token, this.key, key);
      return true;
    });
  }

  delete(key: string): Promise<void> {
    return this.update((contents) => delete contents.tokens[this.name(key)]);
  }

  deleteIf(key: string, accessToken: string): Promise<void> {
    return this.update((contents) => {
      const name = this.name(key);
      const sealed = contents.tokens[name];
      if (sealed === undefined) return false;
      if (openToken(sealed, this.key, key)?.accessToken !== accessToken) return false;
      return delete contents.tokens[name];
    });
  }

  async close(): Promise<void> {
    await this.queue;
  }

  private name(key: string): string {
    return storedKeyName(key, this.key);
  }

  /**
   * Read-modify-write under the lock file, one at a time within this store; `change` returns
   * whether to write. Entries under pre-keyed names are dropped on the way.
   */
  private update(change: (contents: FileContents) => boolean): Promise<void> {
    const next = this.queue.then(async () => {
      await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
      const release = await this.lockFile();
      try {
        const contents = await this.read();
        const legacy = Object.keys(contents.tokens).filter((name) => !KEYED_NAME.test(name));
        for (const name of legacy) delete contents.tokens[name];
        if (change(contents) || legacy.length > 0) await this.write(contents);
      } finally {
        await release();
      }
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  private async lockFile(): Promise<() => Promise<void>> {
    try {
      return await lock(this.path, {
        ...LOCK_OPTIONS,
        lockfilePath: `${this.path}.lock`,
        // A lock taken over as stale: this write still replaces the file atomically.
        onCompromised: () => undefined,
      });
    } catch (error: unknown) {
      const code = (error as NodeJS.ErrnoException).code ?? 'error';
      throw new Error(
        `File token store: could not lock ${this.path}.lock (${code}); another writer holds it.`,
      );
    }
  }

  private async read(): Promise<FileContents> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error: unknown) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return emptyContents();
      throw error;
    }
    try {
      const value = JSON.parse(text) as Partial<FileContents>;
      if (value && value.version === 1 && value.tokens && typeof value.tokens === 'object') {
        return { version: 1, tokens: { ...value.tokens } };
      }
    } catch {
      // A damaged file is replaced on the next write; tokens are re-requested.
    }
    return emptyContents();
  }

  private async write(contents: FileContents): Promise<void> {
    await mkdir(dirname(this.path), { recursive: true, mode: 0o700 });
    const temp = `${this.path}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    try {
      await writeFile(temp, `${JSON.stringify(contents, null, 2)}\n`, { mode: 0o600 });
      await rename(temp, this.path);
    } catch (error: unknown) {
      await rm(temp, { force: true });
      throw error;
    }
  }
}
