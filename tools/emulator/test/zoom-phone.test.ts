import { ZOOM_APP } from '../src/providers/zoom-phone/seed';
import { basic, call, getWithToken, postForm, sendJson, useEmulator } from './helpers';

const auth = { authorization: basic(ZOOM_APP.clientId, ZOOM_APP.clientSecret) };
const grant = { grant_type: 'account_credentials', account_id: ZOOM_APP.accountId };

describe('Zoom Phone token endpoint (Server-to-Server OAuth)', () => {
  const emulator = useEmulator();
  const tokenUrl = () => `${emulator().url}/zoom/oauth/token`;

  it('issues an hour-long bearer token for account_credentials with HTTP Basic', async () => {
    const answer = await postForm(tokenUrl(), grant, auth);
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      access_token: expect.any(String),
      token_type: 'bearer',
      expires_in: 3599,
      scope: ZOOM_APP.scope,
      api_url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/zoom$/),
    });
    expect(answer.body).not.toHaveProperty('refresh_token');
  });

  it('still reads the parameters from the query string, as older docs send them', async () => {
    const query = new URLSearchParams(grant).toString();
    const answer = await call(`${tokenUrl()}?${query}`, { method: 'POST', headers: auth });
    expect(answer.status).toBe(200);
  });

  it.each([
    ['a wrong secret', { authorization: basic(ZOOM_APP.clientId, 'wrong') }],
    ['no HTTP Basic', {}],
  ])('refuses %s as invalid_client', async (_case, headers) => {
    const answer = await postForm(tokenUrl(), grant, headers);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      reason: 'Invalid client_id or client_secret',
      error: 'invalid_client',
    });
  });

  it('refuses another grant and a JSON body as unsupported_grant_type', async () => {
    const other = await postForm(tokenUrl(), { ...grant, grant_type: 'client_credentials' }, auth);
    expect(other.status).toBe(400);
    expect(other.body.error).toBe('unsupported_grant_type');
    const asJson = await call(tokenUrl(), {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/json' },
      body: JSON.stringify(grant),
    });
    expect(asJson.status).toBe(400);
    expect(asJson.body.error).toBe('unsupported_grant_type');
  });

  it('refuses a missing and an unknown account id as invalid_request', async () => {
    const missing = await postForm(tokenUrl(), { grant_type: 'account_credentials' }, auth);
    expect(missing.body).toEqual({ reason: 'Missing account_id', error: 'invalid_request' });
    const unknown = await postForm(tokenUrl(), { ...grant, account_id: 'other' }, auth);
    expect(unknown.status).toBe(400);
    expect(unknown.body.error).toBe('invalid_request');
  });
});

describe('Zoom Phone API', () => {
  const emulator = useEmulator();
  const api = (path: string) => `${emulator().url}/zoom/v2${path}`;
  const token = async (): Promise<string> =>
    (await postForm(`${emulator().url}/zoom/oauth/token`, grant, auth)).body.access_token as string;

  it('answers 401 code 124 without a valid token, and after revocation', async () => {
    expect((await getWithToken(api('/phone/users'), 'nope')).body).toEqual({
      code: 124,
      message: 'Invalid access token.',
    });
    const live = await token();
    expect((await getWithToken(api('/phone/users'), live)).status).toBe(200);
    emulator().control.revokeTokens('zoom');
    expect((await getWithToken(api('/phone/users'), live)).status).toBe(401);
  });

  it('pages every phone user with next_page_token, capping page_size at 100', async () => {
    const live = await token();
    const seen: string[] = [];
    let next = '';
    let pages = 0;
    do {
      const answer = await getWithToken<{
        users: Array<{ id: string }>;
        next_page_token: string;
        page_size: number;
      }>(api(`/phone/users?page_size=500&next_page_token=${encodeURIComponent(next)}`), live);
      expect(answer.body.page_size).toBe(100);
      seen.push(...answer.body.users.map((user) => user.id));
      next = answer.body.next_page_token;
      pages += 1;
    } while (next !== '');
    expect(pages).toBe(2);
    expect(new Set(seen).size).toBe(150);
  });

  it('refuses a next_page_token it did not issue with code 300', async () => {
    const answer = await getWithToken(api('/phone/users?next_page_token=forged'), await token());
    expect(answer.status).toBe(400);
    expect(answer.body.code).toBe(300);
  });

  it('gets a phone user by id or email; 404 code 1001 for an unknown one', async () => {
    const live = await token();
    const list = await getWithToken<{ users: Array<{ id: string; email: string }> }>(
      api('/phone/users?page_size=1'),
      live,
    );
    const first = list.body.users[0];
    expect((await getWithToken(api(`/phone/users/${first?.email ?? ''}`), live)).body.id).toBe(
      first?.id,
    );
    const missing = await getWithToken(api('/phone/users/nobody'), live);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({ code: 1001, message: 'User does not exist: nobody.' });
  });

  it('filters call history by whole days and by user; refuses a malformed date', async () => {
    const live = await token();
    const all = await getWithToken<{ total_records: number }>(
      api('/phone/call_history?from=2026-11-01&to=2026-11-30&page_size=1'),
      live,
    );
    expect(all.body.total_records).toBe(500);
    const oneDay = await getWithToken<{ total_records: number }>(
      api('/phone/call_history?from=2026-11-02&to=2026-11-02'),
      live,
    );
    expect(oneDay.body.total_records).toBe(18);
    const bad = await getWithToken(api('/phone/call_history?from=02.11.2026'), live);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe(300);
    const users = await getWithToken<{ users: Array<{ id: string }> }>(api('/phone/users'), live);
    const mine = await getWithToken<{ call_history: Array<{ user_id: string }> }>(
      api(
        `/phone/users/${users.body.users[0]?.id ?? ''}/call_history?from=2026-11-01&to=2026-11-30&page_size=300`,
      ),
      live,
    );
    expect(mine.body.call_history.length).toBeGreaterThan(0);
    expect(new Set(mine.body.call_history.map((record) => record.user_id)).size).toBe(1);
  });

  it('answers /users/me with the account owner and counts token requests apart', async () => {
    const before = emulator().control.counters().tokenRequests.byProvider.zoom ?? 0;
    const me = await getWithToken(api('/users/me'), await token());
    expect(me.status).toBe(200);
    expect(me.body.type).toBe(2);
    expect(emulator().control.counters().tokenRequests.byProvider.zoom).toBe(before + 1);
    expect((await sendJson(api('/users/me'), 'DELETE', {}, await token())).status).toBe(405);
  });
});
