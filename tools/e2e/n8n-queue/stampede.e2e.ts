// 50 executions started together in a real n8n 2.41, against the emulator, with no token, an
// expired token and a revoked token: regular mode (one process) asks for exactly one token
// per renewal; queue mode (PostgreSQL + Redis, a main and two workers) runs executions on both
// workers, asks for at most one token per worker, and once a token is stored both workers use
// it without asking again.
import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import { expectNoSecrets } from '@switchboard/testkit';
import { STAMPEDE_CASES, Stampede, type StampedeResult } from './stampede';

const EXECUTIONS = 50;
const START_TIMEOUT_MS = 20 * 60_000;
const FIRE_TIMEOUT_MS = 5 * 60_000;
const secrets = Object.values(EMULATOR_SEED.mitel.prod.clients).map(
  (client) => client.clientSecret,
);

function expectAllSucceeded(result: StampedeResult): void {
  expect(result.statuses).toHaveLength(EXECUTIONS);
  expect(result.statuses.filter((status) => status !== 200)).toEqual([]);
}

describe('n8n regular mode: 50 executions at once', () => {
  let emulator: Emulator;
  let stampede: Stampede;

  beforeAll(async () => {
    emulator = await startEmulator();
    stampede = new Stampede(emulator, 'regular');
    await stampede.start();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await stampede?.stop();
    await emulator?.close();
  }, START_TIMEOUT_MS);

  it.each(STAMPEDE_CASES)(
    'with a %s token ask for one token',
    async (entry) => {
      const result = await stampede.fire(entry, EXECUTIONS);
      expectAllSucceeded(result);
      expect(result.tokenRequests).toBe(1);
      if (entry === 'revoked') expect(result.unauthorized).toBeGreaterThan(0);
    },
    FIRE_TIMEOUT_MS,
  );

  it(
    'then reuses the stored token: no token request at all',
    async () => {
      const result = await stampede.fire('empty', EXECUTIONS);
      expectAllSucceeded(result);
      expect(result.tokenRequests).toBe(0);
      expect(result.unauthorized).toBe(0);
      expectNoSecrets(stampede.logs(), secrets);
    },
    FIRE_TIMEOUT_MS,
  );
});

describe('n8n queue mode (PostgreSQL, Redis, a main and two workers): 50 executions at once', () => {
  let emulator: Emulator;
  let stampede: Stampede;

  beforeAll(async () => {
    emulator = await startEmulator();
    stampede = new Stampede(emulator, 'queue');
    await stampede.start();
  }, START_TIMEOUT_MS);

  afterAll(async () => {
    await stampede?.stop();
    await emulator?.close();
  }, START_TIMEOUT_MS);

  const workersThatRan = (result: StampedeResult): number =>
    Object.values(result.byWorker).filter((count) => count > 0).length;

  it.each(STAMPEDE_CASES)(
    'with a %s token ask for at most one token per worker, then share the stored one',
    async (entry) => {
      const stampedeRun = await stampede.fire(entry, EXECUTIONS);
      expectAllSucceeded(stampedeRun);
      expect(stampedeRun.tokenRequests).toBeGreaterThanOrEqual(1);
      expect(stampedeRun.tokenRequests).toBeLessThanOrEqual(workersThatRan(stampedeRun));

      // The renewed token is in PostgreSQL now: the next 50, on both workers, all succeed
      // without a token request and without a 401. Since the emulator serves only tokens it
      // issued and issued none, every one of them carried the same stored token.
      const shared = await stampede.fire(entry, EXECUTIONS);
      expectAllSucceeded(shared);
      expect(Object.keys(shared.byWorker).sort()).toEqual(['worker-1', 'worker-2']);
      expect(workersThatRan(shared)).toBe(2);
      expect(Object.values(shared.byWorker).reduce((sum, count) => sum + count, 0)).toBe(
        EXECUTIONS,
      );
      expect(shared.tokenRequests).toBe(0);
      expect(shared.unauthorized).toBe(0);
    },
    2 * FIRE_TIMEOUT_MS,
  );

  it('logs no secret in any of the three processes', () => {
    expectNoSecrets(stampede.logs(), secrets);
  });
});
