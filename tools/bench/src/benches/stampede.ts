// stampede.inprocess.token_requests: token requests the emulator counted for 1,000 concurrent
// callers on a cold cache in one process (ideal: 1).
// stampede.redis4.token_requests: the same 1,000 callers spread over 4 processes sharing a real
// redis-server (ideal: 1; without the shared lock it would be 4 or more).
import { createAxiosTransport, createOAuthTokenSource, TokenManager } from '@switchboard/core';
import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import { startRedis, startTokenWorker } from '@switchboard/testkit';
import type { Bench } from '../types';

const CALLERS = 1000;
const PROCESSES = 4;

async function inProcess(emulator: Emulator): Promise<number> {
  const client = EMULATOR_SEED.mitel.prod.clients.acmeAdmin;
  const manager = new TokenManager({
    source: createOAuthTokenSource({
      key: 'bench:stampede',
      provider: 'mitel-cloudlink',
      renewal: { mode: 'early', skewMs: 60_000, maxSkewFraction: 0.1 },
      grant: { type: 'client_credentials' },
      request: {
        tokenUrl: `${emulator.url}/mitel/prod/authentication/2017-09-01/token`,
        client: { id: client.clientId, secret: client.clientSecret, placement: 'body' },
        extraParams: { account_id: client.accountId },
      },
      defaultExpiresInSec: 3600,
    }),
    transport: createAxiosTransport(),
  });
  emulator.control.resetCounters();
  await Promise.all(Array.from({ length: CALLERS }, () => manager.getToken()));
  await manager.close();
  return emulator.control.counters().tokenRequests.total;
}

async function acrossProcesses(emulator: Emulator): Promise<number> {
  const redis = await startRedis();
  const client = EMULATOR_SEED.generic.clients.service;
  const workers = await Promise.all(
    Array.from({ length: PROCESSES }, () =>
      startTokenWorker({
        redisUrl: redis.url,
        encryptionKey: 'bench-stampede-encryption-key-01',
        keyPrefix: 'bench:',
        tokenUrl: `${emulator.url}/generic/oauth/token`,
        clientId: client.clientId,
        clientSecret: client.clientSecret,
        scope: 'read',
      }),
    ),
  );
  try {
    emulator.control.resetCounters();
    const replies = await Promise.all(
      workers.map((worker) => worker.send(`get ${CALLERS / PROCESSES}`)),
    );
    const failed = replies.find((reply) => reply.error);
    if (failed) throw new Error(`a worker failed: ${failed.error ?? ''}`);
    return emulator.control.counters().tokenRequests.total;
  } finally {
    await Promise.all(workers.map((worker) => worker.exit()));
    await redis.stop();
  }
}

const bench: Bench = {
  title: `token stampede: ${CALLERS} concurrent cold callers, in one process and across ${PROCESSES} sharing Redis`,
  async run() {
    const emulator = await startEmulator({ port: 0 });
    try {
      return {
        'stampede.inprocess.token_requests': await inProcess(emulator),
        'stampede.redis4.token_requests': await acrossProcesses(emulator),
      };
    } finally {
      await emulator.close();
    }
  },
};

export default bench;
