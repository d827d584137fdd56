import type { Logger, TokenStore } from '../engine/types';
import { configurationError } from '../errors/configuration-error';
import { FileTokenStore } from './file-store';
import { MemoryTokenStore } from './memory-store';
import { RedisTokenStore } from './redis-store';

export type TokenStoreConfig =
  | { type: 'memory' }
  | { type: 'file'; path: string; encryptionKey: string }
  | { type: 'redis'; url: string; encryptionKey: string; keyPrefix?: string };

/** Builds the configured store, with a clear error for a missing path, URL or key. */
export function createTokenStore(config: TokenStoreConfig, logger?: Logger): TokenStore {
  const type = (config as { type?: unknown } | undefined)?.type;
  switch (type) {
    case 'memory':
      return new MemoryTokenStore();
    case 'file': {
      const file = config as Extract<TokenStoreConfig, { type: 'file' }>;
      return new FileTokenStore({ path: file.path, encryptionKey: file.encryptionKey });
    }
    case 'redis': {
      const redis = config as Extract<TokenStoreConfig, { type: 'redis' }>;
      if (typeof redis.url !== 'string' || redis.url.trim() === '') {
        throw configurationError(
          'Redis token store: url is missing.',
          'Set url to redis://host:6379.',
        );
      }
      return new RedisTokenStore({
        url: redis.url,
        encryptionKey: redis.encryptionKey,
        ...(redis.keyPrefix !== undefined ? { keyPrefix: redis.keyPrefix } : {}),
        ...(logger !== undefined ? { logger } : {}),
      });
    }
    default:
      throw configurationError(
        `Unknown token store type "${String(type)}".`,
        'Use one of: memory, file, redis.',
      );
  }
}
