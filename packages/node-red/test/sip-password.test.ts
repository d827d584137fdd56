// Mitel users' sipPassword stays out of msg.payload unless "Include SIP Password" is on: list
// (array and one message per record), get user and the custom request, against the emulator,
// which sends it as CloudLink does.
import { startEmulator } from '@switchboard/emulator';
import type { Emulator } from '@switchboard/emulator';
import { apiNodeType } from '../src/names';
import { emulatorConnections, MITEL_ACCOUNT_ID } from './emulator-connections';
import { helper, messages, nextMessage, onTab, SWITCHBOARD_NODES } from './harness';
import type { FlowNode } from './harness';

const SIP = 'SIP-SECRET-';
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
});

async function run(
  operation: string,
  params: Record<string, unknown>,
  extra: Record<string, unknown> = {},
  count = 1,
) {
  const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
  const typed = Object.fromEntries(
    Object.entries(params).map(([name, value]) => [
      name,
      { v: value, t: typeof value === 'boolean' ? 'bool' : 'str' },
    ]),
  );
  const node: FlowNode = {
    id: 'api',
    type: apiNodeType('mitel-cloudlink'),
    connection: mitel.node.id,
    operation,
    params: typed,
    returnAll: false,
    limit: 5,
    output: 'array',
    wires: [['out']],
    ...extra,
  };
  await helper.load(SWITCHBOARD_NODES, onTab(mitel.node, [node, { id: 'out', type: 'helper' }]), {
    [mitel.node.id]: mitel.credentials,
  });
  const received = count === 1 ? nextMessage('out').then((msg) => [msg]) : messages('out', count);
  helper.getNode('api').receive({ payload: 'go' });
  return received;
}

describe('Mitel sipPassword', () => {
  it('is left out of list users (array and per-record), get user and the custom request', async () => {
    const [list] = await run('user.list', { accountId: MITEL_ACCOUNT_ID });
    const users = list?.payload as Array<{ userId: string }>;
    expect(users).toHaveLength(5);
    await helper.unload();
    const perRecord = await run(
      'user.list',
      { accountId: MITEL_ACCOUNT_ID },
      { output: 'items' },
      5,
    );
    await helper.unload();
    const [one] = await run('user.get', { userId: users[0]?.userId });
    await helper.unload();
    const [custom] = await run('custom.request', {
      method: 'GET',
      service: 'admin',
      path: `/accounts/${MITEL_ACCOUNT_ID}/users`,
    });
    for (const msg of [list, ...perRecord, one, custom]) {
      expect(JSON.stringify(msg?.payload)).not.toContain(SIP);
      expect(JSON.stringify(msg?.payload)).not.toContain('sipPassword');
    }
  });

  it('is kept with "Include SIP Password" set (so the check above can fail)', async () => {
    const [list] = await run('user.list', {
      accountId: MITEL_ACCOUNT_ID,
      includeSensitiveFields: true,
    });
    const users = list?.payload as Array<{ sipPassword?: string }>;
    expect(users.every((user) => user.sipPassword?.startsWith(SIP))).toBe(true);
  });
});
