// Items 10 and 12: where the token may go, and token answers of odd shapes.
import { errorViews, expectNoSecrets, sentinelSecret } from '@switchboard/testkit';
import { createConnection, type Connection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import type { Transport } from '../../src/transport/types';
import { recordingLogger } from '../engine/fakes';
import {
  isTokenRequest,
  json,
  startHostileServer,
  type HostileServer,
} from './support/hostile-server';

const secret = sentinelSecret('client');
let provider: HostileServer;
let elsewhere: HostileServer;
let tokenAnswer: Record<string, unknown> = {};

beforeAll(async () => {
  provider = await startHostileServer((request, response) => {
    if (isTokenRequest(request)) return json(response, 200, tokenAnswer);
    return json(response, 200, { ok: true });
  });
  elsewhere = await startHostileServer((_request, response) =>
    json(response, 200, { stolen: true }),
  );
});
afterAll(async () => {
  await provider.close();
  await elsewhere.close();
});

const open: Connection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()));
});

function connect(
  credentials: Record<string, string> = {},
  options: Parameters<typeof createConnection>[2] = {},
): Connection {
  const connection = createConnection(
    getProfile('generic-oauth2'),
    {
      tokenUrl: `${provider.url}/oauth/token`,
      clientId: 'req-client',
      clientSecret: secret,
      apiBaseUrl: `${provider.url}/api`,
      ...credentials,
    },
    { retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 }, timeoutMs: 2_000, ...options },
  );
  open.push(connection);
  return connection;
}

const bearer = { access_token: sentinelSecret('access'), token_type: 'Bearer', expires_in: 3600 };

describe('connection.request sends the token only to the provider', () => {
  it.each([
    ['another origin', () => `${elsewhere.url}/collect`],
    ['another origin by host name', () => `${elsewhere.url.replace('127.0.0.1', 'localhost')}/x`],
    [
      'user info pointing elsewhere',
      () => `http://user@${elsewhere.url.slice('http://'.length)}/x`,
    ],
  ])('refuses %s before sending anything', async (_label, url) => {
    tokenAnswer = bearer;
    const before = elsewhere.seen.length;
    await expect(connect().request({ method: 'GET', url: url() })).rejects.toMatchObject({
      code: 'invalid_configuration',
    });
    expect(elsewhere.seen.length).toBe(before);
  });

  it('still sends to its own base URL', async () => {
    tokenAnswer = bearer;
    const response = await connect().request({ method: 'GET', url: `${provider.url}/api/me` });
    expect(response.status).toBe(200);
  });
});

describe('odd token answers', () => {
  it('token_type "mac" is a clear error, and nothing is sent as Authorization: mac', async () => {
    tokenAnswer = { ...bearer, token_type: 'mac' };
    const connection = connect();
    let caught: unknown;
    await connection
      .execute('custom.request', { method: 'GET', path: '/me' })
      .catch((error: unknown) => {
        caught = error;
      });
    expect(caught).toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining('only Bearer tokens are supported'),
    });
    expectNoSecrets(errorViews(caught), [secret, String(bearer.access_token)]);
    expect(
      provider.seen.some((request) => /^mac /i.test(String(request.headers.authorization))),
    ).toBe(false);
  });

  it('token_type in any case, or missing, means Bearer', async () => {
    for (const type of ['bearer', 'BEARER', undefined]) {
      tokenAnswer = { ...bearer, token_type: type };
      expect((await connect().tokens.getToken()).tokenType).toBe('Bearer');
    }
  });

  it('expires_in 1e-9 is cached for the minimum life, with one warning', async () => {
    tokenAnswer = { ...bearer, expires_in: 1e-9 };
    const logger = recordingLogger();
    const connection = connect({}, { logger });
    const before = provider.seen.filter(isTokenRequest).length;
    for (let call = 0; call < 10; call += 1) {
      await connection.execute('custom.request', { method: 'GET', path: '/me' });
    }
    // Ten calls in well under the one-second minimum: not ten token requests. A slow machine
    // may cross one renewal, hence "at most 2" rather than exactly 1.
    expect(provider.seen.filter(isTokenRequest).length - before).toBeLessThanOrEqual(2);
    expect(logger.lines.filter((line) => /minimum/.test(line))).toHaveLength(1);
  });

  it('a plain-HTTP token URL to a non-loopback host is a configuration error', async () => {
    await expect(
      connect({ tokenUrl: 'http://auth.lab.test/oauth/token' }).tokens.getToken(),
    ).rejects.toMatchObject({
      code: 'invalid_configuration',
      message: expect.stringContaining('plain HTTP'),
    });
  });

  it('a plain-HTTP API base URL to a non-loopback host is a configuration error too', async () => {
    tokenAnswer = bearer;
    await expect(
      connect({ apiBaseUrl: 'http://api.lab.test/api' }).execute('custom.request', {
        method: 'GET',
        path: '/me',
      }),
    ).rejects.toMatchObject({
      code: 'invalid_configuration',
      message: expect.stringContaining('plain HTTP'),
    });
  });

  // A recording transport stands in for the network: nothing may leave loopback here.
  function recordingTransport(urls: string[]): Transport {
    return async (request) => {
      urls.push(request.url);
      return {
        status: 200,
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(bearer),
      };
    };
  }

  it('the allowInsecureHttp option opts in explicitly: the token request is sent', async () => {
    const urls: string[] = [];
    const token = await connect(
      { tokenUrl: 'http://auth.lab.test/oauth/token' },
      { allowInsecureHttp: true, transport: recordingTransport(urls) },
    ).tokens.getToken();
    expect(token.accessToken).toBe(bearer.access_token);
    expect(urls).toEqual(['http://auth.lab.test/oauth/token']);
  });

  it.each(['bright-pattern', 'dell-cloudlink', 'generic-oauth2'])(
    '%s has the "Allow Insecure HTTP" field in its form (off by default)',
    (id) => {
      const field = getProfile(id).fields.find(
        (candidate) => candidate.name === 'allowInsecureHttp',
      );
      expect(field).toMatchObject({ type: 'boolean', default: false });
    },
  );

  it('the profile field opts in like the option (a form user can choose it)', async () => {
    const urls: string[] = [];
    const refused = connect(
      { tokenUrl: 'http://auth.lab.test/oauth/token' },
      { transport: recordingTransport(urls) },
    ).tokens.getToken();
    await expect(refused).rejects.toMatchObject({ code: 'invalid_configuration' });
    const token = await connect(
      { tokenUrl: 'http://auth.lab.test/oauth/token', allowInsecureHttp: 'true' },
      { transport: recordingTransport(urls) },
    ).tokens.getToken();
    expect(token.accessToken).toBe(bearer.access_token);
    expect(urls).toEqual(['http://auth.lab.test/oauth/token']);
  });

  it.each(['http://localhost', 'http://127.1.2.3', 'http://[::1]'])(
    'loopback %s is always allowed',
    async (origin) => {
      const port = new URL(provider.url).port;
      const error = await connect({ tokenUrl: `${origin}:${port}/oauth/token` })
        .tokens.getToken()
        .then(
          () => undefined,
          (caught: unknown) => caught,
        );
      // Sent (a token, or a network error where that loopback address is not listening), never refused.
      expect((error as { code?: string } | undefined)?.code).not.toBe('invalid_configuration');
    },
  );
});
