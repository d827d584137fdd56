import { randomBytes } from 'node:crypto';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { TokenSet } from '../oauth/types';
import type { TokenStore } from '../engine/types';
import { configurationError } from '../errors/configuration-error';
import { deriveKey, openToken, sealToken } from './token-codec';

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

/**
 * Tokens in one encrypted JSON file (AES-256-GCM per entry), so that long-lived tokens survive
 * restarts. Writes are atomic (temp file + rename) and serialised within the process.
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
    const sealed = (await this.read()).tokens[key];
    return sealed === undefined ? undefined : openToken(sealed, this.key, key);
  }

  set(key: string, token: TokenSet): Promise<void> {
    return this.update((contents) => {
      contents.tokens[key] = sealToken(token, this.key, key);
      return true;
    });
  }

  delete(key: string): Promise<void> {
    return this.update((contents) => delete contents.tokens[key]);
  }

  deleteIf(key: string, accessToken: string): Promise<void> {
    return this.update((contents) => {
      const sealed = contents.tokens[key];
      if (sealed === undefined) return false;
      if (openToken(sealed, this.key, key)?.accessToken !== accessToken) return false;
      return delete contents.tokens[key];
    });
  }

  async close(): Promise<void> {
    await this.queue;
  }

  /** Read-modify-write, one at a time; `change` returns whether to write. */
  private update(change: (contents: FileContents) => boolean): Promise<void> {
    const next = this.queue.then(async () => {
      const contents = await this.read();
      if (change(contents)) await this.write(contents);
    });
    this.queue = next.catch(() => undefined);
    return next;
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
