// The API nodes of every provider, run in Node-RED's runtime against the emulator over HTTP.
import { createConnection, getProfile } from '@switchboard/core';
import type { CredentialValues } from '@switchboard/core';
import { EMULATOR_SEED, startEmulator } from '@switchboard/emulator';
import type { Emulator } from '@switchboard/emulator';
import { apiNodeType } from '../src/names';
import { emulatorConnections, MITEL_ACCOUNT_ID, SEEDED_SECRETS } from './emulator-connections';
import type { ConnectionFixture } from './emulator-connections';
import { helper, messages, nextMessage, onTab, statusTexts, SWITCHBOARD_NODES } from './harness';
import type { FlowNode } from './harness';

let emulator: Emulator;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  await helper.startServer();
});

afterAll(async () => {
  await helper.stopServer();
  await emulator.close();
});

afterEach(async () => {
  await helper.unload();
  emulator.control.reset();
});

function apiNode(
  connection: ConnectionFixture,
  operation: string,
  extra: Record<string, unknown> = {},
): FlowNode {
  return {
    id: 'api',
    type: apiNodeType(connection.provider),
    connection: connection.node.id,
    operation,
    params: {},
    returnAll: false,
    limit: 50,
    output: 'array',
    wires: [['out']],
    ...extra,
  };
}

async function load(connection: ConnectionFixture, nodes: FlowNode[]): Promise<void> {
  await helper.load(
    SWITCHBOARD_NODES,
    onTab(connection.node, [
      ...nodes,
      { id: 'out', type: 'helper' },
      { id: 'caught', type: 'helper' },
    ]),
    { [connection.node.id]: connection.credentials },
  );
}

function assertNoSecret(value: unknown): void {
  const text = JSON.stringify(value);
  for (const secret of SEEDED_SECRETS) expect(text).not.toContain(secret);
  expect(text).not.toMatch(/Bearer\s+\S+/);
}

describe('API node', () => {
  it('lists Mitel CloudLink users: payload, statusCode, headers and status texts', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    await load(mitel, [
      apiNode(mitel, 'user.list', {
        params: { accountId: { v: MITEL_ACCOUNT_ID, t: 'str' } },
        returnAll: true,
      }),
    ]);
    const statuses = statusTexts('api');
    const received = nextMessage('out');
    helper.getNode('api').receive({ payload: 'go' });
    const msg = await received;
    const tokenRequests = emulator.control.counters().tokenRequests.byProvider.mitel;
    const users = msg.payload as Array<Record<string, unknown>>;
    expect(users.length).toBe(await mitelUserCount(mitel));
    expect(msg.statusCode).toBe(200);
    expect((msg.headers as Record<string, string>)['content-type']).toContain('application/json');
    expect(statuses).toContain('requesting token');
    expect(statuses[statuses.length - 1]).toBe(`200 · ${users.length} records`);
    assertNoSecret(msg);
    expect(tokenRequests).toBe(1);
  });

  it('sends one message per record, up to the limit, and reuses the token', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    await load(mitel, [
      apiNode(mitel, 'callRecord.list', {
        limit: 7,
        output: 'items',
        params: { top: { v: '3', t: 'num' } },
      }),
    ]);
    const received = messages('out', 7);
    helper.getNode('api').receive({ payload: 'first' });
    const records = await received;
    expect(records.map((msg) => msg.index)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    // msg.parts as the split node sets them; only the last record knows the total.
    const parts = records.map((msg) => msg.parts as { id: string; index: number; count?: number });
    expect(new Set(parts.map((part) => part.id)).size).toBe(1);
    expect(parts.map((part) => part.count)).toEqual([
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      undefined,
      7,
    ]);
    expect(new Set(records.map((msg) => (msg.payload as { callId: string }).callId)).size).toBe(7);
    const again = nextMessage('out');
    helper.getNode('api').receive({ payload: 'second' });
    await again;
    expect(emulator.control.counters().tokenRequests.byProvider.mitel).toBe(1);
  });

  it('splits an array response into one message per record when asked', async () => {
    const bright = emulatorConnections(emulator.url)['bright-pattern'];
    await load(bright, [
      apiNode(bright, 'phone.exportAccessNumbers', { output: 'array', id: 'whole' }),
    ]);
    const whole = nextMessage('out');
    helper.getNode('whole').receive({});
    const numbers = (await whole).payload as unknown[];
    expect(numbers.length).toBeGreaterThan(1);
    await helper.unload();

    await load(bright, [apiNode(bright, 'phone.exportAccessNumbers', { output: 'items' })]);
    const statuses = statusTexts('api');
    const received = messages('out', numbers.length);
    helper.getNode('api').receive({ topic: 'numbers' });
    const records = await received;
    expect(records.map((msg) => msg.payload)).toEqual(numbers);
    expect(records.every((msg) => msg.topic === 'numbers' && msg.statusCode === 200)).toBe(true);
    expect(statuses[statuses.length - 1]).toBe(`200 · ${numbers.length} records`);
  });

  it('lets a join node in automatic mode reassemble the records of every page', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    await load(mitel, [
      apiNode(mitel, 'callRecord.list', {
        limit: 25,
        output: 'items',
        params: { top: { v: '10', t: 'num' } },
        wires: [['join']],
      }),
      {
        id: 'join',
        type: 'join',
        mode: 'auto',
        build: 'array',
        timeout: '',
        count: '',
        wires: [['out']],
      },
    ]);
    const joined = nextMessage('out');
    helper.getNode('api').receive({});
    const records = (await joined).payload as Array<{ callId: string }>;
    expect(records).toHaveLength(25);
    expect(new Set(records.map((record) => record.callId)).size).toBe(25);
  });

  it('streams records across many pages in order, each once, the last with parts.count', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    const list = { limit: 95, params: { top: { v: '10', t: 'num' } } };
    await load(mitel, [
      apiNode(mitel, 'callRecord.list', { ...list, output: 'items' }),
      apiNode(mitel, 'callRecord.list', {
        ...list,
        id: 'api-array',
        output: 'array',
        wires: [['caught']],
      }),
    ]);
    const streamed = messages('out', 95);
    const listed = nextMessage('caught');
    helper.getNode('api').receive({});
    helper.getNode('api-array').receive({});
    const records = await streamed;
    const expected = (await listed).payload as Array<{ callId: string }>;
    expect(expected).toHaveLength(95);
    expect(records.map((msg) => (msg.payload as { callId: string }).callId)).toEqual(
      expected.map((record) => record.callId),
    );
    const parts = records.map((msg) => msg.parts as { index: number; count?: number });
    expect(parts.map((part) => part.index)).toEqual(records.map((_, index) => index));
    expect(parts.filter((part) => part.count !== undefined)).toEqual([
      expect.objectContaining({ index: 94, count: 95 }),
    ]);
  });

  it('answers every one of many concurrent messages and shows each status change once', async () => {
    const generic = emulatorConnections(emulator.url)['generic-oauth2'];
    await load(generic, [
      apiNode(generic, 'custom.request', {
        params: { method: { v: 'GET', t: 'option' }, path: { v: '/me', t: 'str' } },
      }),
    ]);
    const statuses = statusTexts('api');
    const answered = messages('out', 20);
    for (let i = 0; i < 20; i += 1) helper.getNode('api').receive({ topic: `m${i}` });
    const replies = await answered;
    expect(new Set(replies.map((msg) => msg.topic)).size).toBe(20);
    expect(replies.every((msg) => msg.statusCode === 200)).toBe(true);
    expect(statuses).toContain('requesting token');
    expect(statuses[statuses.length - 1]).toBe('200');
    const repeats = statuses.filter((text, index) => index > 0 && text === statuses[index - 1]);
    expect(repeats).toEqual([]);
    // 20 messages, 2 statuses each before; now the statuses of one message, plus token ones.
    expect(statuses.length).toBeLessThan(10);
  });

  it('takes parameters from msg properties and msg.params', async () => {
    const bright = emulatorConnections(emulator.url)['bright-pattern'];
    await load(bright, [
      apiNode(bright, 'user.get', { params: { loginId: { v: 'who', t: 'msg' } } }),
    ]);
    const received = nextMessage('out');
    helper.getNode('api').receive({ who: 'alice.anderson' });
    const msg = await received;
    expect((msg.payload as { loginId: string }).loginId).toBe('alice.anderson');
    const overridden = nextMessage('out');
    helper.getNode('api').receive({ who: 'nobody', params: { loginId: 'lou.locked' } });
    expect(((await overridden).payload as { loginId: string }).loginId).toBe('lou.locked');
  });

  it('places a Mitel call and controls it from msg.params (operations drawn from the profile)', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    const agent = EMULATOR_SEED.mitel.prod.users.agent.userId;
    await load(mitel, [
      apiNode(mitel, 'call.create', {
        params: { endpointId: { v: agent, t: 'str' }, to: { v: '+15550100', t: 'str' } },
      }),
    ]);
    const placed = nextMessage('out');
    helper.getNode('api').receive({});
    const call = (await placed).payload as { callId: string; originateTimeout: number };
    expect((await placed).statusCode).toBe(200);
    expect(call.originateTimeout).toBe(30);
    await helper.unload();
    await load(mitel, [apiNode(mitel, 'call.blindTransfer')]);
    const transferred = nextMessage('out');
    helper.getNode('api').receive({
      params: { endpointId: agent, callId: call.callId, args: { destination: '+15550199' } },
    });
    expect((await transferred).payload).toMatchObject({
      action: 'blindTransfer',
      args: { destination: '+15550199' },
    });
  });

  it.each(['dell-cloudlink', 'sangoma-cx', 'generic-oauth2'] as const)(
    'calls %s through its own authentication',
    async (provider) => {
      const connection = emulatorConnections(emulator.url)[provider];
      const [operation, params] = {
        'dell-cloudlink': ['machine.list', {}],
        'sangoma-cx': [
          'agent.call',
          { agentName: { v: 'alice', t: 'str' }, destination: { v: '+15550100', t: 'str' } },
        ],
        'generic-oauth2': [
          'custom.request',
          { method: { v: 'GET', t: 'option' }, path: { v: '/me', t: 'str' } },
        ],
      }[provider] as [string, Record<string, unknown>];
      await load(connection, [apiNode(connection, operation, { params })]);
      const received = nextMessage('out');
      helper.getNode('api').receive({});
      const msg = await received;
      expect(msg.statusCode).toBeGreaterThanOrEqual(200);
      expect(msg.statusCode).toBeLessThan(300);
      expect(msg.payload).toBeDefined();
      assertNoSecret(msg);
    },
  );

  it('reports a rejected credential to Catch nodes with code, hint and a short status', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    const wrong = { ...mitel, credentials: { clientSecret: 'not-the-secret-Xy9' } };
    await load(wrong, [
      apiNode(wrong, 'auth.whoAmI'),
      { id: 'catch', type: 'catch', scope: ['api'], uncaught: false, wires: [['caught']] },
    ]);
    const statuses = statusTexts('api');
    const caught = nextMessage('caught');
    helper.getNode('api').receive({ payload: 'x' });
    const msg = await caught;
    const error = msg.error as {
      message: string;
      code: string;
      cause: { hint: string; status: number };
    };
    expect(error.code).toBe('invalid_client');
    expect(error.cause.status).toBe(401);
    expect(error.cause.hint.length).toBeGreaterThan(10);
    expect(error.message).toContain(error.cause.hint);
    expect(statuses[statuses.length - 1]).toBe('401 · invalid client');
    expect(JSON.stringify(msg)).not.toContain('not-the-secret-Xy9');
    // Nothing Node-RED logged (warnings, errors, Catch reports) carries the secret either.
    const logged = JSON.stringify(helper.log().args);
    expect(logged).toContain('node.switchboard-mitel-cloudlink.done');
    expect(logged).not.toContain('not-the-secret-Xy9');
  });

  it('names the parameter and the msg path that could not be read', async () => {
    const bright = emulatorConnections(emulator.url)['bright-pattern'];
    await load(bright, [
      apiNode(bright, 'user.get', { params: { loginId: { v: 'contact.login', t: 'msg' } } }),
      { id: 'catch', type: 'catch', scope: ['api'], uncaught: false, wires: [['caught']] },
    ]);
    const caught = nextMessage('caught');
    helper.getNode('api').receive({ payload: 'no contact here' });
    const error = (await caught).error as { message: string; code: string };
    expect(error.code).toBe('validation_failed');
    expect(error.message).toContain(
      'Parameter "Login ID" could not be read from msg "contact.login"',
    );
    expect(error.message).not.toContain('This is unexpected');
  });

  it('says which setting is missing when no connection is selected', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    await load(mitel, [
      apiNode(mitel, 'auth.whoAmI', { connection: '' }),
      { id: 'catch', type: 'catch', scope: ['api'], uncaught: false, wires: [['caught']] },
    ]);
    const caught = nextMessage('caught');
    helper.getNode('api').receive({});
    const error = (await caught).error as { code: string; message: string };
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toMatch(/No connection selected/);
  });
});

/** The account's user count as the collection reports it, read directly through core. */
async function mitelUserCount(fixture: ConnectionFixture): Promise<number> {
  const connection = createConnection(getProfile('mitel-cloudlink'), {
    ...fixture.node,
    ...fixture.credentials,
  } as CredentialValues);
  try {
    const page = await connection.execute('user.list', { accountId: MITEL_ACCOUNT_ID });
    return (page.data as { count: number }).count;
  } finally {
    await connection.close();
  }
}
