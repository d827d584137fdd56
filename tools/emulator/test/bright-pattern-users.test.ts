import { call, EMULATOR_SEED, getWithToken, postForm, sendJson, useEmulator } from './helpers';

const { acme, globex } = EMULATOR_SEED['bright-pattern'].clients;
const { existing, locked } = EMULATOR_SEED['bright-pattern'].users;

describe('Bright Pattern user management', () => {
  const emulator = useEmulator();
  const api = (path: string) => `${emulator().url}/bright-pattern/configapi/v2${path}`;
  const token = async (client = acme) => {
    const answer = await postForm(api('/oauth/token'), {
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
      tenant: client.tenant,
    });
    return answer.body.access_token as string;
  };
  const newUser = {
    loginId: 'sam.board',
    password: 'Initial-Passw0rd',
    firstName: 'Sam',
    lastName: 'Board',
    team: 'Sales',
    roles: ['Agent'],
  };

  it('creates, gets and updates a user, never returning the password', async () => {
    const accessToken = await token();
    const created = await sendJson(
      api('/user'),
      'POST',
      { ...newUser, workPhone: '+15550101', mobilePhone: '+15550102', changePassword: true },
      accessToken,
    );
    // Bright Pattern documents 200, 400 and 405 for create (not 201).
    expect(created.status).toBe(200);
    expect(created.body).toEqual(
      expect.objectContaining({
        loginId: 'sam.board',
        firstName: 'Sam',
        disabled: false,
        workPhone: '+15550101',
        mobilePhone: '+15550102',
        changePassword: true,
      }),
    );
    const badFlag = await sendJson(
      api('/user'),
      'POST',
      { ...newUser, loginId: 'x.y', changePassword: 'yes' },
      accessToken,
    );
    expect(badFlag.status).toBe(400);
    expect(created.body).not.toHaveProperty('password');
    const fetched = await getWithToken(api('/user/sam.board'), accessToken);
    expect(fetched.body).toEqual(created.body);
    const updated = await sendJson(
      api('/user/sam.board'),
      'PUT',
      { lastName: 'Switch', disabled: true },
      accessToken,
    );
    expect(updated.status).toBe(200);
    expect(updated.body).toEqual(
      expect.objectContaining({ lastName: 'Switch', disabled: true, team: 'Sales' }),
    );
    expect((await getWithToken(api('/user/sam.board'), accessToken)).body.lastName).toBe('Switch');
  });

  it('answers 400 for a duplicate login id (create knows only 200/400/405) and 404 for an unknown one', async () => {
    const accessToken = await token();
    const duplicate = await sendJson(
      api('/user'),
      'POST',
      { ...newUser, loginId: existing },
      accessToken,
    );
    expect(duplicate.status).toBe(400);
    expect(duplicate.body).toEqual({
      error: { code: 400, message: expect.stringContaining(existing) },
    });
    expect((await getWithToken(api('/user/nobody'), accessToken)).status).toBe(404);
    expect(
      (await sendJson(api('/user/nobody'), 'PUT', { firstName: 'X' }, accessToken)).status,
    ).toBe(404);
    expect((await getWithToken(api('/user/lock/nobody'), accessToken)).status).toBe(404);
  });

  it.each([
    ['missing names', { loginId: 'a', password: 'p' }, 'firstName, lastName'],
    ['missing loginId', { password: 'p', firstName: 'A', lastName: 'B' }, 'loginId'],
    ['unknown field', { ...newUser, colour: 'blue' }, 'colour'],
    ['wrong type', { ...newUser, disabled: 'no' }, 'disabled'],
    ['bad email', { ...newUser, email: 'nope' }, 'email'],
    ['bad skills', { ...newUser, skills: { english: 300 } }, 'skills'],
  ])('rejects a create with %s', async (_label, body, hint) => {
    const answer = await sendJson(api('/user'), 'POST', body, await token());
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: 400, message: expect.stringContaining(hint) } });
  });

  it('rejects a non-JSON body and a loginId change on update', async () => {
    const accessToken = await token();
    const form = await call(api('/user'), {
      method: 'POST',
      headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'text/plain' },
      body: 'x',
    });
    expect(form.status).toBe(400);
    expect(
      (await sendJson(api(`/user/${existing}`), 'PUT', { loginId: 'other' }, accessToken)).status,
    ).toBe(400);
  });

  it('reads and clears the lock state', async () => {
    const accessToken = await token();
    expect((await getWithToken(api(`/user/lock/${locked}`), accessToken)).body).toEqual({
      lockedOut: true,
    });
    const cleared = await call(api(`/user/lock/${locked}`), {
      method: 'PUT',
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(cleared.status).toBe(200);
    expect(cleared.body).toEqual({ lockedOut: false });
    expect((await getWithToken(api(`/user/lock/${locked}`), accessToken)).body).toEqual({
      lockedOut: false,
    });
    expect((await getWithToken(api(`/user/lock/${existing}`), accessToken)).body).toEqual({
      lockedOut: false,
    });
  });

  it('exports access numbers and user phone numbers as arrays', async () => {
    const accessToken = await token();
    const ext = await getWithToken<Array<Record<string, unknown>>>(api('/phone/ext'), accessToken);
    expect(ext.body.length).toBeGreaterThan(EMULATOR_SEED['bright-pattern'].generatedUsers);
    expect(ext.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ number: expect.any(String), type: 'access' }),
      ]),
    );
    const users = await getWithToken<Array<Record<string, unknown>>>(
      api('/phone/user'),
      accessToken,
    );
    expect(users.body).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ loginId: existing, phoneNumbers: expect.any(Array) }),
      ]),
    );
  });

  it('keeps tenants apart and resets created users', async () => {
    const acmeToken = await token();
    await sendJson(api('/user'), 'POST', newUser, acmeToken);
    expect((await getWithToken(api('/user/sam.board'), await token(globex))).status).toBe(404);
    emulator().control.reset();
    expect((await getWithToken(api('/user/sam.board'), await token())).status).toBe(404);
  });
});
