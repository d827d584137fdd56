import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import { expectNoSecrets } from '@switchboard/testkit';
import {
  ApiClient,
  createAxiosTransport,
  createOAuthTokenSource,
  FileTokenStore,
  SwitchboardError,
  TokenManager,
  tokenErrorFromResponse,
} from './engine';
import type { Logger, OAuthTokenSourceOptions, RenewalPolicy, TokenStore } from './engine';
import { EARLY, FakeClock, recordingLogger } from './fakes';

const SEED = EMULATOR_SEED;
const transport = createAxiosTransport({ timeoutMs: 5_000 });
const fastRetry = { retries: 3, baseDelayMs: 5, maxDelayMs: 20 };
let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
});
afterAll(() => emulator.close());
beforeEach(() => emulator.control.reset());

const mitelAuth = (env: 'prod' | 'sandbox') =>
  `${emulator.url}/mitel/${env}/authentication/2017-09-01`;
const tokenRequests = () => emulator.control.counters().tokenRequests.total;

type Grant = OAuthTokenSourceOptions['grant'];
type Request = OAuthTokenSourceOptions['request'];

function manager(
  provider: string,
  grant: Grant,
  request: Request,
  options: {
    renewal?: RenewalPolicy;
    clock?: FakeClock;
    store?: TokenStore;
    defaultExpiresInSec?: number;
    logger?: Logger;
  } = {},
) {
  const source = createOAuthTokenSource({
    key: `${provider}:${JSON.stringify(request.client?.id ?? grant)}`,
    provider,
    renewal: options.renewal ?? EARLY,
    grant,
    request,
    defaultExpiresInSec: options.defaultExpiresInSec ?? 3600,
    correlationHeader: 'x-mitel-correlation-id',
    ...(options.clock ? { clock: options.clock } : {}),
  });
  return new TokenManager({
    source,
    transport,
    retry: fastRetry,
    ...(options.clock ? { clock: options.clock } : {}),
    ...(options.store ? { store: options.store } : {}),
    ...(options.logger ? { logger: options.logger } : {}),
  });
}

const mitelClient = (env: 'prod' | 'sandbox' = 'prod', clock?: FakeClock) => {
  const client = SEED.mitel[env].clients.acmeAdmin;
  return manager(
    'mitel-cloudlink',
    { type: 'client_credentials' },
    {
      tokenUrl: `${mitelAuth(env)}/token`,
      client: { id: client.clientId, secret: client.clientSecret, placement: 'body' },
      extraParams: { account_id: client.accountId },
    },
    clock ? { clock } : {},
  );
};

const mitelUser = (
  user: { username: string; password: string; accountId: string },
  clock?: FakeClock,
  account = true,
) =>
  manager(
    'mitel-cloudlink',
    { type: 'password', username: user.username, password: user.password },
    {
      tokenUrl: `${mitelAuth('prod')}/token`,
      ...(account ? { extraParams: { account_id: user.accountId } } : {}),
    },
    clock ? { clock } : {},
  );

const apiClient = (tokens: TokenManager) =>
  new ApiClient({
    tokens,
    transport,
    provider: 'mitel-cloudlink',
    correlationHeader: 'x-mitel-correlation-id',
    retry: fastRetry,
  });

async function failure(promise: Promise<unknown>): Promise<SwitchboardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SwitchboardError) return error;
    throw error;
  }
  throw new Error('expected a failure');
}

describe('token engine against the emulator (real HTTP)', () => {
  it('1,000 concurrent cold callers make exactly one Mitel token request (201 Created)', async () => {
    const tokens = mitelClient();
    const results = await Promise.all(Array.from({ length: 1000 }, () => tokens.getToken()));
    expect(new Set(results.map((token) => token.accessToken)).size).toBe(1);
    expect(tokenRequests()).toBe(1);
    const whoAmI = await apiClient(tokens).send<{ claims: { accountId: string } }>({
      method: 'GET',
      url: `${mitelAuth('prod')}/token`,
    });
    expect(whoAmI.data.claims.accountId).toBe(SEED.mitel.prod.clients.acmeAdmin.accountId);
  });

  it('rotates Mitel refresh tokens and falls back to the full grant when the refresh is rejected', async () => {
    const clock = new FakeClock(Date.now());
    const tokens = mitelUser(SEED.mitel.prod.users.agent, clock);
    const first = await tokens.getToken();
    expect(first.refreshToken).toBeDefined();
    clock.advance(3_601_000);
    emulator.control.advanceClock(3_601);
    const second = await tokens.getToken();
    expect(second.accessToken).not.toBe(first.accessToken);
    expect(second.refreshToken).not.toBe(first.refreshToken);
    expect(tokenRequests()).toBe(2);
    emulator.control.revokeTokens('mitel'); // the refresh token dies too
    clock.advance(3_601_000);
    emulator.control.advanceClock(3_601);
    const third = await tokens.getToken();
    expect(third.accessToken).not.toBe(second.accessToken);
    expect(tokenRequests()).toBe(4); // refresh rejected (401 InvalidRefreshToken) + one full grant
  });

  it('a revoked token is invalidated and the request retried; a late 401 keeps the fresh token', async () => {
    const tokens = mitelClient();
    const client = apiClient(tokens);
    const old = await tokens.getToken();
    emulator.control.revokeToken(old.accessToken);
    const response = await client.send({ method: 'GET', url: `${mitelAuth('prod')}/token` });
    expect(response.status).toBe(200);
    const fresh = await tokens.getToken();
    expect(fresh.accessToken).not.toBe(old.accessToken);
    await tokens.invalidate(old.accessToken);
    expect((await tokens.getToken()).accessToken).toBe(fresh.accessToken);
    expect(tokenRequests()).toBe(2);
  });

  it('a production token in the sandbox fails after one retry, with an environment hint', async () => {
    const error = await failure(
      apiClient(mitelClient('prod')).send({ method: 'GET', url: `${mitelAuth('sandbox')}/token` }),
    );
    expect(error).toMatchObject({ kind: 'api', status: 401, code: 'wrong_environment' });
    expect(error.hint).toMatch(/sandbox/);
    expect(error.correlationId).toEqual(expect.any(String));
    expect(tokenRequests()).toBe(2);
  });

  it('production credentials at the sandbox token endpoint point at the environment', async () => {
    const client = SEED.mitel.prod.clients.acmeAdmin;
    const tokens = manager(
      'mitel-cloudlink',
      { type: 'client_credentials' },
      {
        tokenUrl: `${mitelAuth('sandbox')}/token`,
        client: { id: client.clientId, secret: client.clientSecret, placement: 'body' },
      },
    );
    const error = await failure(tokens.getToken());
    expect(error).toMatchObject({ kind: 'token', status: 404, providerCode: 'ClientNotFound' });
    expect(error.hint).toMatch(/production and sandbox/);
  });

  it.each([
    ['a wrong secret', 'ClientSecretMismatch', 'invalid_client', 401],
    ['an inactive client', 'ClientNotActive', 'user_not_active', 401],
  ])('Mitel %s → %s / %s, never retried', async (_what, providerCode, code, status) => {
    const client =
      providerCode === 'ClientNotActive'
        ? SEED.mitel.prod.clients.inactive
        : SEED.mitel.prod.clients.acmeAdmin;
    const secret =
      providerCode === 'ClientSecretMismatch' ? 'SENTINEL-wrong-secret' : client.clientSecret;
    const tokens = manager(
      'mitel-cloudlink',
      { type: 'client_credentials' },
      {
        tokenUrl: `${mitelAuth('prod')}/token`,
        client: { id: client.clientId, secret, placement: 'body' },
      },
    );
    const error = await failure(tokens.getToken());
    expect(error).toMatchObject({ kind: 'token', code, status, providerCode });
    expect(error.correlationId).toEqual(expect.any(String));
    expect(tokenRequests()).toBe(1);
  });

  it.each([
    ['shared', false, 'account_ambiguous', 409],
    ['locked', true, 'account_locked', 422],
    ['passwordChange', true, 'password_change_required', 422],
    ['passwordRules', true, 'password_rules', 422],
    ['inactive', true, 'user_not_active', 403],
  ] as const)('Mitel user %s → %s', async (name, withAccount, code, status) => {
    const error = await failure(
      mitelUser(SEED.mitel.prod.users[name], undefined, withAccount).getToken(),
    );
    expect(error).toMatchObject({ code, status });
    expect(error.hint.length).toBeGreaterThan(20);
  });

  // Mitel's own sample code posts JSON and is answered, so the emulator (like Mitel) reads it;
  // Bright Pattern really wants a form, and its refusal still explains that.
  it('a JSON body: read by Mitel (as its sample sends it), explained as "must be form-urlencoded" by Bright Pattern', async () => {
    const client = SEED.mitel.prod.clients.acmeAdmin;
    const mitelAnswer = await transport({
      method: 'POST',
      url: `${mitelAuth('prod')}/token`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      }),
    });
    expect(mitelAnswer.status).toBe(201);
    const bright = SEED['bright-pattern'].clients.acme;
    const response = await transport({
      method: 'POST',
      url: `${emulator.url}/bright-pattern/configapi/v2/oauth/token`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: bright.clientId,
        client_secret: bright.clientSecret,
        tenant: bright.tenant,
      }),
    });
    const error = tokenErrorFromResponse(response, {
      provider: 'bright-pattern',
      secrets: [bright.clientSecret],
    });
    expect(error).toMatchObject({ code: 'invalid_request', status: 400 });
    expect(error.hint).toMatch(/form-urlencoded/);
  });

  it('Dell: credentials (with & = + / %) only in the query string, no body', async () => {
    const client = SEED.dell.clients.special;
    const tokens = manager(
      'dell-cloudlink',
      { type: 'client_credentials' },
      {
        tokenUrl: `${emulator.url}/dell/cloudlink/oauth/token`,
        client: { id: client.clientId, secret: client.clientSecret, placement: 'query' },
        scope: SEED.dell.scope,
        paramsIn: 'query',
      },
    );
    const token = await tokens.getToken();
    expect(token.tokenType).toBe('Bearer');
    expect(token.expiresAt - token.obtainedAt).toBe(7_199_000);
  });

  it('Bright Pattern: expires_in as a string', async () => {
    const client = SEED['bright-pattern'].clients.acme;
    const token = await manager(
      'bright-pattern',
      { type: 'client_credentials' },
      {
        tokenUrl: `${emulator.url}/bright-pattern/configapi/v2/oauth/token`,
        client: { id: client.clientId, secret: client.clientSecret, placement: 'body' },
        extraParams: { tenant: client.tenant },
      },
    ).getToken();
    expect(token.expiresAt - token.obtainedAt).toBe(3_599_000);
  });

  const sangoma = (
    encoding: 'raw' | 'strict',
    store?: TokenStore,
    clientName: 'rawSecret' | 'agentOnly' = 'rawSecret',
  ) => {
    const client = SEED.sangoma.clients[clientName];
    return manager(
      'sangoma-cx',
      { type: 'client_credentials' },
      {
        tokenUrl: `${emulator.url}/sangoma/auth/oauth/token`,
        client: {
          id: client.clientId,
          secret: client.clientSecret,
          placement: 'basic',
          basicEncoding: encoding,
        },
        scope: client.scopes.join(' '),
      },
      { renewal: { mode: 'at-expiry' }, ...(store ? { store } : {}) },
    );
  };

  it('Sangoma: raw Basic works, strict Basic is rejected for a secret with + / =', async () => {
    expect((await sangoma('raw').getToken()).expiresAt - Date.now()).toBeGreaterThan(
      300 * 24 * 3600 * 1000,
    );
    expect(await failure(sangoma('strict').getToken())).toMatchObject({
      code: 'invalid_client',
      status: 401,
    });
  });

  it('Sangoma: the file store keeps the 1-year token across a restart (no new request)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sb-sangoma-'));
    try {
      const path = join(dir, 'tokens.json');
      const encryptionKey = 'sangoma-file-store-key-0123456789';
      const before = sangoma('raw', new FileTokenStore({ path, encryptionKey }));
      const first = await before.getToken();
      await before.close();
      const after = sangoma('raw', new FileTokenStore({ path, encryptionKey }));
      expect((await after.getToken()).accessToken).toBe(first.accessToken);
      expect(tokenRequests()).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('Sangoma: 403 insufficient_scope is not retried and keeps the token', async () => {
    const tokens = sangoma('raw', undefined, 'agentOnly');
    const error = await failure(
      new ApiClient({ tokens, transport, provider: 'sangoma-cx', retry: fastRetry }).send({
        method: 'POST',
        url: `${emulator.url}/sangoma/cpaas/cx/api/v1/queues/call/`,
        body: {
          queue_name: 'sales',
          destination: '+15550100',
          tenant_domain: 'acme.cx.sangoma.com',
        },
      }),
    );
    expect(error).toMatchObject({ code: 'insufficient_scope', status: 403 });
    expect(emulator.control.counters().apiRequests.total).toBe(1);
    expect(tokenRequests()).toBe(1);
  });

  describe('faults', () => {
    const generic = (options: Parameters<typeof manager>[3] = {}) => {
      const client = SEED.generic.clients.service;
      return manager(
        'generic-oauth2',
        { type: 'client_credentials' },
        {
          tokenUrl: `${emulator.url}/generic/oauth/token`,
          client: { id: client.clientId, secret: client.clientSecret, placement: 'basic' },
          scope: 'read',
        },
        options,
      );
    };

    it('an early renewal failing with 503 keeps the valid token working, then renews', async () => {
      const clock = new FakeClock(Date.now());
      const logger = recordingLogger();
      const tokens = generic({ clock, logger });
      const client = new ApiClient({ tokens, transport, provider: 'generic-oauth2' });
      const first = await tokens.getToken();
      clock.time = first.expiresAt - 30_000; // inside the early-renewal window
      emulator.control.injectFault({
        provider: 'generic',
        kind: 'status',
        target: 'token',
        status: 503,
        count: fastRetry.retries + 1,
      });
      const me = await client.send({ method: 'GET', url: `${emulator.url}/generic/api/me` });
      expect(me.status).toBe(200);
      expect((await tokens.getToken()).accessToken).toBe(first.accessToken);
      expect(tokenRequests()).toBe(1 + fastRetry.retries + 1);
      const warnings = logger.lines.filter((line) => line.startsWith('warn'));
      expect(warnings).toHaveLength(1);
      expectNoSecrets(warnings[0] ?? '', [
        first.accessToken,
        SEED.generic.clients.service.clientSecret,
      ]);
      clock.advance(30_000 / 10);
      expect((await tokens.getToken()).accessToken).not.toBe(first.accessToken);
      expect(tokenRequests()).toBe(1 + fastRetry.retries + 1 + 1);
      await tokens.close();
    });

    it('retries token requests after 503, 429 (Retry-After), a reset connection and an HTML proxy page', async () => {
      emulator.control.injectFault({
        provider: 'generic',
        kind: 'status',
        target: 'token',
        status: 503,
      });
      emulator.control.injectFault({
        provider: 'generic',
        kind: 'rate-limit',
        target: 'token',
        retryAfterSec: 0,
      });
      emulator.control.injectFault({ provider: 'generic', kind: 'reset', target: 'token' });
      const tokens = generic();
      expect((await tokens.getToken()).accessToken).toEqual(expect.any(String));
      expect(tokenRequests()).toBe(4);
      emulator.control.injectFault({
        provider: 'generic',
        kind: 'html',
        target: 'token',
        count: 4,
      });
      await tokens.close();
      const error = await failure(generic().getToken());
      expect(error).toMatchObject({ code: 'server_error', status: 502 });
      expect(error.message).toContain('HTML');
    });

    // Mitel's own sample reads Retry-After as an HTTP date: the engine honours that form too.
    it('waits out a Mitel 429 whose Retry-After is an HTTP date, then signs in', async () => {
      emulator.control.injectFault({
        provider: 'mitel',
        kind: 'rate-limit',
        target: 'token',
        retryAfterSec: 1,
        retryAfterFormat: 'date',
      });
      const tokens = mitelClient();
      const started = Date.now();
      expect((await tokens.getToken()).accessToken).toEqual(expect.any(String));
      // Far beyond the 5-20 ms backoff: the date was read (HTTP dates have whole seconds).
      expect(Date.now() - started).toBeGreaterThan(fastRetry.maxDelayMs);
      expect(tokenRequests()).toBe(2);
      await tokens.close();
    });

    it('API: retries a GET after 503, reports malformed JSON', async () => {
      const client = new ApiClient({
        tokens: generic(),
        transport,
        provider: 'generic-oauth2',
        retry: fastRetry,
      });
      emulator.control.injectFault({
        provider: 'generic',
        kind: 'status',
        target: 'api',
        status: 503,
      });
      const page = await client.send<{ items: unknown[] }>({
        method: 'GET',
        url: `${emulator.url}/generic/api/items`,
        query: { offset: 0, limit: 5 },
      });
      expect(page.data.items).toHaveLength(5);
      emulator.control.injectFault({ provider: 'generic', kind: 'malformed-json', target: 'api' });
      expect(
        await failure(client.send({ method: 'GET', url: `${emulator.url}/generic/api/me` })),
      ).toMatchObject({
        code: 'unexpected_response',
      });
    });

    it('paginates the generic items list page by page', async () => {
      const client = new ApiClient({ tokens: generic(), transport, retry: fastRetry });
      let items = 0;
      let pages = 0;
      const first = {
        method: 'GET' as const,
        url: `${emulator.url}/generic/api/items`,
        query: { offset: 0, limit: 100 },
      };
      for await (const { response } of client.paginate(first, (page, request) => {
        const data = page.data as { offset: number; limit: number; total: number };
        const offset = data.offset + data.limit;
        return offset < data.total
          ? { ...request, query: { offset, limit: data.limit } }
          : undefined;
      })) {
        items += (response.data as { items: unknown[] }).items.length;
        pages += 1;
      }
      expect(items).toBe(SEED.generic.items);
      expect(pages).toBe(Math.ceil(SEED.generic.items / 100));
    });
  });
});
