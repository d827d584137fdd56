// "Test connection" is an admin endpoint anyone with switchboard.write may call with any node id
// and any address: it must never read another node type's credentials, and never send a stored
// secret anywhere but the address it was deployed with (deployed, disabled or never deployed).
import { createServer } from 'node:http';
import type { IncomingMessage, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';
import { expectNoSecrets, sentinelSecrets, startHostileProvider } from '@switchboard/testkit';
import { configNodeType } from '../src/names';
import { helper, onTab, SWITCHBOARD_NODES } from './harness';
import type { FlowNode } from './harness';

import type { NodeInstance, NodeRedApi } from '../src/runtime/node-red-types';

/** Another palette's node with a password (as the http request or MQTT broker node has). */
function foreignNode(RED: NodeRedApi): void {
  RED.nodes.registerType(
    'other-palette-login',
    function (this: NodeInstance, definition) {
      RED.nodes.createNode(this, definition);
    },
    { credentials: { user: { type: 'text' }, password: { type: 'password' } } },
  );
}

const SECRETS = sentinelSecrets('http-password', 'switchboard-secret', 'switchboard-password');
const GENERIC = configNodeType('generic-oauth2');

/** A loopback "attacker": records everything sent to it and answers like a token endpoint. */
interface Attacker {
  url: string;
  received: string[];
  close(): Promise<void>;
}

async function startAttacker(): Promise<Attacker> {
  const received: string[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: 'attacker-token', token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    received,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** Generic OAuth2 dialog values pointing at the attacker, secrets "unchanged" (stored). */
function hostileValues(attackerUrl: string): Record<string, unknown> {
  return {
    tokenUrl: `${attackerUrl}/token`,
    apiBaseUrl: `${attackerUrl}/api`,
    grantType: 'password',
    clientId: 'attacker',
    clientSecret: '__PWRD__',
    username: 'attacker',
    password: '__PWRD__',
    clientAuth: 'body',
  };
}

function switchboardNode(id: string, extra: Record<string, unknown> = {}): FlowNode {
  return {
    id,
    type: GENERIC,
    tokenUrl: 'https://auth.example.invalid/token',
    apiBaseUrl: 'https://api.example.invalid',
    grantType: 'password',
    clientId: 'real-client',
    username: 'real-user',
    clientAuth: 'body',
    tokenStore: 'memory',
    ...extra,
  };
}

let attacker: Attacker;

beforeAll(async () => {
  await helper.startServer();
});

afterAll(async () => {
  await helper.stopServer();
});

beforeEach(async () => {
  attacker = await startAttacker();
  await helper.load(
    [foreignNode, ...SWITCHBOARD_NODES],
    [
      ...onTab(
        [switchboardNode('sb-deployed'), switchboardNode('sb-disabled', { d: true })],
        [
          {
            id: 'http-basic',
            type: 'other-palette-login',
            wires: [],
          },
        ],
      ),
    ],
    {
      'http-basic': { user: 'intranet', password: SECRETS['http-password'] },
      'sb-deployed': {
        clientSecret: SECRETS['switchboard-secret'],
        password: SECRETS['switchboard-password'],
      },
      'sb-disabled': {
        clientSecret: SECRETS['switchboard-secret'],
        password: SECRETS['switchboard-password'],
      },
    },
  );
});

afterEach(async () => {
  await helper.unload();
  await attacker.close();
});

async function diagnoseWith(id: string, values: Record<string, unknown>) {
  return helper.request().post('/switchboard/diagnose/generic-oauth2').send({ id, values });
}

describe('test connection with stored secrets', () => {
  it.each([
    ['another palette’s node (user and password)', 'http-basic'],
    ['a disabled Switchboard connection', 'sb-disabled'],
    ['a deployed Switchboard connection', 'sb-deployed'],
    ['a connection that was never deployed', 'sb-never-deployed'],
  ])('sends no stored secret of %s to an address of the caller’s choice', async (_what, id) => {
    const answer = await diagnoseWith(id, hostileValues(attacker.url));
    expect(answer.status).toBe(200);
    expect(answer.body.ok).toBe(false);
    expect((answer.body.error as { code: string }).code).toBe('invalid_configuration');
    expectNoSecrets(attacker.received.join('\n'), Object.values(SECRETS));
    expectNoSecrets(answer.text, Object.values(SECRETS));
    expectNoSecrets(
      inspect(helper.log().args, { showHidden: true, depth: 8 }),
      Object.values(SECRETS),
    );
  });

  it('changing any setting (here the client id) counts as a new destination', async () => {
    const values = {
      ...switchboardNode('sb-deployed'),
      clientSecret: '__PWRD__',
      password: '__PWRD__',
    };
    const answer = await diagnoseWith('sb-deployed', { ...values, clientId: 'other-client' });
    expect(answer.body.ok).toBe(false);
    expect((answer.body.error as { hint: string }).hint).toMatch(/Type the secret again/);
  });

  it('a node id of another provider type is not this provider’s connection', async () => {
    const answer = await helper
      .request()
      .post('/switchboard/diagnose/mitel-cloudlink')
      .send({ id: 'sb-deployed', values: { clientSecret: '__PWRD__', clientId: 'x' } });
    expect(answer.body.ok).toBe(false);
    expect((answer.body.error as { code: string }).code).toBe('invalid_configuration');
    expectNoSecrets(answer.text, Object.values(SECRETS));
  });

  it('an empty secret field in the dialog is empty, not "take the stored one"', async () => {
    const values = hostileValues(attacker.url);
    delete values.clientSecret;
    delete values.password;
    await diagnoseWith('http-basic', values);
    await diagnoseWith('sb-deployed', values);
    expectNoSecrets(attacker.received.join('\n'), Object.values(SECRETS));
  });

  it('still uses the stored secrets when nothing but the secrets is left as it was deployed', async () => {
    // The deployed node's own (unreachable) address: the stored secrets go there and nowhere else.
    const values = {
      ...switchboardNode('sb-disabled'),
      clientSecret: '__PWRD__',
      password: '__PWRD__',
    };
    delete (values as Record<string, unknown>).d;
    const answer = await diagnoseWith('sb-disabled', values);
    expect(answer.body.ok).toBe(false);
    expect((answer.body.error as { code: string }).code).toMatch(/^network_/);
  });
});

describe('test connection against a deployed address that echoes what it is sent', () => {
  it('answers without the stored secret the provider echoed back', async () => {
    const provider = await startHostileProvider({ token: 'unused', attackerUrl: attacker.url });
    try {
      const connection = {
        id: 'mitel-echo',
        type: configNodeType('mitel-cloudlink'),
        environment: 'custom',
        customBaseUrl: `${provider.url}/{service}`,
        grantType: 'client_credentials',
        clientId: 'echo-client',
        tokenStore: 'memory',
      };
      await helper.unload();
      await helper.load(SWITCHBOARD_NODES, onTab(connection, []), {
        [connection.id]: { clientSecret: SECRETS['switchboard-secret'] },
      });
      const { id: _id, type: _type, ...settings } = connection;
      const answer = await helper
        .request()
        .post('/switchboard/diagnose/mitel-cloudlink')
        .send({ id: connection.id, values: { ...settings, clientSecret: '__PWRD__' } });
      expect(answer.body.ok).toBe(false);
      // The provider did echo the secret: the check below could fail.
      expect(JSON.stringify(provider.received)).toContain(SECRETS['switchboard-secret']);
      expectNoSecrets(answer.text, Object.values(SECRETS));
    } finally {
      await provider.close();
    }
  });
});
