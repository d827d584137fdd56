// The Node-RED API node against a hostile provider over real HTTP: redirects across origins,
// bodies and headers that echo the bearer token (in errors and in successful answers), next
// links that loop. Nothing of the credential reaches the attacker, msg, statuses or the log.
import { inspect } from 'node:util';
import {
  REDIRECT_STATUSES,
  sentinelSecrets,
  startAttacker,
  startHostileProvider,
} from '@switchboard/testkit';
import type { LoopbackServer } from '@switchboard/testkit';
import { apiNodeType, configNodeType } from '../src/names';
import { helper, nextMessage, onTab, statusTexts, SWITCHBOARD_NODES } from './harness';

const SECRETS = sentinelSecrets('nr-access-token', 'nr-client-secret');
const ALL = Object.values(SECRETS);
let provider: LoopbackServer;
let attacker: LoopbackServer;

beforeAll(async () => {
  await helper.startServer();
  attacker = await startAttacker();
  provider = await startHostileProvider({
    token: SECRETS['nr-access-token'],
    attackerUrl: attacker.url,
  });
});

afterAll(async () => {
  await helper.stopServer();
  await provider.close();
  await attacker.close();
});

afterEach(async () => {
  await helper.unload();
  provider.received.length = 0;
  attacker.received.length = 0;
});

/** Runs Mitel "list users" of `accountId` once; resolves with the output or the Catch message. */
async function listUsers(accountId: string) {
  const connection = {
    id: 'hostile-conn',
    type: configNodeType('mitel-cloudlink'),
    environment: 'custom',
    customBaseUrl: `${provider.url}/{service}`,
    grantType: 'client_credentials',
    clientId: 'client-1',
    application: 'app=hostile/1',
    tokenStore: 'memory',
  };
  await helper.load(
    SWITCHBOARD_NODES,
    onTab(connection, [
      {
        id: 'api',
        type: apiNodeType('mitel-cloudlink'),
        connection: connection.id,
        operation: 'user.list',
        params: { accountId: { v: accountId, t: 'str' } },
        returnAll: true,
        output: 'array',
        wires: [['out']],
      },
      { id: 'catch', type: 'catch', scope: ['api'], uncaught: false, wires: [['caught']] },
      { id: 'out', type: 'helper' },
      { id: 'caught', type: 'helper' },
    ]),
    { [connection.id]: { clientSecret: SECRETS['nr-client-secret'] } },
  );
  const statuses = statusTexts('api');
  const settled = Promise.race([
    nextMessage('out').then((msg) => ({ msg, failed: false })),
    nextMessage('caught').then((msg) => ({ msg, failed: true })),
  ]);
  helper.getNode('api').receive({ payload: 'go' });
  const result = await settled;
  const everything = [
    inspect(result.msg, { showHidden: true, depth: 12 }),
    JSON.stringify(result.msg),
    statuses.join('\n'),
    inspect(helper.log().args, { depth: 8 }),
  ].join('\n');
  return { ...result, everything };
}

function expectClean(text: string): void {
  for (const secret of ALL) expect(text).not.toContain(secret);
}

describe('API node against a hostile provider', () => {
  it.each(REDIRECT_STATUSES)('sends nothing to the attacker on a %i redirect', async (status) => {
    const result = await listUsers(`redirect-${status}`);
    expect(result.failed).toBe(true);
    expect(provider.received.some((request) => request.url.includes('/users'))).toBe(true);
    expect(attacker.received).toHaveLength(0);
    expectClean(result.everything);
  });

  it('keeps an echoed token out of msg.error, the status and the log', async () => {
    const result = await listUsers('echo');
    expect(result.failed).toBe(true);
    expect(JSON.stringify(provider.received)).toContain(SECRETS['nr-access-token']);
    expectClean(result.everything);
  });

  it('keeps an echoed token out of msg.payload and msg.headers of a successful answer', async () => {
    const result = await listUsers('echo-ok');
    expect(result.failed).toBe(false);
    expect(JSON.stringify(result.msg.payload)).toContain('Bearer ***');
    expectClean(result.everything);
  });

  it('stops "return all" when next links loop A → B → A, after two requests', async () => {
    const result = await listUsers('loop');
    expect(result.failed).toBe(true);
    expect(JSON.stringify(result.msg.error)).toMatch(/Pagination loop/);
    expect(provider.received.filter((request) => request.url.includes('/users'))).toHaveLength(2);
  });
});
