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
const acmeId = prod.accounts.acme.accountId;
const globexId = prod.accounts.globex.accountId;

interface UserPage {
  count: number;
  _links: { self: { href: string }; next?: { href: string } };
  _embedded: { items: Array<Record<string, unknown>> };
}

describe('Mitel admin API', () => {
  const emulator = useEmulator();
  const admin = (path: string, env: 'prod' | 'sandbox' = 'prod') =>
    mitelUrl(emulator().url, env, 'admin', path);
  const token = (client: keyof typeof prod.clients = 'acmeAdmin') =>
    mitelClientToken(emulator().url, 'prod', prod.clients[client]);

  it('gets the own account', async () => {
    const answer = await getWithToken(admin(`/accounts/${acmeId}`), await token());
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual(
      expect.objectContaining({
        accountId: acmeId,
        name: prod.accounts.acme.name,
        partnerId: prod.accounts.partner.accountId,
      }),
    );
    expect(answer.headers.get('x-mitel-correlation-id')).toBeTruthy();
  });

  it('pages the users of an account with $top/$skip and _links.next until absent', async () => {
    const accessToken = await token();
    const seen: string[] = [];
    let url: string | undefined = admin(`/accounts/${acmeId}/users?$top=20`);
    let pages = 0;
    while (url) {
      const page: { status: number; body: UserPage } = await getWithToken<UserPage>(
        url,
        accessToken,
      );
      expect(page.status).toBe(200);
      expect(page.body.count).toBe(page.body._embedded.items.length);
      page.body._embedded.items.forEach((user) => seen.push(user.userId as string));
      url = page.body._links.next?.href;
      pages++;
    }
    const total =
      prod.accounts.acme.generatedUsers +
      Object.values(prod.users).filter((user) => user.accountId === acmeId).length;
    expect(seen).toHaveLength(total);
    expect(new Set(seen).size).toBe(total);
    expect(pages).toBe(Math.ceil(total / 20));
  });

  it('never returns login passwords; user items carry a sipPassword as Mitel’s do', async () => {
    const page = await getWithToken<UserPage>(
      admin(`/accounts/${acmeId}/users?$top=100`),
      await token(),
    );
    expect(page.text).not.toContain(prod.users.admin.password);
    expect(page.body._embedded.items[0]).not.toHaveProperty('password');
    expect(page.body._embedded.items[0]?.sipPassword).toEqual(
      expect.stringMatching(/^SIP-SECRET-/),
    );
  });

  it('filters users with $filter and adds tags only with $expand=tags', async () => {
    const accessToken = await token();
    const filter = encodeURIComponent(`email eq '${prod.users.agent.username}'`);
    const one = await getWithToken<UserPage>(
      admin(`/accounts/${acmeId}/users?$filter=${filter}`),
      accessToken,
    );
    expect(one.body._embedded.items.map((user) => user.userId)).toEqual([prod.users.agent.userId]);
    expect(one.body._embedded.items[0]).not.toHaveProperty('tags');
    const expanded = await getWithToken<UserPage>(
      admin(`/accounts/${acmeId}/users?$filter=${filter}&$expand=tags`),
      accessToken,
    );
    expect(expanded.body._embedded.items[0]?.tags).toEqual(expect.any(Array));
    const bad = await getWithToken(
      admin(`/accounts/${acmeId}/users?$filter=${encodeURIComponent("colour eq 'red'")}`),
      accessToken,
    );
    expect(bad.status).toBe(400);
  });

  // Mitel's own scripts page users with a large $top: only 0, non-numbers and negatives fail.
  it('validates $top and $skip', async () => {
    const large = await getWithToken<UserPage>(
      admin(`/accounts/${acmeId}/users?$top=1000`),
      await token(),
    );
    expect(large.status).toBe(200);
    const accessToken = await token();
    for (const query of ['$top=0', '$top=ten', '$skip=-1']) {
      const answer = await getWithToken(admin(`/accounts/${acmeId}/users?${query}`), accessToken);
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ name: 'InvalidParameters', message: expect.any(String) });
    }
  });

  it('scopes accounts: 403 for another account, 404 for an unknown one, partner admins see customers', async () => {
    const acmeToken = await token();
    expect((await getWithToken(admin(`/accounts/${globexId}`), acmeToken)).status).toBe(403);
    expect((await getWithToken(admin('/accounts/unknown'), acmeToken)).status).toBe(404);
    const partnerToken = await token('partnerAdmin');
    expect((await getWithToken(admin(`/accounts/${globexId}/users`), partnerToken)).status).toBe(
      200,
    );
    expect((await getWithToken(admin(`/accounts/${acmeId}`), partnerToken)).status).toBe(200);
  });

  it('lets a USER read its account and itself, not the user list or others', async () => {
    const user = prod.users.agent;
    const login = await postForm(mitelUrl(emulator().url, 'prod', 'authentication', '/token'), {
      grant_type: 'password',
      username: user.username,
      password: user.password,
      account_id: user.accountId,
    });
    const accessToken = login.body.access_token as string;
    expect((await getWithToken(admin(`/accounts/${acmeId}`), accessToken)).status).toBe(200);
    expect((await getWithToken(admin(`/accounts/${acmeId}/users`), accessToken)).status).toBe(403);
    const self = await getWithToken(admin(`/users/${user.userId}`), accessToken);
    expect(self.body).toEqual(
      expect.objectContaining({ userId: user.userId, email: user.username, role: 'USER' }),
    );
    expect(
      (await getWithToken(admin(`/users/${prod.users.admin.userId}`), accessToken)).status,
    ).toBe(403);
  });

  it('hides users of other accounts and answers 404 UserNotFound', async () => {
    const accessToken = await token();
    const foreign = await getWithToken(
      admin(`/users/${prod.users.globexAdmin.userId}`),
      accessToken,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.name).toBe('UserNotFound');
    expect(
      (await getWithToken(admin(`/users/${prod.users.admin.userId}`), accessToken)).status,
    ).toBe(200);
  });

  it('rejects a sandbox token on the production admin API', async () => {
    const sandboxToken = await mitelClientToken(
      emulator().url,
      'sandbox',
      EMULATOR_SEED.mitel.sandbox.clients.acmeAdmin,
    );
    const answer = await getWithToken(admin(`/accounts/${acmeId}`), sandboxToken);
    expect(answer.status).toBe(401);
    expect(answer.body.name).toBe('InvalidToken');
  });

  describe('application clients', () => {
    it('creates a client whose secret then gets tokens', async () => {
      const created = await sendJson(
        admin(`/accounts/${acmeId}/clients`),
        'POST',
        { role: 'USER', type: 'APP', clientId: 'erp-sync' },
        await token(),
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          clientId: 'erp-sync',
          clientSecret: expect.any(String),
          role: 'USER',
          accountId: acmeId,
        }),
      );
      const newToken = await mitelClientToken(emulator().url, 'prod', {
        clientId: 'erp-sync',
        clientSecret: created.body.clientSecret as string,
      });
      const me = await getWithToken(
        mitelUrl(emulator().url, 'prod', 'authentication', '/token'),
        newToken,
      );
      expect(me.body.claims).toEqual(
        expect.objectContaining({ principalId: 'erp-sync', role: 'USER', accountId: acmeId }),
      );
      const duplicate = await sendJson(
        admin(`/accounts/${acmeId}/clients`),
        'POST',
        { role: 'USER', type: 'APP', clientId: 'erp-sync' },
        await token(),
      );
      expect(duplicate.status).toBe(409);
    });

    it('generates a client id when none is given, and forgets created clients on reset', async () => {
      const created = await sendJson(
        admin(`/accounts/${acmeId}/clients`),
        'POST',
        { role: 'ACCOUNT_ADMIN', type: 'APP' },
        await token(),
      );
      expect(created.body.clientId).toMatch(/^[0-9a-f-]{36}$/);
      emulator().control.reset();
      const after = await postForm(mitelUrl(emulator().url, 'prod', 'authentication', '/token'), {
        grant_type: 'client_credentials',
        client_id: created.body.clientId as string,
        client_secret: created.body.clientSecret as string,
      });
      expect(after.status).toBe(404);
    });

    it.each([
      ['type missing', { role: 'USER' }, 400],
      ['role lower case', { role: 'user', type: 'APP' }, 400],
      ['PARTNER_ADMIN in a customer account', { role: 'PARTNER_ADMIN', type: 'APP' }, 400],
      ['bad client id', { role: 'USER', type: 'APP', clientId: 'a b' }, 400],
    ] as Array<[string, Record<string, unknown>, number]>)(
      '%s → %i',
      async (_label, body, status) => {
        const answer = await sendJson(
          admin(`/accounts/${acmeId}/clients`),
          'POST',
          body,
          await token(),
        );
        expect(answer.status).toBe(status);
        expect(answer.body).toEqual({ name: 'ValidationError', message: expect.any(String) });
      },
    );

    it('needs an admin of that account', async () => {
      expect(
        (
          await sendJson(
            admin(`/accounts/${acmeId}/clients`),
            'POST',
            { role: 'USER', type: 'APP' },
            await token('acmeUser'),
          )
        ).status,
      ).toBe(403);
      expect(
        (
          await sendJson(
            admin(`/accounts/${globexId}/clients`),
            'POST',
            { role: 'USER', type: 'APP' },
            await token(),
          )
        ).status,
      ).toBe(403);
      const partner = await sendJson(
        admin(`/accounts/${prod.accounts.partner.accountId}/clients`),
        'POST',
        { role: 'PARTNER_ADMIN', type: 'APP' },
        await token('partnerAdmin'),
      );
      expect(partner.status).toBe(201);
    });
  });

  it('answers unknown services, versions and paths with Mitel 404s', async () => {
    const accessToken = await token();
    const wrongVersion = await getWithToken(
      `${emulator().url}/mitel/prod/admin/2020-01-01/accounts/${acmeId}`,
      accessToken,
    );
    expect(wrongVersion.status).toBe(404);
    expect(wrongVersion.body.name).toBe('NotFound');
    expect((await getWithToken(admin('/nothing'), accessToken)).status).toBe(404);
    const wrongMethod = await call(admin(`/accounts/${acmeId}`), { method: 'DELETE' });
    expect(wrongMethod.status).toBe(405);
  });
});
