import { basic, call, EMULATOR_SEED, getWithToken, postForm, useEmulator } from './helpers';

const { service, readOnly } = EMULATOR_SEED.generic.clients;
const alice = EMULATOR_SEED.generic.users.alice;

describe('generic OAuth2 server', () => {
  const emulator = useEmulator();
  const tokenUrl = (query = '') => `${emulator().url}/generic/oauth/token${query}`;
  const apiUrl = (path: string) => `${emulator().url}/generic/api${path}`;

  it('authenticates the client in the body, as HTTP Basic or in the query string', async () => {
    const body = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: service.clientId,
      client_secret: service.clientSecret,
    });
    const viaBasic = await postForm(
      tokenUrl(),
      { grant_type: 'client_credentials' },
      { authorization: basic(service.clientId, service.clientSecret) },
    );
    const query = `?${new URLSearchParams({ client_id: service.clientId, client_secret: service.clientSecret }).toString()}`;
    const viaQuery = await postForm(tokenUrl(query), { grant_type: 'client_credentials' });
    for (const answer of [body, viaBasic, viaQuery]) {
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'read write',
      });
    }
  });

  it('refuses two client authentication methods at once and none at all', async () => {
    const both = await postForm(
      tokenUrl(),
      {
        grant_type: 'client_credentials',
        client_id: service.clientId,
        client_secret: service.clientSecret,
      },
      { authorization: basic(service.clientId, service.clientSecret) },
    );
    expect(both.status).toBe(400);
    expect(both.body.error).toBe('invalid_request');
    const none = await postForm(tokenUrl(), { grant_type: 'client_credentials' });
    expect(none.status).toBe(401);
    expect(none.body.error).toBe('invalid_client');
  });

  it('password grant returns a refresh token that rotates and works once', async () => {
    const first = await postForm(tokenUrl(), {
      grant_type: 'password',
      username: alice.username,
      password: alice.password,
      client_id: service.clientId,
      client_secret: service.clientSecret,
    });
    expect(first.status).toBe(200);
    const refreshToken = first.body.refresh_token as string;
    const refreshed = await postForm(tokenUrl(), {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: service.clientId,
      client_secret: service.clientSecret,
    });
    expect(refreshed.status).toBe(200);
    expect(refreshed.body.refresh_token).not.toBe(refreshToken);
    const reused = await postForm(tokenUrl(), {
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: service.clientId,
      client_secret: service.clientSecret,
    });
    expect(reused.status).toBe(400);
    expect(reused.body.error).toBe('invalid_grant');
    const me = await getWithToken(apiUrl('/me'), refreshed.body.access_token as string);
    expect(me.body).toEqual({
      sub: alice.username,
      client_id: service.clientId,
      scope: 'read write',
    });
  });

  it.each([
    [
      'wrong password',
      { grant_type: 'password', username: alice.username, password: 'nope' },
      400,
      'invalid_grant',
    ],
    [
      'scope not allowed',
      { grant_type: 'client_credentials', scope: 'admin' },
      400,
      'invalid_scope',
    ],
    ['unknown grant', { grant_type: 'device_code' }, 400, 'unsupported_grant_type'],
    ['missing grant', {}, 400, 'invalid_request'],
  ] as Array<[string, Record<string, string>, number, string]>)(
    '%s → %i %s',
    async (_label, params, status, error) => {
      const answer = await postForm(tokenUrl(), {
        ...params,
        client_id: service.clientId,
        client_secret: service.clientSecret,
      });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ error, error_description: expect.any(String) });
    },
  );

  it('pages items with offset and limit and checks the read scope', async () => {
    const token = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      scope: 'write',
      client_id: service.clientId,
      client_secret: service.clientSecret,
    });
    const forbidden = await getWithToken(apiUrl('/items'), token.body.access_token as string);
    expect(forbidden.status).toBe(403);
    expect(forbidden.body.error).toBe('insufficient_scope');
    const reader = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: readOnly.clientId,
      client_secret: readOnly.clientSecret,
    });
    const page = await getWithToken<{
      items: Array<{ id: number }>;
      total: number;
      offset: number;
      limit: number;
    }>(apiUrl('/items?offset=240&limit=20'), reader.body.access_token as string);
    expect(page.body.total).toBe(EMULATOR_SEED.generic.items);
    expect(page.body.items.map((item) => item.id)).toEqual(
      Array.from({ length: 10 }, (_, i) => 241 + i),
    );
    expect(
      (await getWithToken(apiUrl('/items?limit=500'), reader.body.access_token as string)).status,
    ).toBe(400);
    expect((await call(apiUrl('/items'))).status).toBe(401);
  });
});
