// A restart (a new process) refreshes from the refresh token in Redis instead of signing in
// again, even after the access token has expired: real redis-server, emulator over real HTTP.
import { startRedis, type RunningRedis } from '@switchboard/testkit';
import { createConnection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import { RedisTokenStore } from '../../src/stores/redis-store';
import { createAxiosTransport } from '../../src/transport/axios-transport';
import type { HttpRequest, Transport } from '../../src/transport/types';
import { useEmulatorSession } from './support/emulator-session';
import { mitelAt } from './support/emulator-credentials';

const session = useEmulatorSession();
let redis: RunningRedis;

beforeAll(async () => {
  redis = await startRedis();
});
afterAll(() => redis.stop());

/** The axios transport, noting the grant type of every token request it sends. */
function grantRecorder(): Transport & { grants: string[] } {
  const axios = createAxiosTransport({ timeoutMs: 5_000 });
  const grants: string[] = [];
  const transport = (request: HttpRequest) => {
    const grant = new URLSearchParams(request.body ?? '').get('grant_type');
    if (grant !== null) grants.push(grant);
    return axios(request);
  };
  return Object.assign(transport, { grants });
}

/** One "process": its own Redis connection and connection, closed when it is done. */
async function inProcess<T>(
  transport: Transport,
  run: (connection: ReturnType<typeof createConnection>) => Promise<T>,
): Promise<T> {
  const store = new RedisTokenStore({
    url: redis.url,
    encryptionKey: 'refresh-test-encryption-key-0123',
    keyPrefix: 'restart:',
  });
  const connection = createConnection(
    getProfile('mitel-cloudlink'),
    mitelAt(session.emulator.url),
    {
      transport,
      store,
    },
  );
  try {
    return await run(connection);
  } finally {
    await connection.close();
    await store.close();
  }
}

it('a new process refreshes from the refresh token in Redis after the access token expired', async () => {
  const { control } = session.emulator;
  control.reset();
  control.setTokenLifetime('mitel', 1);
  const transport = grantRecorder();

  const first = await inProcess(transport, (connection) => connection.tokens.getToken());
  expect(first.refreshToken).toEqual(expect.any(String));
  // Past the access token's expiry and past any entry that lived only as long as it (≥ 1 s).
  const expired = Date.now() + 1_100;
  while (Date.now() < Math.max(expired, first.expiresAt + 100)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  control.setTokenLifetime('mitel', 3600);

  const second = await inProcess(transport, async (connection) => {
    const response = await connection.execute('auth.whoAmI', {});
    expect(response.status).toBe(200);
    return connection.tokens.getToken();
  });
  expect(second.refreshExpiresAt).toBe(second.obtainedAt + 14 * 24 * 3_600_000);
  expect(second.accessToken).not.toBe(first.accessToken);
  expect(transport.grants).toEqual(['client_credentials', 'refresh_token']);
  expect(control.counters().tokenRequests.byProvider['mitel']).toBe(2);
});
