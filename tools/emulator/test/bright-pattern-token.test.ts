import {
  basic,
  call,
  EMULATOR_SEED,
  getWithToken,
  postForm,
  sendJson,
  useEmulator,
} from './helpers';

const { acme, globex } = EMULATOR_SEED['bright-pattern'].clients;

describe('Bright Pattern token endpoint', () => {
  const emulator = useEmulator();
  const tokenUrl = () => `${emulator().url}/bright-pattern/configapi/v2/oauth/token`;

  it('issues a Bearer token with expires_in as a string for tenant or scope', async () => {
    for (const field of ['tenant', 'scope']) {
      const answer = await postForm(tokenUrl(), {
        grant_type: 'client_credentials',
        client_id: acme.clientId,
        client_secret: acme.clientSecret,
        [field]: acme.tenant,
      });
      expect(answer.status).toBe(200);
      expect(answer.body).toEqual({
        access_token: expect.any(String),
        token_type: 'Bearer',
        expires_in: '3599',
      });
    }
  });

  it('accepts tenant and scope together when they agree', async () => {
    const answer = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: acme.clientId,
      client_secret: acme.clientSecret,
      tenant: acme.tenant,
      scope: acme.tenant,
    });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['unknown tenant', { tenant: 'nowhere.brightpattern.com' }, 400, 'invalid_scope'],
    ['no tenant', { tenant: '' }, 400, 'invalid_request'],
    ['other tenant secret', { tenant: globex.tenant }, 401, 'invalid_client'],
    [
      'tenant and scope differ',
      { tenant: acme.tenant, scope: globex.tenant },
      400,
      'invalid_request',
    ],
    ['wrong grant', { grant_type: 'password' }, 400, 'unsupported_grant_type'],
  ] as Array<[string, Record<string, string>, number, string]>)(
    '%s → %i %s',
    async (_label, override, status, error) => {
      const answer = await postForm(tokenUrl(), {
        grant_type: 'client_credentials',
        client_id: acme.clientId,
        client_secret: acme.clientSecret,
        tenant: acme.tenant,
        ...override,
      });
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual({ error, error_description: expect.any(String) });
    },
  );

  it('requires a form body with the credentials in it', async () => {
    const asJson = await sendJson(tokenUrl(), 'POST', {
      grant_type: 'client_credentials',
      client_id: acme.clientId,
      client_secret: acme.clientSecret,
      tenant: acme.tenant,
    });
    expect(asJson.status).toBe(400);
    const viaBasic = await postForm(
      tokenUrl(),
      { grant_type: 'client_credentials', tenant: acme.tenant },
      { authorization: basic(acme.clientId, acme.clientSecret) },
    );
    expect(viaBasic.status).toBe(400);
  });

  it('follows the lifetime set through the control API', async () => {
    emulator().control.setTokenLifetime('bright-pattern', 120);
    const answer = await postForm(tokenUrl(), {
      grant_type: 'client_credentials',
      client_id: acme.clientId,
      client_secret: acme.clientSecret,
      tenant: acme.tenant,
    });
    expect(answer.body.expires_in).toBe('119');
    emulator().control.advanceClock(121);
    const expired = await getWithToken(
      `${emulator().url}/bright-pattern/configapi/v2/phone/ext`,
      answer.body.access_token as string,
    );
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('invalid_token');
    const none = await call(`${emulator().url}/bright-pattern/configapi/v2/phone/ext`);
    expect(none.status).toBe(401);
  });
});
