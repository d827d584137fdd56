// Every Mitel CloudLink operation against the emulator over real HTTP, plus "return all"
// over thousands of call records in bounded memory.
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { EMULATOR_SEED } from '@switchboard/emulator';
import type { Connection } from '../../src/connection/connection';
import { SwitchboardError } from '../../src/errors/switchboard-error';
import { getProfile } from '../../src/profiles/registry';
import type { CredentialValues } from '../../src/profiles/types';
import { mitelAt } from './support/emulator-credentials';
import { useEmulatorSession } from './support/emulator-session';

const mitel = getProfile('mitel-cloudlink');
const prod = EMULATOR_SEED.mitel.prod;
const acme = prod.accounts.acme.accountId;
const session = useEmulatorSession();
const connect = (credentials: CredentialValues): Connection => session.connect(mitel, credentials);

describe('Mitel CloudLink operations', () => {
  let admin: Connection;
  beforeAll(() => {
    admin = connect(mitelAt(session.emulator.url));
  });

  it('who am I, get account', async () => {
    const who = await admin.execute('auth.whoAmI', {});
    expect(who.data).toMatchObject({ claims: { accountId: acme, role: 'ACCOUNT_ADMIN' } });
    const account = await admin.execute('account.get', { accountId: acme });
    expect(account.data).toMatchObject({ accountId: acme, name: prod.accounts.acme.name });
  });

  it('lists every user across pages and gets one', async () => {
    const all = await admin.execute('user.list', { accountId: acme, top: 10 }, { returnAll: true });
    const users = all.data as { userId: string }[];
    expect(users.length).toBeGreaterThanOrEqual(prod.accounts.acme.generatedUsers);
    expect(new Set(users.map((user) => user.userId)).size).toBe(users.length);
    const limited = await admin.execute('user.list', { accountId: acme, top: 10 }, { limit: 15 });
    expect(limited.data).toEqual(users.slice(0, 15));
    const first = await admin.execute('user.list', { accountId: acme, top: 10 });
    expect(first.data).toMatchObject({ count: 10, _embedded: { items: users.slice(0, 10) } });
    const one = await admin.execute('user.get', { userId: users[0]?.userId });
    expect(one.data).toEqual(users[0]);
    const email = (users[0] as unknown as { email: string }).email;
    const filtered = await admin.execute('user.list', {
      accountId: acme,
      filter: `email eq '${email}'`,
      expand: 'tags',
    });
    expect(filtered.data).toMatchObject({
      count: 1,
      _embedded: { items: [{ userId: users[0]?.userId, tags: expect.any(Array) }] },
    });
  });

  it('filters call records with OData, on time too, and hides them', async () => {
    const response = await admin.execute(
      'callRecord.list',
      { filter: "direction eq 'inbound' and createdOn ge 2026-09-01T00:00:00Z", top: 50 },
      { limit: 120 },
    );
    const records = response.data as { callId: string; direction: string; createdOn: string }[];
    expect(records).toHaveLength(120);
    expect(records.every((record) => record.direction === 'inbound')).toBe(true);
    expect(records.every((record) => record.createdOn >= '2026-09-01')).toBe(true);
    const bad = await admin
      .execute('callRecord.list', { filter: 'nonsense((' })
      .catch((caught: unknown) => caught);
    expect(bad).toBeInstanceOf(SwitchboardError);
    expect((bad as SwitchboardError).status).toBe(400);
    expect((bad as SwitchboardError).correlationId).toEqual(expect.any(String));

    const hidden = records[0]?.callId ?? '';
    const filter = `callId eq '${hidden}'`;
    const hide = await admin.execute('callRecord.hide', { filter });
    expect(hide.data).toEqual({ count: 1, hide: true });
    const after = await admin.execute('callRecord.list', { filter });
    expect(after.data).toMatchObject({ count: 0 });
    await admin.execute('callRecord.hide', { filter, hide: false });
    expect((await admin.execute('callRecord.list', { filter })).data).toMatchObject({ count: 1 });
  });

  it('places a call from an endpoint (200) and controls it with every action', async () => {
    const agent = prod.users.agent;
    const call = await admin.execute('call.create', {
      endpointId: agent.userId,
      to: '+15551230000',
      fromName: 'Switchboard',
      executeOnAnswer: 'bridge',
    });
    expect(call.status).toBe(200);
    expect(call.data).toMatchObject({
      endpointId: agent.userId,
      to: '+15551230000',
      originateTimeout: 30,
      state: 'dialing',
    });
    const actions = mitel.operations
      .filter((operation) => operation.path === '/endpoints/{endpointId}/calls/{callId}')
      .map((operation) => operation.id);
    for (const id of actions) {
      // A fresh call per action: ending or transferring one takes it away.
      const placed = await admin.execute('call.create', { endpointId: agent.userId, to: '100' });
      const target = {
        endpointId: agent.userId,
        callId: (placed.data as { callId: string }).callId,
      };
      const params =
        id === 'call.dtmf'
          ? { ...target, args: { digits: '42#' } }
          : id === 'call.recording'
            ? { ...target, action: 'pauseRecording' }
            : target;
      const answer = await admin.execute(id, params);
      expect({ id, status: answer.status }).toEqual({ id, status: 200 });
    }
    expect(actions).toHaveLength(10);
  });

  it('creates a conversation with "User" typed any way, and sends a message', async () => {
    const conversation = await admin.execute('conversation.create', {
      participants: [
        { type: 'User', participantId: prod.users.agent.userId },
        { type: 'sms', participantId: '+15551234' },
      ],
      name: 'Switchboard test',
    });
    expect(conversation.status).toBe(201);
    const { conversationId } = conversation.data as { conversationId: string };
    const message = await admin.execute('conversation.sendMessage', {
      conversationId,
      body: 'Hello from Switchboard',
    });
    expect(message.data).toMatchObject({
      conversationId,
      body: 'Hello from Switchboard',
      contentType: 'text/plain',
    });
  });

  it('creates, lists and deletes a webhook subscription', async () => {
    const created = await admin.execute('subscription.create', {
      applicationId: 'switchboard-test',
      webhookUrl: 'http://127.0.0.1:9/hook',
      topic: 'platform-api-media',
      methodFilter: 'UPDATE',
    });
    expect(created.data).toMatchObject({ methodFilter: 'UPDATE' });
    const { subscriptionId } = created.data as { subscriptionId: string };
    const listed = await admin.execute('subscription.list', {}, { returnAll: true });
    expect(
      (listed.data as { subscriptionId: string }[]).map((sub) => sub.subscriptionId),
    ).toContain(subscriptionId);
    expect((await admin.execute('subscription.delete', { subscriptionId })).status).toBe(204);
    const after = await admin.execute('subscription.list', {}, { returnAll: true });
    expect(
      (after.data as { subscriptionId: string }[]).map((sub) => sub.subscriptionId),
    ).not.toContain(subscriptionId);
  });

  it('creates an application client that can sign in', async () => {
    const created = await admin.execute('client.create', {
      accountId: acme,
      role: 'USER',
      name: 'switchboard',
    });
    const client = created.data as { clientId: string; clientSecret: string };
    const signedIn = connect({
      ...mitelAt(session.emulator.url),
      clientId: client.clientId,
      clientSecret: client.clientSecret,
    });
    expect((await signedIn.execute('auth.whoAmI', {})).data).toMatchObject({
      claims: { role: 'USER' },
    });
  });

  it('sends a custom request to a chosen service', async () => {
    const response = await admin.execute('custom.request', {
      service: 'admin',
      path: `/accounts/${acme}`,
    });
    expect(response.data).toMatchObject({ accountId: acme });
  });
});

describe('Mitel CloudLink sign-in options', () => {
  it('assumes a role in a customer account', async () => {
    const partner = connect({
      ...mitelAt(session.emulator.url, 'prod', 'partnerAdmin'),
      assumeRole: 'ACCOUNT_ADMIN',
      assumeRoleAccountId: acme,
    });
    expect((await partner.execute('auth.whoAmI', {})).data).toMatchObject({
      claims: { accountId: acme, role: 'ACCOUNT_ADMIN' },
    });
    expect((await partner.execute('account.get', { accountId: acme })).status).toBe(200);
  });

  it('signs in as a registered application (authorization code) and refreshes', async () => {
    const user = prod.users.admin;
    session.emulator.control.resetCounters();
    const app = connect({
      ...mitelAt(session.emulator.url),
      grantType: 'authorization_code',
      clientId: prod.clients.acmeUser.clientId,
      clientSecret: '',
      username: user.username,
      password: user.password,
      accountId: user.accountId,
    });
    expect((await app.execute('auth.whoAmI', {})).data).toMatchObject({
      claims: { principalId: user.userId, accountId: user.accountId },
    });
    // authorize + code exchange
    expect(session.emulator.control.counters().tokenRequests.byProvider.mitel).toBe(2);
    const requests = session.emulator.control
      .recentRequests('mitel')
      .filter((request) => request.kind === 'token')
      .map((request) => request.path.replace(/^.*\/2017-09-01/, ''));
    expect(requests.slice(-2)).toEqual(['/authorize', '/token']);
    const first = await app.tokens.getToken();
    session.emulator.control.advanceClock(3600);
    await app.execute('auth.whoAmI', {});
    const renewed = await app.tokens.getToken();
    expect(renewed.accessToken).not.toBe(first.accessToken);
    // Renewed with the refresh token: one more token request, not a new sign-in.
    expect(session.emulator.control.counters().tokenRequests.byProvider.mitel).toBe(3);
  });

  it('signs in with a password and an account id, in the sandbox', async () => {
    const user = EMULATOR_SEED.mitel.sandbox.users.admin;
    const sandbox = connect({
      ...mitelAt(session.emulator.url, 'sandbox'),
      grantType: 'password',
      username: user.username,
      password: user.password,
      accountId: user.accountId,
    });
    expect((await sandbox.execute('auth.whoAmI', {})).data).toMatchObject({
      claims: { principalId: user.userId },
    });
  });

  it('a token from production is refused by the sandbox with a typed error', async () => {
    const production = connect(mitelAt(session.emulator.url));
    const token = await production.tokens.getToken();
    const error = await production
      .request({
        method: 'GET',
        url: `${session.emulator.url}/mitel/sandbox/authentication/2017-09-01/token`,
      })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).status).toBe(401);
    expect(JSON.stringify(error)).not.toContain(token.accessToken);
  });
});

describe('return all over thousands of call records', () => {
  const total = prod.accounts.acme.generatedCallRecords;

  it('execute with returnAll builds the list once, every record exactly once', async () => {
    const connection = connect(mitelAt(session.emulator.url));
    const response = await connection.execute('callRecord.list', { top: 100 }, { returnAll: true });
    const records = response.data as { callId: string }[];
    expect(total).toBeGreaterThanOrEqual(2000);
    expect(records).toHaveLength(total);
    expect(new Set(records.map((record) => record.callId)).size).toBe(total);
  });

  it('pages() streams: a consumed page is not kept alive by the iterator', async () => {
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    const connection = connect(mitelAt(session.emulator.url));
    let seen = 0;
    let pages = 0;
    let firstPage: WeakRef<object> | undefined;
    for await (const page of connection.pages('callRecord.list', { top: 100 })) {
      expect(page.items.length).toBeLessThanOrEqual(100);
      seen += page.items.length;
      pages += 1;
      if (pages === 1) firstPage = new WeakRef(page.items);
      if (pages === 5) {
        gc();
        expect(firstPage?.deref()).toBeUndefined();
      }
    }
    expect(seen).toBe(total);
    expect(pages).toBe(Math.ceil(total / 100));
  });
});

describe('coverage', () => {
  it('ran every Mitel CloudLink operation successfully over real HTTP', () => {
    const missing = mitel.operations
      .map((operation) => operation.id)
      .filter((id) => !session.succeeded(mitel.id).has(id));
    expect(missing).toEqual([]);
  });
});
