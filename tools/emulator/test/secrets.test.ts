import { basic, call, EMULATOR_SEED, postForm, useEmulator } from './helpers';

/** A recognisable wrong secret: no answer, counter or request log may ever echo it. */
const SENTINEL = 'SENTINEL-secret-9f3b2c';

describe('the emulator never echoes secrets', () => {
  const emulator = useEmulator();
  const base = () => emulator().url;

  it('keeps submitted secrets out of error bodies, counters and the request log', async () => {
    const mitel = EMULATOR_SEED.mitel.prod.clients.acmeAdmin;
    const answers = [
      await postForm(`${base()}/mitel/prod/authentication/2017-09-01/token`, {
        grant_type: 'client_credentials',
        client_id: mitel.clientId,
        client_secret: SENTINEL,
      }),
      await postForm(`${base()}/mitel/prod/authentication/2017-09-01/token`, {
        grant_type: 'password',
        username: 'ada',
        password: SENTINEL,
      }),
      await postForm(`${base()}/mitel/prod/authentication/2017-09-01/token`, {
        grant_type: 'refresh_token',
        refresh_token: SENTINEL,
      }),
      await call(
        `${base()}/dell/cloudlink/oauth/token?grant_type=client_credentials&client_id=switchboard-client&client_secret=${SENTINEL}`,
        { method: 'POST' },
      ),
      await postForm(`${base()}/bright-pattern/configapi/v2/oauth/token`, {
        grant_type: 'client_credentials',
        client_id: 'api.admin',
        client_secret: SENTINEL,
        tenant: 'acme.brightpattern.com',
      }),
      await postForm(
        `${base()}/sangoma/auth/oauth/token`,
        { grant_type: 'client_credentials', scope: 'cx.agent-calls' },
        { authorization: basic('sg-client-full', SENTINEL) },
      ),
      await postForm(`${base()}/generic/oauth/token`, {
        grant_type: 'password',
        username: 'alice',
        password: SENTINEL,
        client_id: 'generic-service',
        client_secret: SENTINEL,
      }),
      await call(`${base()}/generic/api/me`, { headers: { authorization: `Bearer ${SENTINEL}` } }),
      await call(`${base()}/mitel/prod/admin/2017-09-01/users/x`, {
        headers: { authorization: `Bearer ${SENTINEL}` },
      }),
    ];
    for (const answer of answers) {
      expect(answer.status).toBeGreaterThanOrEqual(400);
      expect(answer.text).not.toContain(SENTINEL);
      expect(JSON.stringify(Object.fromEntries(answer.headers))).not.toContain(SENTINEL);
    }
    expect(JSON.stringify(emulator().control.counters())).not.toContain(SENTINEL);
    expect(JSON.stringify(emulator().control.recentRequests())).not.toContain(SENTINEL);
  });

  it('logs requests without credentials but with the headers a client sent', async () => {
    const mitel = EMULATOR_SEED.mitel.prod.clients.acmeAdmin;
    await postForm(
      `${base()}/mitel/prod/authentication/2017-09-01/token`,
      { grant_type: 'client_credentials' },
      {
        authorization: basic(mitel.clientId, mitel.clientSecret),
        'x-mitel-app': 'app=switchboard/0.1.0;platform=test',
      },
    );
    const [logged] = emulator().control.recentRequests('mitel');
    expect(logged).toEqual(
      expect.objectContaining({
        kind: 'token',
        method: 'POST',
        path: '/prod/authentication/2017-09-01/token',
        status: 201,
      }),
    );
    expect(logged?.headers['x-mitel-app']).toBe('app=switchboard/0.1.0;platform=test');
    expect(logged?.headers).not.toHaveProperty('authorization');
    const overHttp = await call<unknown[]>(`${base()}/_control/requests`);
    expect(overHttp.body).toHaveLength(1);
    expect(overHttp.text).not.toContain(mitel.clientSecret);
  });
});
