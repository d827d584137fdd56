// A separate process holding one TokenManager on a shared RedisTokenStore, driven line by line
// over stdin (`get N`, `renew`, `exit`); answers one JSON line per command on stdout. Used to
// prove cluster-wide single flight with real processes.
import { createInterface } from 'node:readline';
import {
  createAxiosTransport,
  createOAuthTokenSource,
  RedisTokenStore,
  TokenManager,
} from '../../../packages/core/src/engine-api';
import type { Logger } from '../../../packages/core/src/engine/types';
import type { TokenSet } from '../../../packages/core/src/oauth/types';

export interface TokenWorkerConfig {
  redisUrl: string;
  encryptionKey: string;
  keyPrefix: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  scope?: string;
}

export interface TokenWorkerReply {
  /** Distinct access tokens the command's callers received. */
  tokens: string[];
  warnings: string[];
  error?: string;
}

function main(): void {
  const config = JSON.parse(process.env['TOKEN_WORKER_CONFIG'] ?? '{}') as TokenWorkerConfig;
  const warnings: string[] = [];
  const logger: Logger = {
    debug: () => undefined,
    info: () => undefined,
    warn: (message) => void warnings.push(message),
    error: (message) => void warnings.push(message),
  };
  const store = new RedisTokenStore({
    url: config.redisUrl,
    encryptionKey: config.encryptionKey,
    keyPrefix: config.keyPrefix,
    logger,
    pollMs: 5,
  });
  const manager = new TokenManager({
    source: createOAuthTokenSource({
      key: `worker:${config.clientId}`,
      provider: 'generic-oauth2',
      renewal: { mode: 'early', skewMs: 60_000, maxSkewFraction: 0.1 },
      grant: { type: 'client_credentials' },
      request: {
        tokenUrl: config.tokenUrl,
        client: { id: config.clientId, secret: config.clientSecret, placement: 'basic' },
        ...(config.scope ? { scope: config.scope } : {}),
      },
      defaultExpiresInSec: 3600,
    }),
    transport: createAxiosTransport({ timeoutMs: 10_000 }),
    store,
    logger,
    secrets: [config.clientSecret],
    retry: { retries: 2, baseDelayMs: 20, maxDelayMs: 100 },
  });
  let last: TokenSet | undefined;

  const reply = (tokens: TokenSet[], error?: unknown) => {
    const body: TokenWorkerReply = {
      tokens: [...new Set(tokens.map((token) => token.accessToken))],
      warnings,
      ...(error ? { error: error instanceof Error ? error.message : String(error) } : {}),
    };
    process.stdout.write(`${JSON.stringify(body)}\n`);
  };

  const run = async (line: string): Promise<void> => {
    const [command, arg] = line.trim().split(/\s+/);
    try {
      if (command === 'get') {
        const tokens = await Promise.all(
          Array.from({ length: Number(arg ?? 1) }, () => manager.getToken()),
        );
        last = tokens[0];
        reply(tokens);
      } else if (command === 'renew') {
        if (last) await manager.invalidate(last.accessToken);
        last = await manager.getToken();
        reply([last]);
      } else if (command === 'exit') {
        await manager.close();
        await store.close();
        process.exit(0);
      }
    } catch (error) {
      reply([], error);
    }
  };

  // Commands run one after another, in order.
  let queue = Promise.resolve();
  createInterface({ input: process.stdin }).on('line', (line) => {
    queue = queue.then(() => run(line));
  });
  process.stdout.write('ready\n');
}

if (require.main === module) main();
