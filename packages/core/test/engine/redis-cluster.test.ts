import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import {
  expectNoSecrets,
  startRedis,
  startTokenWorker,
  type RunningRedis,
  type TokenWorker,
} from '@switchboard/testkit';

/** Four processes, one Redis: one token request between them; Redis down: still working. */
describe('several processes sharing a real redis-server', () => {
  let emulator: Emulator;
  let redis: RunningRedis;
  let workers: TokenWorker[] = [];
  const client = EMULATOR_SEED.generic.clients.service;

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    redis = await startRedis();
    const config = {
      redisUrl: redis.url,
      encryptionKey: 'cluster-test-encryption-key-0123',
      keyPrefix: 'cluster:',
      tokenUrl: `${emulator.url}/generic/oauth/token`,
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      scope: 'read',
    };
    workers = await Promise.all(Array.from({ length: 4 }, () => startTokenWorker(config)));
  }, 60_000);

  afterAll(async () => {
    await Promise.all(workers.map((worker) => worker.exit()));
    await redis.stop();
    await emulator.close();
  });

  it('4 processes × 50 concurrent cold callers make one token request', async () => {
    emulator.control.resetCounters();
    const replies = await Promise.all(workers.map((worker) => worker.send('get 50')));
    for (const reply of replies) expect(reply.error).toBeUndefined();
    const tokens = new Set(replies.flatMap((reply) => reply.tokens));
    expect(tokens.size).toBe(1);
    expect(emulator.control.counters().tokenRequests.total).toBe(1);
  });

  it('keeps working with one warning per process when Redis is stopped', async () => {
    await redis.stop();
    for (let round = 0; round < 2; round += 1) {
      const replies = await Promise.all(workers.map((worker) => worker.send('renew')));
      for (const reply of replies) {
        expect(reply.error).toBeUndefined();
        expect(reply.tokens).toHaveLength(1);
        expect(reply.warnings).toHaveLength(1);
        expect(reply.warnings[0]).toMatch(/continuing with the in-process token cache/);
        expectNoSecrets(reply.warnings.join('\n'), [client.clientSecret, ...reply.tokens]);
      }
    }
    for (const worker of workers) expectNoSecrets(worker.stderr(), [client.clientSecret]);
  }, 30_000);
});
