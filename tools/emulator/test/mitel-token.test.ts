import {
  basic,
  call,
  EMULATOR_SEED,
  getWithToken,
  mitelClientToken,
  mitelUrl,
  postForm,
  sendJson,
  useEmulator,
} from './helpers';

const prod = EMULATOR_SEED.mitel.prod;
const sandbox = EMULATOR_SEED.mitel.sandbox;

describe('Mitel CloudLink token endpoint', () => {
  const emulator = useEmulator();
  const tokenUrl = (env: 'prod' | 'sandbox' = 'prod') =>
    mitelUrl(emulator().url, env, 'authentication', '/token');

  it('answers client_credentials with 201 Created and a token pair, with a correlation id', async () => {
    const client = prod.clients.acmeAdmin;
    const answer = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      account_id: client.accountId,
    });
    expect(answer.status).toBe(201);
    expect(answer.headers.get('x-mitel-correlation-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      refresh_token: expect.any(String),
      token_type: 'Bearer',
      expires_in: 3600,
      scope: expect.any(String),
    });
  });

  it('accepts client credentials as HTTP Basic, but not in the body and Basic at once', async () => {
    const client = prod.clients.acmeAdmin;
    const viaBasic = await postForm(
      tokenUrl(),
      { grant_type: 'client_credentials' },
      { authorization: basic(client.clientId, client.clientSecret) },
    );
    expect(viaBasic.status).toBe(201);
    const both = await postForm(
      tokenUrl(),
      {
        grant_type: 'client_credentials',
        client_id: client.clientId,
        client_secret: client.clientSecret,
      },
      { authorization: basic(client.clientId, client.clientSecret) },
    );
    expect(both.status).toBe(400);
    expect(both.body.name).toBe('InvalidRequest');
  });

  // Mitel documents form-urlencoded, but its own sample code posts JSON and is answered.
  it('reads a JSON body as Mitel’s own sample sends it; any other body is not read', async () => {
    const client = prod.clients.acmeAdmin;
    const answer = await sendJson(tokenUrl(), 'POST', {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    });
    expect(answer.status).toBe(201);
    expect(answer.body.access_token).toEqual(expect.any(String));
    const text = await call(tokenUrl(), {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: `grant_type=client_credentials&client_id=${client.clientId}`,
    });
    expect(text.status).toBe(400);
    expect(text.body).toEqual({
      name: 'MissingParameters',
      message: expect.stringContaining('x-www-form-urlencoded'),
    });
    expect(text.headers.get('x-mitel-correlation-id')).toBeTruthy();
  });

  describe('authorization code (registered applications)', () => {
    const authorizeUrl = (env: 'prod' | 'sandbox' = 'prod') =>
      mitelUrl(emulator().url, env, 'authentication', '/authorize');
    const application = prod.clients.acmeAdmin.clientId;
    const user = prod.users.admin;
    const authorize = (extra: Record<string, string> = {}) =>
      postForm(authorizeUrl(), {
        response_type: 'code',
        username: user.username,
        password: user.password,
        account_id: user.accountId,
        client_id: application,
        ...extra,
      });

    it('authorizes with a form for {code}, exchanges it once for a refreshable pair', async () => {
      const authorized = await authorize();
      expect(authorized.status).toBe(200);
      const code = authorized.body.code as string;
      expect(code).toEqual(expect.any(String));
      const exchange = { grant_type: 'authorization_code', code, client_id: application };
      const token = await postForm(tokenUrl(), exchange);
      expect(token.status).toBe(201);
      expect(token.body.refresh_token).toEqual(expect.any(String));
      const who = await getWithToken(
        mitelUrl(emulator().url, 'prod', 'authentication', '/token'),
        token.body.access_token as string,
      );
      expect(who.body.claims).toMatchObject({ principalId: user.userId, principalType: 'user' });
      const again = await postForm(tokenUrl(), exchange);
      expect(again.status).toBe(401);
      expect(again.body.name).toBe('AuthenticationFailure');
      const refreshed = await postForm(tokenUrl(), {
        grant_type: 'refresh_token',
        refresh_token: token.body.refresh_token as string,
        client_id: application,
      });
      expect(refreshed.status).toBe(201);
    });

    it('a code works only for the client it was issued to, and only in its environment', async () => {
      const code = (await authorize()).body.code as string;
      const other = await postForm(tokenUrl(), {
        grant_type: 'authorization_code',
        code,
        client_id: prod.clients.acmeUser.clientId,
      });
      expect(other.status).toBe(401);
      const code2 = (await authorize()).body.code as string;
      const inSandbox = await postForm(tokenUrl('sandbox'), {
        grant_type: 'authorization_code',
        code: code2,
        client_id: application,
      });
      expect(inSandbox.status).toBe(401);
      const missing = await postForm(tokenUrl(), { grant_type: 'authorization_code', code: code2 });
      expect(missing.body.name).toBe('MissingParameters');
    });

    it.each([
      ['no response_type', { response_type: '' }, 400, 'MissingParameters'],
      ['response_type token', { response_type: 'token' }, 400, 'InvalidParameters'],
      ['no client_id', { client_id: '' }, 400, 'MissingParameters'],
      ['unknown client', { client_id: 'not-registered' }, 404, 'ClientNotFound'],
      ['inactive client', { client_id: prod.clients.inactive.clientId }, 401, 'ClientNotActive'],
      ['wrong password', { password: 'wrong' }, 401, 'InvalidLoginCredentials'],
      ['unknown account', { account_id: 'nope' }, 404, 'AccountNotFound'],
    ])('refuses %s', async (_label, extra, status, name) => {
      const answer = await authorize(extra);
      expect({ status: answer.status, name: answer.body.name }).toEqual({ status, name });
    });

    it('counts authorize and exchange as token traffic', async () => {
      emulator().control.resetCounters();
      const code = (await authorize()).body.code as string;
      await postForm(tokenUrl(), {
        grant_type: 'authorization_code',
        code,
        client_id: application,
      });
      expect(emulator().control.counters().tokenRequests.byProvider.mitel).toBe(2);
    });
  });

  it.each([
    ['no grant_type', {}, 400, 'MissingParameters'],
    ['unknown grant', { grant_type: 'implicit' }, 400, 'InvalidGrantType'],
    ['no client credentials', { grant_type: 'client_credentials' }, 400, 'MissingParameters'],
    [
      'unknown client',
      { grant_type: 'client_credentials', client_id: 'nope', client_secret: 'x' },
      404,
      'ClientNotFound',
    ],
    [
      'wrong client secret',
      {
        grant_type: 'client_credentials',
        client_id: prod.clients.acmeAdmin.clientId,
        client_secret: 'wrong',
      },
      401,
      'ClientSecretMismatch',
    ],
    [
      'inactive client',
      {
        grant_type: 'client_credentials',
        client_id: prod.clients.inactive.clientId,
        client_secret: prod.clients.inactive.clientSecret,
      },
      401,
      'ClientNotActive',
    ],
    [
      'password grant without password',
      { grant_type: 'password', username: prod.users.admin.username },
      400,
      'MissingParameters',
    ],
    [
      'wrong password',
      { grant_type: 'password', username: prod.users.admin.username, password: 'wrong' },
      401,
      'InvalidLoginCredentials',
    ],
    [
      'inactive user',
      {
        grant_type: 'password',
        username: prod.users.inactive.username,
        password: prod.users.inactive.password,
      },
      403,
      'UserNotActive',
    ],
    [
      'unknown account id',
      {
        grant_type: 'password',
        username: prod.users.admin.username,
        password: prod.users.admin.password,
        account_id: 'unknown',
      },
      404,
      'AccountNotFound',
    ],
    ['refresh without token', { grant_type: 'refresh_token' }, 400, 'MissingParameters'],
    [
      'unknown refresh token',
      { grant_type: 'refresh_token', refresh_token: 'not-a-token' },
      401,
      'InvalidRefreshToken',
    ],
  ] as Array<[string, Record<string, string>, number, string]>)(
    '%s → %i %s',
    async (_label, params, status, name) => {
      const answer = await postForm(tokenUrl(), params);
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ name, message: expect.any(String) });
    },
  );

  it('answers 422 {message, error} for locked users, required password changes and password rules', async () => {
    const cases = [
      [prod.users.locked, '401'],
      [prod.users.passwordChange, '451'],
      [prod.users.passwordRules, '452'],
    ] as const;
    for (const [user, code] of cases) {
      const answer = await postForm(tokenUrl(), {
        grant_type: 'password',
        username: user.username,
        password: user.password,
      });
      expect(answer.status).toBe(422);
      expect(answer.body).toEqual({ message: expect.any(String), error: code });
    }
  });

  it('answers 409 for a username in two accounts without account_id, and a token with it', async () => {
    const user = prod.users.shared;
    const ambiguous = await postForm(tokenUrl(), {
      grant_type: 'password',
      username: user.username,
      password: user.password,
    });
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.name).toEqual(expect.any(String));
    for (const accountId of [prod.users.shared.accountId, prod.users.sharedInGlobex.accountId]) {
      const answer = await postForm(tokenUrl(), {
        grant_type: 'password',
        username: user.username,
        password: user.password,
        account_id: accountId,
      });
      expect(answer.status).toBe(201);
      const me = await getWithToken(tokenUrl(), answer.body.access_token as string);
      expect((me.body.claims as Record<string, unknown>).accountId).toBe(accountId);
    }
  });

  it('rotates refresh tokens: each works once and returns a new pair', async () => {
    const user = prod.users.admin;
    const first = await postForm(tokenUrl(), {
      grant_type: 'password',
      username: user.username,
      password: user.password,
      account_id: user.accountId,
    });
    const refreshed = await postForm(tokenUrl(), {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token as string,
    });
    expect(refreshed.status).toBe(201);
    expect(refreshed.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(refreshed.body.access_token).not.toBe(first.body.access_token);
    const reused = await postForm(tokenUrl(), {
      grant_type: 'refresh_token',
      refresh_token: first.body.refresh_token as string,
    });
    expect(reused.status).toBe(401);
    expect(reused.body.name).toBe('InvalidRefreshToken');
    const again = await postForm(tokenUrl(), {
      grant_type: 'refresh_token',
      refresh_token: refreshed.body.refresh_token as string,
    });
    expect(again.status).toBe(201);
    const counters = emulator().control.counters();
    expect(counters.tokenRequests.byCredential[`mitel:prod:${user.username}`]).toBe(3);
  });

  it('keeps production and sandbox apart: credentials and tokens of one are rejected by the other', async () => {
    const prodClient = prod.clients.acmeAdmin;
    const inSandbox = await postForm(tokenUrl('sandbox'), {
      grant_type: 'client_credentials',
      client_id: prodClient.clientId,
      client_secret: prodClient.clientSecret,
    });
    expect(inSandbox.status).toBe(404);
    const prodToken = await mitelClientToken(emulator().url, 'prod', prodClient);
    const sandboxToken = await mitelClientToken(
      emulator().url,
      'sandbox',
      sandbox.clients.acmeAdmin,
    );
    expect((await getWithToken(tokenUrl('sandbox'), prodToken)).status).toBe(401);
    expect((await getWithToken(tokenUrl('prod'), sandboxToken)).status).toBe(401);
    expect((await getWithToken(tokenUrl('prod'), prodToken)).status).toBe(200);
    expect(sandbox.clients.acmeAdmin.clientSecret).not.toBe(prodClient.clientSecret);
  });

  it('GET /token tells who the caller is', async () => {
    const client = prod.clients.acmeAdmin;
    const token = await mitelClientToken(emulator().url, 'prod', client);
    const me = await getWithToken(tokenUrl(), token);
    expect(me.status).toBe(200);
    expect(me.body.claims).toEqual(
      expect.objectContaining({
        principalId: client.clientId,
        accountId: client.accountId,
        role: 'ACCOUNT_ADMIN',
        exp: expect.any(Number),
        // The domain claim names the account's region (ACME is in us).
        domain: `${client.accountId}.us.api.mitel.io`,
      }),
    );
    const globex = await mitelClientToken(emulator().url, 'sandbox', sandbox.clients.globexAdmin);
    const inSandbox = await getWithToken(tokenUrl('sandbox'), globex);
    expect((inSandbox.body.claims as { domain: string }).domain).toBe(
      `${sandbox.clients.globexAdmin.accountId}.eu.dev.api.mitel.io`,
    );
    const anonymous = await call(tokenUrl());
    expect(anonymous.status).toBe(401);
    expect(anonymous.body).toEqual({ name: 'InvalidToken', message: expect.any(String) });
  });

  it('lets a partner client take a token in a customer account, but not an account admin in another account', async () => {
    const partner = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: prod.clients.partnerAdmin.clientId,
      client_secret: prod.clients.partnerAdmin.clientSecret,
      account_id: prod.accounts.globex.accountId,
    });
    expect(partner.status).toBe(201);
    const acme = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: prod.clients.acmeAdmin.clientId,
      client_secret: prod.clients.acmeAdmin.clientSecret,
      account_id: prod.accounts.globex.accountId,
    });
    expect(acme.status).toBe(403);
  });

  describe('assume-role', () => {
    const assumeUrl = () =>
      mitelUrl(emulator().url, 'prod', 'authentication', '/assume-role/token');

    it('issues a token limited to a lower role', async () => {
      const token = await mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);
      const answer = await sendJson(assumeUrl(), 'POST', { role: 'USER' }, token);
      expect(answer.status).toBe(201);
      const me = await getWithToken(tokenUrl(), answer.body.access_token as string);
      expect(me.body.claims).toEqual(
        expect.objectContaining({ role: 'USER', accountId: prod.clients.acmeAdmin.accountId }),
      );
    });

    it('refuses a role above the caller, an unknown role and a foreign account', async () => {
      const token = await mitelClientToken(emulator().url, 'prod', prod.clients.acmeUser);
      expect((await sendJson(assumeUrl(), 'POST', { role: 'ACCOUNT_ADMIN' }, token)).status).toBe(
        403,
      );
      const unknown = await sendJson(assumeUrl(), 'POST', { role: 'admin' }, token);
      expect(unknown.status).toBe(400);
      expect(unknown.body.name).toBe('InvalidParameters');
      const foreign = await sendJson(
        assumeUrl(),
        'POST',
        { role: 'USER', accountId: prod.accounts.globex.accountId },
        token,
      );
      expect(foreign.status).toBe(403);
    });

    it('lets a partner admin act in a customer account', async () => {
      const token = await mitelClientToken(emulator().url, 'prod', prod.clients.partnerAdmin);
      const answer = await sendJson(
        assumeUrl(),
        'POST',
        { role: 'ACCOUNT_ADMIN', accountId: prod.accounts.acme.accountId },
        token,
      );
      expect(answer.status).toBe(201);
      const me = await getWithToken(tokenUrl(), answer.body.access_token as string);
      expect(me.body.claims).toEqual(
        expect.objectContaining({ accountId: prod.accounts.acme.accountId, role: 'ACCOUNT_ADMIN' }),
      );
    });

    it('needs a valid bearer token and a JSON body', async () => {
      expect((await sendJson(assumeUrl(), 'POST', { role: 'USER' })).status).toBe(401);
      const token = await mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);
      const form = await postForm(
        assumeUrl(),
        { role: 'USER' },
        { authorization: `Bearer ${token}` },
      );
      expect(form.status).toBe(400);
    });
  });

  it('expires access tokens when the clock moves past their lifetime', async () => {
    emulator().control.setTokenLifetime('mitel', 60);
    const token = await mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);
    expect((await getWithToken(tokenUrl(), token)).status).toBe(200);
    emulator().control.advanceClock(61);
    expect((await getWithToken(tokenUrl(), token)).status).toBe(401);
    expect(emulator().control.counters().unauthorized.byProvider.mitel).toBe(1);
  });
});
