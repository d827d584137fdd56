// Every Dell CloudLink Center, Bright Pattern, Sangoma CX and generic operation against the
// emulator over real HTTP.
import { EMULATOR_SEED } from '@switchboard/emulator';
import { SwitchboardError } from '../../src/errors/switchboard-error';
import { getProfile } from '../../src/profiles/registry';
import {
  brightPatternAt,
  dellAt,
  genericAt,
  sangomaAt,
  seedSecrets,
} from './support/emulator-credentials';
import { useEmulatorSession } from './support/emulator-session';

const session = useEmulatorSession();
const connect = session.connect;

describe('Dell CloudLink Center', () => {
  it('lists and gets machines, lists users, reads the license, logs the token out', async () => {
    const dell = connect(getProfile('dell-cloudlink'), dellAt(session.emulator.url));
    const machines = await dell.execute('machine.list', {});
    expect(Array.isArray(machines.data)).toBe(true);
    const first = (machines.data as { id: string }[])[0];
    expect(first).toBeDefined();
    const machine = await dell.execute('machine.get', { machineId: first?.id });
    expect(machine.data).toEqual(first);
    const users = await dell.execute('user.list', {});
    expect((users.data as { name: string }[]).map((user) => user.name)).toContain('administrator');
    const license = await dell.execute('license.get', {});
    expect(license.data).toMatchObject({ machinesUsed: (machines.data as unknown[]).length });
    const context = await dell.execute('auth.get', {});
    expect(context.data).toMatchObject({ username: EMULATOR_SEED.dell.clients.admin.clientId });
    const events = await dell.execute('event.list', { count: 3 });
    expect(events.data).toHaveLength(3);
    const second = (events.data as { timestamp: number }[])[1]?.timestamp ?? 0;
    const windowed = await dell.execute('event.list', {
      timestamp: String(second),
      end: String(second),
      count: 10,
    });
    expect(windowed.data).toEqual([(events.data as unknown[])[1]]);
    const before = session.emulator.control.counters().tokenRequests.byProvider.dell ?? 0;
    const logout = await dell.execute('auth.logout', {});
    expect(logout.status).toBe(204);
    // The revoked token is rejected; the connection gets a fresh one and carries on.
    await dell.execute('license.get', {});
    expect(session.emulator.control.counters().tokenRequests.byProvider.dell).toBe(before + 1);
  });

  it('sends any /cloudlink/rest call as a custom request and explains a 404', async () => {
    const dell = connect(getProfile('dell-cloudlink'), dellAt(session.emulator.url));
    const response = await dell.execute('custom.request', { method: 'GET', path: '/securevm' });
    expect(Array.isArray(response.data)).toBe(true);
    const error = await dell
      .execute('machine.get', { machineId: 'nope' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('not_found');
  });
});

describe('Bright Pattern', () => {
  it('runs the seven user-management operations', async () => {
    const bp = connect(getProfile('bright-pattern'), brightPatternAt(session.emulator.url));
    const loginId = `switchboard.${Date.now()}`;
    const created = await bp.execute('user.create', {
      loginId,
      password: 'Initial-Passw0rd',
      firstName: 'Sam',
      lastName: 'Board',
      roles: ['Agent'],
      workPhone: '+15550101',
      mobilePhone: '+15550102',
      changePassword: true,
      additionalFields: '{"skills": {"english": 90}}',
    });
    expect(created.status).toBe(200);
    const fetched = await bp.execute('user.get', { loginId });
    expect(fetched.data).toMatchObject({
      loginId,
      firstName: 'Sam',
      roles: ['Agent'],
      skills: { english: 90 },
      workPhone: '+15550101',
      mobilePhone: '+15550102',
      changePassword: true,
    });
    expect(JSON.stringify(fetched.data)).not.toContain('Initial-Passw0rd');
    await bp.execute('user.update', {
      loginId,
      team: 'Support',
      disabled: false,
      mobilePhone: '+15550199',
      changePassword: false,
    });
    expect((await bp.execute('user.get', { loginId })).data).toMatchObject({
      team: 'Support',
      mobilePhone: '+15550199',
      changePassword: false,
    });

    const locked = EMULATOR_SEED['bright-pattern'].users.locked;
    expect((await bp.execute('user.getLockState', { loginId: locked })).data).toEqual({
      lockedOut: true,
    });
    expect((await bp.execute('user.clearLockState', { loginId: locked })).data).toEqual({
      lockedOut: false,
    });
    expect((await bp.execute('user.getLockState', { loginId: locked })).data).toEqual({
      lockedOut: false,
    });

    const access = await bp.execute('phone.exportAccessNumbers', {});
    expect(Array.isArray(access.data)).toBe(true);
    const phones = await bp.execute('phone.exportUserPhoneNumbers', {});
    expect(Array.isArray(phones.data)).toBe(true);
    expect((phones.data as unknown[]).length).toBeGreaterThan(0);
  });

  it('sends a custom request and reports a missing user', async () => {
    const bp = connect(getProfile('bright-pattern'), brightPatternAt(session.emulator.url));
    const existing = EMULATOR_SEED['bright-pattern'].users.existing;
    const response = await bp.execute('custom.request', { path: `/user/${existing}` });
    expect(response.data).toMatchObject({ loginId: existing });
    const error = await bp
      .execute('user.get', { loginId: 'no.such.user' })
      .catch((caught: unknown) => caught);
    expect((error as SwitchboardError).status).toBe(404);
  });
});

describe('Sangoma CX', () => {
  it('runs agent call, queue call, send message, create webhook and deliver to agent', async () => {
    const sangoma = connect(getProfile('sangoma-cx'), sangomaAt(session.emulator.url));
    const [agent] = EMULATOR_SEED.sangoma.agents;
    const [queue] = EMULATOR_SEED.sangoma.queues;
    const [conversation] = EMULATOR_SEED.sangoma.conversations;
    expect(
      (await sangoma.execute('agent.call', { agentName: agent, destination: '+15551230001' }))
        .status,
    ).toBeLessThan(300);
    expect(
      (await sangoma.execute('queue.call', { queueName: queue, destination: '+15551230002' }))
        .status,
    ).toBeLessThan(300);
    expect(
      (await sangoma.execute('message.send', { conversationId: conversation, content: 'Hello' }))
        .status,
    ).toBeLessThan(300);
    const webhook = await sangoma.execute('webhook.create', { url: 'http://127.0.0.1:9/hook' });
    expect(webhook.status).toBe(201);
    expect(session.emulator.control.listSangomaWebhooks().map((hook) => hook.url)).toContain(
      'http://127.0.0.1:9/hook',
    );
    expect(
      (await sangoma.execute('conversation.deliverToAgent', { conversationId: conversation }))
        .status,
    ).toBeLessThan(300);
    const bot = await sangoma.execute('agentBot.create', {
      name: 'Switchboard bot',
      outgoingUrl: 'https://bot.example.com/in',
    });
    expect(bot.data).toMatchObject({ name: 'Switchboard bot', tenant_domain: expect.any(String) });
    const inboxes = await sangoma.execute('inbox.list', {});
    expect((inboxes.data as unknown[]).length).toBeGreaterThan(0);
    const custom = await sangoma.execute('custom.request', {
      method: 'POST',
      path: '/queues/call/',
      body: {
        queue_name: queue,
        destination: '+15551230003',
        tenant_domain: EMULATOR_SEED.sangoma.clients.full.tenantDomain,
      },
    });
    expect(custom.status).toBeLessThan(300);
  });

  it('reuses one token for every call (at-expiry renewal)', async () => {
    session.emulator.control.resetCounters();
    const sangoma = connect(getProfile('sangoma-cx'), sangomaAt(session.emulator.url));
    for (let i = 0; i < 3; i++)
      await sangoma.execute('agent.call', { agentName: 'alice', destination: `+1555000${i}` });
    expect(session.emulator.control.counters().tokenRequests.byProvider.sangoma).toBe(1);
  });

  // Sangoma answers a repeated request with the same token and its REMAINING lifetime:
  // a second process (no shared store) must end up with the same expiry, not a fresh year.
  it('reads expires_in as the remaining lifetime of an existing token', async () => {
    const first = connect(getProfile('sangoma-cx'), sangomaAt(session.emulator.url));
    const token = await first.tokens.getToken();
    session.emulator.control.advanceClock(3 * 24 * 3600);
    const second = connect(getProfile('sangoma-cx'), sangomaAt(session.emulator.url));
    const again = await second.tokens.getToken();
    expect(again.accessToken).toBe(token.accessToken);
    // The emulator clock moved three days; the second reading is three days shorter.
    const lifetime = (set: { obtainedAt: number; expiresAt: number }) =>
      set.expiresAt - set.obtainedAt;
    expect(lifetime(token) - lifetime(again)).toBeGreaterThanOrEqual(3 * 24 * 3600 * 1000 - 2000);
    expect(lifetime(token) - lifetime(again)).toBeLessThanOrEqual(3 * 24 * 3600 * 1000 + 2000);
  });

  it('a client without the scope gets insufficient_scope, not a retry loop', async () => {
    const credentials = {
      ...sangomaAt(session.emulator.url, 'agentOnly'),
      scopes: ['cx.agent-calls'],
    };
    const sangoma = connect(getProfile('sangoma-cx'), credentials);
    const error = await sangoma
      .execute('queue.call', { queueName: 'sales', destination: '+1' })
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).status).toBe(403);
    expect(['insufficient_scope', 'forbidden']).toContain((error as SwitchboardError).code);
  });

  it('a secret strict Basic encoding would change works with the raw default', async () => {
    const sangoma = connect(getProfile('sangoma-cx'), sangomaAt(session.emulator.url, 'rawSecret'));
    expect(
      (await sangoma.execute('agent.call', { agentName: 'alice', destination: '+1' })).status,
    ).toBeLessThan(300);
  });
});

describe('generic OAuth2', () => {
  it('signs in with the chosen settings and sends custom requests', async () => {
    const generic = connect(getProfile('generic-oauth2'), genericAt(session.emulator.url));
    const response = await generic.execute('custom.request', {
      path: '/items',
      query: { limit: 5 },
    });
    expect(response.status).toBe(200);
    expect(JSON.stringify(response.data)).toContain('item');
  });

  it('password grant with client credentials in the body', async () => {
    const user = EMULATOR_SEED.generic.users.alice;
    const generic = connect(getProfile('generic-oauth2'), {
      ...genericAt(session.emulator.url),
      grantType: 'password',
      clientAuth: 'body',
      username: user.username,
      password: user.password,
    });
    expect((await generic.execute('custom.request', { path: '/items' })).status).toBe(200);
  });
});

it('never leaks a seeded secret into an error', async () => {
  const secrets = seedSecrets();
  const dell = connect(getProfile('dell-cloudlink'), dellAt(session.emulator.url));
  session.emulator.control.injectFault({
    provider: 'dell',
    target: 'token',
    kind: 'html',
    status: 400,
  });
  const error = await dell.execute('license.get', {}).catch((caught: unknown) => caught);
  session.emulator.control.clearFaults();
  expect(error).toBeInstanceOf(SwitchboardError);
  expect((error as SwitchboardError).status).toBe(400);
  const text = `${String(error)} ${JSON.stringify(error)} ${(error as SwitchboardError).hint}`;
  for (const secret of secrets) expect(text).not.toContain(secret);
});

it('keeps secrets and tokens out of log lines and errors across a whole session', async () => {
  const lines: string[] = [];
  const record = (message: string) => lines.push(message);
  const logger = { debug: record, info: record, warn: record, error: record };
  const credentials = sangomaAt(session.emulator.url);
  const sangoma = connect(getProfile('sangoma-cx'), credentials, { logger });
  await sangoma.execute('agent.call', { agentName: 'alice', destination: '+1' });
  const token = await sangoma.tokens.getToken();
  session.emulator.control.revokeTokens('sangoma');
  session.emulator.control.injectFault({
    provider: 'sangoma',
    target: 'token',
    kind: 'status',
    status: 401,
    count: 5,
  });
  const error = await sangoma
    .execute('agent.call', { agentName: 'alice', destination: '+1' })
    .catch((caught: unknown) => caught);
  session.emulator.control.clearFaults();
  expect(error).toBeInstanceOf(SwitchboardError);
  expect(lines.length).toBeGreaterThan(0);
  const text = `${lines.join('\n')} ${String(error)} ${JSON.stringify(error)}`;
  for (const secret of [...seedSecrets(), token.accessToken]) expect(text).not.toContain(secret);
});

describe('coverage', () => {
  it.each(['dell-cloudlink', 'bright-pattern', 'sangoma-cx', 'generic-oauth2'] as const)(
    'ran every %s operation successfully over real HTTP',
    (id) => {
      const missing = getProfile(id)
        .operations.map((operation) => operation.id)
        .filter((operation) => !session.succeeded(id).has(operation));
      expect(missing).toEqual([]);
    },
  );
});
