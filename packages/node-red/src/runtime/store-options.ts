// Where a config node keeps its tokens: memory (default), an encrypted file, or Redis.
import { join } from 'node:path';

export type TokenStoreChoice =
  | { type: 'memory' }
  | { type: 'file'; path: string; encryptionKey: string }
  | { type: 'redis'; url: string; encryptionKey: string };

export interface StoreSettings {
  tokenStore?: unknown;
  tokenStorePath?: unknown;
  redisUrl?: unknown;
  encryptionKey?: unknown;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.trim() : '';
}

/**
 * Validates the store settings of one config node. Throws an Error that says what to fill in;
 * the message never repeats the key or the Redis URL (it may hold a password).
 */
export function tokenStoreChoice(
  settings: StoreSettings,
  nodeId: string,
  userDir: string,
): TokenStoreChoice {
  const type = text(settings.tokenStore) || 'memory';
  if (type === 'memory') return { type: 'memory' };
  if (type !== 'file' && type !== 'redis') {
    throw new Error(`Unknown token store "${type}": choose memory, file or redis.`);
  }
  const encryptionKey = typeof settings.encryptionKey === 'string' ? settings.encryptionKey : '';
  if (encryptionKey === '') {
    throw new Error(
      `The ${type} token store encrypts tokens at rest: set an encryption key in the connection.`,
    );
  }
  if (type === 'file') {
    const path =
      text(settings.tokenStorePath) || join(userDir, `switchboard-tokens-${nodeId}.json`);
    return { type: 'file', path, encryptionKey };
  }
  const url = text(settings.redisUrl);
  if (!/^rediss?:\/\//.test(url)) {
    throw new Error('The Redis token store needs a Redis URL such as redis://127.0.0.1:6379.');
  }
  return { type: 'redis', url, encryptionKey };
}
