// The Node-RED ERP examples (call records into PostgreSQL, click-to-call, contact to Bright
// Pattern user) in a real Node-RED 5,
// whose function nodes load the pg module (Node-RED installs it from npm on deploy),
// against the emulator and a real PostgreSQL: records arrive late and out of order between
// polls, Node-RED restarts between polls, and call_log ends up with every finished call exactly
// once, oldest first, with E.164 numbers and the matching contact — checked row by row. The
// cursor lives in Node-RED's persistent (localfilesystem) context.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import { createConnection, getProfile, type CredentialValues } from '@switchboard/core';
import { startPostgres, type RunningPostgres } from '@switchboard/testkit';
import { emulatorConnections } from '../../../packages/node-red/test/emulator-connections';
import { ERP_DATABASE, callLog, createErpDatabase, waitForCallLog } from '../support/erp-database';
import { deployFlows, type FlowNode } from './admin-api';
import { REPO_ROOT, startNodeRed, type NodeRedInstance } from './node-red-instance';
import { installTarball, packTarball } from './palette';

const EXAMPLES = [
  '20 - ERP - New CloudLink call records into PostgreSQL.json',
  '21 - ERP - Click-to-call a contact with CloudLink.json',
  '22 - ERP - Contact to Bright Pattern user.json',
].map((file) => join(REPO_ROOT, 'packages/node-red/examples', file));
const AGENT = EMULATOR_SEED.mitel.prod.users.agent;
const MINUTE = 60_000;
let emulator: Emulator;
let postgres: RunningPostgres;
let dir: string;
let userDir: string;

/** settings.js with a persistent default context store, which the node needs across restarts. */
function writeSettings(): void {
  mkdirSync(userDir, { recursive: true });
  writeFileSync(
    join(userDir, 'settings.js'),
    `module.exports = {
  uiHost: '127.0.0.1',
  credentialSecret: 'switchboard-e2e-credential-secret',
  flowFile: 'flows.json',
  contextStorage: { default: { module: 'localfilesystem' } },
  functionExternalModules: true,
  logging: { console: { level: 'info', metrics: false, audit: false } },
  editorTheme: { tours: false, palette: { upload: true } },
  diagnostics: { enabled: false },
  telemetry: { enabled: false },
};
`,
  );
}

/** The examples as shipped (shared config nodes once), pointed at the emulator and the test database, polling every second. */
function exampleFlow(): FlowNode[] {
  const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
  const nodes = new Map<string, FlowNode>();
  for (const file of EXAMPLES) {
    for (const node of JSON.parse(readFileSync(file, 'utf8')) as FlowNode[])
      nodes.set(node.id, node);
  }
  return [...nodes.values()].map((node) => {
    if (node.type === 'switchboard-bright-pattern-config') {
      const bright = emulatorConnections(emulator.url)['bright-pattern'];
      return { ...bright.node, id: node.id, credentials: bright.credentials };
    }
    if (node.type === 'switchboard-mitel-cloudlink-config') {
      return {
        ...mitel.node,
        id: node.id,
        defaultCountry: node.defaultCountry,
        credentials: mitel.credentials,
      };
    }
    if (node.type === 'tab') {
      const url = `postgres://${postgres.user}:trusted-on-loopback@${postgres.host}:${postgres.port}/${ERP_DATABASE}`;
      return { ...node, env: [{ name: 'ERP_DATABASE_URL', value: url, type: 'str' }] };
    }
    if (node.type === 'switchboard-mitel-call-records') return { ...node, interval: 1 };
    return node;
  });
}

/** Adds what Node-RED printed to a failure, so a flow error is visible in the test report. */
function withOutput(instance: NodeRedInstance): (error: unknown) => never {
  return (error) => {
    throw new Error(`${String(error)}\nNode-RED said:\n${instance.output().slice(-4000)}`);
  };
}

async function pause(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-nr-records-'));
  userDir = join(dir, 'user');
  emulator = await startEmulator({ port: 0 });
  postgres = await startPostgres();
  await createErpDatabase(postgres);
  writeSettings();
});

afterAll(async () => {
  await emulator?.close();
  await postgres?.stop();
  rmSync(dir, { recursive: true, force: true });
});

it('stores every finished call once across restarts, late and out-of-order arrivals, matched to its contact; click-to-call; contact to Bright Pattern user', async () => {
  let nodeRed: NodeRedInstance = await startNodeRed({ userDir });
  const packDir = join(dir, 'pack');
  mkdirSync(packDir);
  try {
    await installTarball(nodeRed.url, packTarball(packDir));
    await deployFlows(nodeRed.url, exampleFlow());
    // "Start from now": the first poll sets the start point; the seeded history stays out.
    await pause(3000);
    const start = Date.now();
    const iso = (minutes: number) => new Date(start + minutes * MINUTE).toISOString();

    emulator.control.injectCallRecords({
      records: [
        { callId: 'nr-r3', endTime: iso(3), from: '(202) 555-0143', to: '2001' },
        { callId: 'nr-r2', endTime: iso(2), from: '+1 202 555 0199', to: '2001' },
        { callId: 'nr-open', endTime: iso(2.5), completed: false },
      ],
    });
    await waitForCallLog(postgres, 2).catch(withOutput(nodeRed));
    await nodeRed.stop();

    // While Node-RED is down: a late record (ended before r2 and r3) and a new one.
    emulator.control.injectCallRecords({
      records: [
        {
          callId: 'nr-r4',
          endTime: iso(4),
          from: '2002',
          to: '+44 20 7946 0018',
          direction: 'outbound',
        },
        { callId: 'nr-r1', endTime: iso(1), from: '2025550141', to: '2001' },
      ],
    });
    nodeRed = await startNodeRed({ userDir });
    await waitForCallLog(postgres, 4).catch(withOutput(nodeRed));
    await nodeRed.stop();

    // Nothing new: another restart and several polls repeat nothing. Meanwhile the ERP asks
    // for a call to a contact (the click-to-call example), and to one that does not exist.
    nodeRed = await startNodeRed({ userDir });
    const clickToCall = (body: unknown) =>
      fetch(`${nodeRed.url}/erp/click-to-call`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const called = await clickToCall({ contactId: 3, userId: AGENT.userId });
    expect(called.status).toBe(200);
    expect(await called.json()).toEqual({
      callId: expect.any(String),
      to: '+442079460018',
      contact: 'Alan Turing',
    });
    const unknown = await clickToCall({ contactId: 99, userId: AGENT.userId });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual({ error: 'Error: No contact 99 in the ERP database.' });

    // ERP contact → Bright Pattern user: created first, updated the second time.
    const agent = (body: unknown) =>
      fetch(`${nodeRed.url}/erp/agent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    const contact = {
      loginId: 'erp.ada',
      firstName: 'Ada',
      lastName: 'Lovelace',
      extension: '2041',
    };
    const noPassword = await agent(contact);
    expect(noPassword.status).toBe(400);
    expect(((await noPassword.json()) as { error: string }).error).toMatch(/password/i);
    const created = await agent({ ...contact, password: 'Initial-Pass-1' });
    expect(await created.json()).toEqual({ action: 'created', loginId: 'erp.ada' });
    const updated = await agent({ ...contact, lastName: 'King' });
    expect(await updated.json()).toEqual({ action: 'updated', loginId: 'erp.ada' });
    const bright = emulatorConnections(emulator.url)['bright-pattern'];
    const connection = createConnection(getProfile('bright-pattern'), {
      ...(bright.node as unknown as CredentialValues),
      ...bright.credentials,
    });
    try {
      const stored = await connection.execute('user.get', { loginId: 'erp.ada' });
      expect(stored.data).toMatchObject({ firstName: 'Ada', lastName: 'King', extension: '2041' });
    } finally {
      await connection.close();
    }
    await pause(5000);
  } finally {
    await nodeRed.stop();
  }
  expect(await callLog(postgres)).toEqual([
    {
      call_id: 'nr-r1',
      from_number: '2025550141',
      from_e164: '+12025550141',
      to_e164: null,
      contact: 'Ada Lovelace',
    },
    {
      call_id: 'nr-r2',
      from_number: '+1 202 555 0199',
      from_e164: '+12025550199',
      to_e164: null,
      contact: null,
    },

    {
      call_id: 'nr-r3',
      from_number: '(202) 555-0143',
      from_e164: '+12025550143',
      to_e164: null,
      contact: 'Grace Hopper',
    },

    {
      call_id: 'nr-r4',
      from_number: '2002',
      from_e164: null,
      to_e164: '+442079460018',
      contact: 'Alan Turing',
    },
  ]);
}, 600_000);
