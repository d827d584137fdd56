// Item 6: giant answers (streamed by the server, never allocated there) are refused at their
// limit with response_too_large, which is clear and never retried.
import { createConnection, type Connection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import type { Transport } from '../../src/transport/types';
import {
  giant,
  isTokenRequest,
  json,
  startHostileServer,
  type HostileServer,
} from './support/hostile-server';

const MB = 1024 * 1024;
let server: HostileServer;
let tokenBytes = 0;
let apiBytes = 0;

beforeAll(async () => {
  server = await startHostileServer((request, response) => {
    if (isTokenRequest(request)) {
      if (tokenBytes > 0) return giant(response, tokenBytes);
      return json(response, 200, {
        access_token: 'small-token',
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }
    if (apiBytes > 0) return giant(response, apiBytes, '{"items":"');
    return json(response, 200, { ok: true });
  });
});
afterAll(() => server.close());

const open: Connection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()));
  tokenBytes = 0;
  apiBytes = 0;
});

function connect(options: Parameters<typeof createConnection>[2] = {}): Connection {
  const connection = createConnection(
    getProfile('generic-oauth2'),
    {
      tokenUrl: `${server.url}/oauth/token`,
      clientId: 'size-client',
      clientSecret: 'size-secret',
      apiBaseUrl: `${server.url}/api`,
    },
    { retry: { retries: 3, baseDelayMs: 1, maxDelayMs: 2 }, ...options },
  );
  open.push(connection);
  return connection;
}

const tokenRequests = (): number => server.seen.filter(isTokenRequest).length;
const apiRequests = (): number => server.seen.filter((request) => !isTokenRequest(request)).length;

it.each([200, 600])(
  'a %i MB token response is refused once with response_too_large',
  async (size) => {
    tokenBytes = size * MB;
    const before = tokenRequests();
    await expect(connect().tokens.getToken()).rejects.toMatchObject({
      code: 'response_too_large',
      message: expect.stringContaining('larger than the limit'),
    });
    expect(tokenRequests() - before).toBe(1);
  },
  60_000,
);

it('an API response over the configured maxResponseBytes is refused once with response_too_large', async () => {
  apiBytes = 2 * MB;
  const before = apiRequests();
  await expect(
    connect({ maxResponseBytes: 256 * 1024 }).execute('custom.request', {
      method: 'GET',
      path: '/big',
    }),
  ).rejects.toMatchObject({ code: 'response_too_large', kind: 'network' });
  expect(apiRequests() - before).toBe(1);
});

it('an API response under the limit still arrives', async () => {
  apiBytes = 1 * MB;
  const response = await connect({ maxResponseBytes: 4 * MB }).execute('custom.request', {
    method: 'GET',
    path: '/ok',
  });
  expect(response.status).toBe(200);
});

it('a custom transport that reads everything (like n8n’s) is held to the same limits', async () => {
  let calls = 0;
  const everything: Transport = async (request) => {
    calls += 1;
    const body = isTokenRequest({
      method: request.method,
      url: request.url,
      headers: {},
      body: request.body ?? '',
    })
      ? JSON.stringify({ access_token: 'x'.repeat(2 * MB), token_type: 'Bearer' })
      : '{}';
    return { status: 200, headers: { 'content-type': 'application/json' }, body };
  };
  await expect(connect({ transport: everything }).tokens.getToken()).rejects.toMatchObject({
    code: 'response_too_large',
  });
  expect(calls).toBe(1);
});
