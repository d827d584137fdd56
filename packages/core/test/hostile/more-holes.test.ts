import { bindCredentials } from '../../src/profiles/bind';
// Holes of the same classes found beyond items 5-12: a custom transport that throws errors
// carrying the request (axios-style config and headers, cause chains, AggregateError), scope
// text echoed into diagnose(), secrets in URL user info.
import { errorViews, expectNoSecrets, leakForms, sentinelSecret } from '@switchboard/testkit';
import { createConnection, type Connection } from '../../src/connection/connection';
import { diagnose } from '../../src/diagnose/diagnose';
import { getProfile } from '../../src/profiles/registry';
import { obtainToken } from '../../src/profiles/token-source';
import { redactText, redactUrl } from '../../src/redact';
import type { HttpRequest, Transport } from '../../src/transport/types';
import {
  isTokenRequest,
  json,
  startHostileServer,
  type HostileServer,
} from './support/hostile-server';

const secret = sentinelSecret('client');
const access = sentinelSecret('access');
let server: HostileServer;
let scope = 'agent.read';

beforeAll(async () => {
  server = await startHostileServer((request, response) => {
    if (isTokenRequest(request)) {
      return json(response, 200, {
        access_token: access,
        token_type: 'Bearer',
        expires_in: 3600,
        scope,
      });
    }
    return json(response, 200, { ok: true });
  });
});
afterAll(() => server.close());

const open: Connection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()));
});

const credentials = () => ({
  tokenUrl: `${server.url}/oauth/token`,
  clientId: 'holes-client',
  clientSecret: secret,
  apiBaseUrl: `${server.url}/api`,
});

/** Like an HTTP library's error: the whole request (headers, body) on it, in a cause chain. */
function leakyError(request: HttpRequest): Error {
  const inner = Object.assign(
    new Error(`connect failed for ${request.headers.authorization ?? ''}`),
    {
      code: 'ECONNRESET',
      config: { headers: request.headers, data: request.body, url: request.url },
    },
  );
  const outer = new AggregateError(
    [inner],
    `request to ${request.url} failed: ${request.body ?? ''}`,
  );
  return Object.assign(outer, { cause: inner, request });
}

describe('a custom transport whose errors carry the request', () => {
  const throwing = (real: Transport, when: (request: HttpRequest) => boolean): Transport => {
    return async (request) => {
      if (when(request)) throw leakyError(request);
      return real(request);
    };
  };
  const passThrough: Transport = async (request) => {
    const response = await fetch(request.url, {
      method: request.method,
      headers: request.headers,
      ...(request.body === undefined ? {} : { body: request.body }),
    });
    return {
      status: response.status,
      headers: Object.fromEntries(response.headers),
      body: await response.text(),
    };
  };

  it.each([
    ['token request', (request: HttpRequest) => /oauth\/token/.test(request.url)],
    ['API request', (request: HttpRequest) => /\/api\//.test(request.url)],
  ])('on the %s: a network error without the request, cause or secret', async (_label, when) => {
    const connection = createConnection(getProfile('generic-oauth2'), credentials(), {
      transport: throwing(passThrough, when),
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 1 },
    });
    open.push(connection);
    let caught: unknown;
    await connection
      .execute('custom.request', { method: 'GET', path: '/me' })
      .catch((error: unknown) => {
        caught = error;
      });
    expect(caught).toMatchObject({ kind: 'network' });
    expectNoSecrets(errorViews(caught), [secret, access]);
    const diagnosis = await connection.diagnose();
    expectNoSecrets(JSON.stringify(diagnosis), [secret, access]);
  });
});

it('obtainToken (n8n’s preAuthentication) wraps a leaky transport’s errors too', async () => {
  const leaky: Transport = async (request) => {
    throw leakyError(request);
  };
  const caught = await obtainToken(
    bindCredentials(getProfile('generic-oauth2'), credentials()),
    leaky,
  ).catch((error: unknown) => error);
  expect(caught).toMatchObject({ kind: 'network' });
  expectNoSecrets(errorViews(caught), [secret]);
});

it('a token endpoint that redirects to another origin is not followed there', async () => {
  const elsewhere = await startHostileServer((_request, response) => json(response, 200, {}));
  const redirecting = await startHostileServer((_request, response) => {
    response.writeHead(307, { location: `${elsewhere.url}/steal` });
    response.end();
  });
  try {
    const connection = createConnection(getProfile('generic-oauth2'), {
      ...credentials(),
      tokenUrl: `${redirecting.url}/oauth/token`,
    });
    open.push(connection);
    const caught = await connection.tokens.getToken().catch((error: unknown) => error);
    expect(caught).toMatchObject({ kind: 'token' });
    expect(elsewhere.seen).toHaveLength(0);
  } finally {
    await redirecting.close();
    await elsewhere.close();
  }
});

it('diagnose() redacts a granted scope that echoes a secret', async () => {
  scope = `agent.read Basic ${Buffer.from(`id:${secret}`).toString('base64')} ${secret}`;
  try {
    const diagnosis = await diagnose(getProfile('sangoma-cx'), {
      clientId: 'holes-client',
      clientSecret: secret,
      scopes: ['agent.read'],
      tenantDomain: 'acme.example.com',
      tokenUrl: `${server.url}/oauth/token`,
      apiBaseUrl: `${server.url}/api`,
    });
    expectNoSecrets(JSON.stringify(diagnosis), [secret, access]);
  } finally {
    scope = 'agent.read';
  }
});

it('URL user info is masked whole, even with @ in the password or a lone token', () => {
  const password = sentinelSecret('p@ss');
  const url = `https://app:${password}@api.example.com/x?y=1`;
  expectNoSecrets(redactUrl(url), [password]);
  expectNoSecrets(redactText(`see https://${secret}@api.example.com/`), [secret]);
  expect(redactUrl(url)).toBe('https://app:***@api.example.com/x?y=1');
});

it.each([
  ['a plain sentinel', sentinelSecret('plain')],
  ['one with URL, JSON and form specials', `${sentinelSecret('odd')} /&+="\\ é`],
])('redactText masks %s in every wire form, alone and inside HTTP Basic', (_label, value) => {
  const basic = (id: string, encode: (text: string) => string) =>
    Buffer.from(`${encode(id)}:${encode(value)}`).toString('base64');
  const strict = (text: string) => new URLSearchParams({ v: text }).toString().slice(2);
  const texts = [
    // The text forms on their own (the base64 ones only occur inside a whole base64 value).
    ...leakForms(value)
      .filter((form) => form.includes('SENTINEL'))
      .map((form) => `before ${form} after`),
    `Basic ${Buffer.from(value).toString('base64')}`,
    ...['a', 'ab', 'abc', 'client id&1'].flatMap((id) => [
      `auth=Basic ${basic(id, (text) => text)}`,
      `auth=Basic%20${basic(id, strict)}`,
      `{"echo":"basic ${basic(id, strict)}"}`,
    ]),
  ];
  for (const text of texts) expectNoSecrets(redactText(text, [value]), [value]);
});

it('a token URL with user info is refused up front, without the password in the error', () => {
  const password = sentinelSecret('userinfo');
  let caught: unknown;
  try {
    createConnection(getProfile('generic-oauth2'), {
      ...credentials(),
      tokenUrl: `https://someone:${password}@auth.example.com/oauth/token`,
    });
  } catch (error) {
    caught = error;
  }
  expect(caught).toMatchObject({ code: 'invalid_configuration' });
  expectNoSecrets(errorViews(caught), [password]);
});
