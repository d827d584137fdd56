import { basic, call, EMULATOR_SEED, getWithToken, useEmulator } from './helpers';

const { admin, special } = EMULATOR_SEED.dell.clients;

describe('Dell CloudLink Center', () => {
  const emulator = useEmulator();
  const tokenUrl = (params: Record<string, string>) =>
    `${emulator().url}/dell/cloudlink/oauth/token?${new URLSearchParams(params).toString()}`;
  const goodParams = (client = admin) => ({
    grant_type: 'client_credentials',
    client_id: client.clientId,
    client_secret: client.clientSecret,
    scope: 'all',
  });
  const token = async (client = admin) => {
    const answer = await call(tokenUrl(goodParams(client)), { method: 'POST' });
    expect(answer.status).toBe(200);
    return answer.body.access_token as string;
  };

  it('issues a uuid bearer token for credentials in the query string', async () => {
    const answer = await call(tokenUrl(goodParams()), { method: 'POST' });
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.stringMatching(
        /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/,
      ),
      token_type: 'bearer',
      expires_in: 7199,
      scope: 'all',
    });
    expect(answer.body).not.toHaveProperty('refresh_token');
  });

  it('accepts a secret with URL-special characters when it is encoded in the query', async () => {
    expect(await token(special)).toEqual(expect.any(String));
  });

  it('rejects credentials sent in a form body or as HTTP Basic', async () => {
    const inBody = await call(`${emulator().url}/dell/cloudlink/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(goodParams()).toString(),
    });
    expect(inBody.status).toBe(400);
    expect(inBody.body).toEqual({
      error: 'invalid_request',
      error_description: expect.stringContaining('query string'),
    });
    const withBasic = await call(tokenUrl({ grant_type: 'client_credentials', scope: 'all' }), {
      method: 'POST',
      headers: { authorization: basic(admin.clientId, admin.clientSecret) },
    });
    expect(withBasic.status).toBe(400);
  });

  it.each([
    [
      'no grant type',
      { client_id: admin.clientId, client_secret: admin.clientSecret },
      400,
      'invalid_request',
    ],
    [
      'password grant',
      { grant_type: 'password', client_id: admin.clientId, client_secret: admin.clientSecret },
      400,
      'unsupported_grant_type',
    ],
    ['no credentials', { grant_type: 'client_credentials' }, 401, 'unauthorized'],
    [
      'wrong secret',
      { grant_type: 'client_credentials', client_id: admin.clientId, client_secret: 'nope' },
      401,
      'invalid_client',
    ],
    [
      'wrong scope',
      {
        grant_type: 'client_credentials',
        client_id: admin.clientId,
        client_secret: admin.clientSecret,
        scope: 'read',
      },
      400,
      'invalid_scope',
    ],
    [
      'the secadmin scope for a client user',
      {
        grant_type: 'client_credentials',
        client_id: admin.clientId,
        client_secret: admin.clientSecret,
        scope: 'built_in_client',
      },
      400,
      'invalid_scope',
    ],
  ] as Array<[string, Record<string, string>, number, string]>)(
    '%s → %i %s',
    async (_label, params, status, error) => {
      const answer = await call(tokenUrl(params), { method: 'POST' });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ error, error_description: expect.any(String) });
    },
  );

  it('serves machines, users and the license to a bearer token', async () => {
    const accessToken = await token();
    const machines = await getWithToken<Array<Record<string, unknown>>>(
      `${emulator().url}/dell/cloudlink/rest/securevm`,
      accessToken,
    );
    expect(machines.status).toBe(200);
    expect(machines.body.length).toBeGreaterThan(20);
    expect(machines.body[0]).toEqual(
      expect.objectContaining({
        id: expect.any(String),
        name: expect.any(String),
        status: expect.any(String),
      }),
    );
    const one = await getWithToken(
      `${emulator().url}/dell/cloudlink/rest/securevm/${String(machines.body[0]?.id)}`,
      accessToken,
    );
    expect(one.body).toEqual(machines.body[0]);
    const users = await getWithToken<unknown[]>(
      `${emulator().url}/dell/cloudlink/rest/users`,
      accessToken,
    );
    expect(users.body).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: admin.clientId, type: 'Client' })]),
    );
    const license = await getWithToken(
      `${emulator().url}/dell/cloudlink/rest/license`,
      accessToken,
    );
    expect(license.body).toEqual(
      expect.objectContaining({ status: 'Valid', machinesUsed: machines.body.length }),
    );
  });

  it('GET /auth returns the session context; monitoring events come in a time window', async () => {
    const accessToken = await token();
    const rest = (path: string) => `${emulator().url}/dell/cloudlink/rest${path}`;
    const session = await getWithToken(rest('/auth'), accessToken);
    expect(session.status).toBe(200);
    expect(session.body).toMatchObject({
      username: admin.clientId,
      user_type: 'Client',
      scope: 'all',
    });
    const all = await getWithToken<Array<{ timestamp: number }>>(
      rest('/monitoring/events?count=1000'),
      accessToken,
    );
    expect(all.body.length).toBeGreaterThan(100);
    const from = all.body[10]?.timestamp ?? 0;
    const to = all.body[30]?.timestamp ?? 0;
    const window = await getWithToken<Array<{ timestamp: number }>>(
      rest(`/monitoring/events?timestamp=${from}&end=${to}&count=5&interval=60`),
      accessToken,
    );
    expect(window.body).toEqual(all.body.slice(10, 15));
    for (const query of ['timestamp=yesterday', 'count=0', 'count=many']) {
      const bad = await getWithToken(rest(`/monitoring/events?${query}`), accessToken);
      expect({ query, status: bad.status }).toEqual({ query, status: 400 });
    }
    expect((await call(rest('/monitoring/events'))).status).toBe(401);
  });

  it('answers 401 invalid_token without a valid bearer token, and after logout', async () => {
    const missing = await call(`${emulator().url}/dell/cloudlink/rest/users`);
    expect(missing.status).toBe(401);
    expect(missing.body.error).toBe('invalid_token');
    expect(missing.headers.get('www-authenticate')).toContain('invalid_token');
    const accessToken = await token();
    const logout = await call(`${emulator().url}/dell/cloudlink/rest/auth`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(logout.status).toBe(204);
    expect(
      (await getWithToken(`${emulator().url}/dell/cloudlink/rest/users`, accessToken)).status,
    ).toBe(401);
  });

  it('counts token requests per credential and never by secret', async () => {
    await token();
    await token();
    const counters = emulator().control.counters();
    expect(counters.tokenRequests.byProvider.dell).toBe(2);
    expect(counters.tokenRequests.byCredential[`dell:${admin.clientId}`]).toBe(2);
    expect(JSON.stringify(counters)).not.toContain(admin.clientSecret);
  });
});
