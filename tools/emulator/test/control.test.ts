import { providerModules } from '../src/providers';
import {
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
const dell = EMULATOR_SEED.dell.clients.admin;

describe('control API', () => {
  const emulator = useEmulator();
  const control = (path: string) => `${emulator().url}/_control${path}`;
  const dellToken = async () => {
    const query = new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: dell.clientId,
      client_secret: dell.clientSecret,
      scope: 'all',
    });
    const answer = await call(`${emulator().url}/dell/cloudlink/oauth/token?${query.toString()}`, {
      method: 'POST',
    });
    return answer.body.access_token as string;
  };

  it('counts token requests, API requests per path and 401s, over HTTP and in process', async () => {
    const token = await dellToken();
    await getWithToken(`${emulator().url}/dell/cloudlink/rest/users`, token);
    await getWithToken(`${emulator().url}/dell/cloudlink/rest/users`, 'bogus');
    const counters = await call(control('/counters'));
    expect(counters.status).toBe(200);
    expect(counters.body).toEqual(emulator().control.counters());
    expect(counters.body).toEqual(
      expect.objectContaining({
        tokenRequests: {
          total: 1,
          byProvider: { dell: 1 },
          byCredential: { [`dell:${dell.clientId}`]: 1 },
        },
        apiRequests: {
          total: 2,
          byProvider: { dell: 2 },
          byPath: { 'dell:/cloudlink/rest/users': 2 },
        },
        unauthorized: { total: 1, byProvider: { dell: 1 } },
      }),
    );
  });

  it('resets counters alone, or everything (tokens included)', async () => {
    const token = await dellToken();
    expect((await call(control('/counters/reset'), { method: 'POST' })).status).toBe(204);
    expect(emulator().control.counters().tokenRequests.total).toBe(0);
    expect(
      (await getWithToken(`${emulator().url}/dell/cloudlink/rest/license`, token)).status,
    ).toBe(200);
    expect((await call(control('/reset'), { method: 'POST' })).status).toBe(204);
    expect(
      (await getWithToken(`${emulator().url}/dell/cloudlink/rest/license`, token)).status,
    ).toBe(401);
  });

  it('sets token lifetimes per provider, accepting core profile ids too', async () => {
    expect(
      (await sendJson(control('/lifetime'), 'PUT', { provider: 'mitel-cloudlink', seconds: 30 }))
        .status,
    ).toBe(204);
    const answer = await postForm(mitelUrl(emulator().url, 'prod', 'authentication', '/token'), {
      grant_type: 'client_credentials',
      client_id: prod.clients.acmeAdmin.clientId,
      client_secret: prod.clients.acmeAdmin.clientSecret,
    });
    expect(answer.body.expires_in).toBe(30);
    const bad = await sendJson(control('/lifetime'), 'PUT', { provider: 'nokia', seconds: 30 });
    expect(bad.status).toBe(400);
    expect(bad.body.error_description).toContain('unknown provider');
    expect(
      (await sendJson(control('/lifetime'), 'PUT', { provider: 'dell', seconds: 0 })).status,
    ).toBe(400);
  });

  it('revokes one token or every token of a provider', async () => {
    const first = await mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);
    const second = await mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);
    const whoAmI = mitelUrl(emulator().url, 'prod', 'authentication', '/token');
    const one = await sendJson(control('/revoke'), 'POST', { token: first });
    expect(one.body).toEqual({ revoked: 1 });
    expect((await getWithToken(whoAmI, first)).status).toBe(401);
    expect((await getWithToken(whoAmI, second)).status).toBe(200);
    const all = await sendJson(control('/revoke'), 'POST', { provider: 'mitel' });
    expect(all.body.revoked).toBeGreaterThanOrEqual(1);
    expect((await getWithToken(whoAmI, second)).status).toBe(401);
  });

  it('advances the clock so tokens expire without waiting', async () => {
    const token = await dellToken();
    expect((await sendJson(control('/clock/advance'), 'POST', { seconds: 7200 })).status).toBe(204);
    expect((await getWithToken(`${emulator().url}/dell/cloudlink/rest/users`, token)).status).toBe(
      401,
    );
  });

  it('serves the seed and explains unknown routes and bad bodies', async () => {
    const seed = await call(control('/seed'));
    // The shared seed, plus the seeds that provider modules keep in their own folders.
    expect(seed.body).toMatchObject(JSON.parse(JSON.stringify(EMULATOR_SEED)));
    for (const module of providerModules) {
      expect(seed.body[module.name]).toEqual(JSON.parse(JSON.stringify(module.seed)));
    }
    const unknown = await call(control('/nope'));
    expect(unknown.status).toBe(404);
    expect(unknown.body.routes).toEqual(expect.arrayContaining(['GET /_control/counters']));
    const badJson = await call(control('/faults'), { method: 'POST', body: '{not json' });
    expect(badJson.status).toBe(400);
  });

  it('answers unknown provider prefixes with a 404 that lists the providers', async () => {
    const answer = await call(`${emulator().url}/nokia/token`);
    expect(answer.status).toBe(404);
    expect(answer.body.error_description).toContain('/mitel');
  });
});
