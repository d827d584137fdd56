// The CloudLink call-records node in a real Node-RED 5 against the emulator: records arrive
// late and out of order between polls, Node-RED restarts between polls, and the ERP stand-in
// gets every finished call exactly once, oldest first, with E.164 numbers. The cursor lives in
// Node-RED's persistent (localfilesystem) context.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { emulatorConnections } from '../../../packages/node-red/test/emulator-connections';
import { startCollector, type Collector } from '../support/collector';
import { deployFlows, type FlowNode } from './admin-api';
import { startNodeRed, type NodeRedInstance } from './node-red-instance';
import { installTarball, packTarball } from './palette';

const MINUTE = 60_000;
let emulator: Emulator;
let collector: Collector;
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
  logging: { console: { level: 'info', metrics: false, audit: false } },
  editorTheme: { tours: false, palette: { upload: true } },
  diagnostics: { enabled: false },
  telemetry: { enabled: false },
};
`,
  );
}

function flows(): FlowNode[] {
  const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
  return [
    { id: 'cr-tab', type: 'tab', label: 'Call records' },
    { ...mitel.node, defaultCountry: 'US', credentials: mitel.credentials },
    {
      id: 'cr-records',
      type: 'switchboard-mitel-call-records',
      z: 'cr-tab',
      name: 'New call records',
      connection: mitel.node.id,
      interval: 1,
      startFrom: 'now',
      startDate: '',
      overlapMinutes: 10,
      e164: true,
      filter: '',
      maxRecords: 1000,
      x: 150,
      y: 60,
      wires: [['cr-erp']],
    },
    {
      id: 'cr-erp',
      type: 'http request',
      z: 'cr-tab',
      name: 'ERP',
      method: 'POST',
      ret: 'txt',
      paytoqs: 'ignore',
      url: collector.url,
      tls: '',
      persist: false,
      proxy: '',
      insecureHTTPParser: false,
      authType: '',
      senderr: false,
      headers: [],
      x: 400,
      y: 60,
      wires: [[]],
    },
  ];
}

async function pause(ms: number): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, ms));
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-nr-records-'));
  userDir = join(dir, 'user');
  emulator = await startEmulator({ port: 0 });
  collector = await startCollector();
  writeSettings();
});

afterAll(async () => {
  await emulator?.close();
  await collector?.close();
  rmSync(dir, { recursive: true, force: true });
});

it('sends every finished call once across restarts, late and out-of-order arrivals', async () => {
  let nodeRed: NodeRedInstance = await startNodeRed({ userDir });
  const packDir = join(dir, 'pack');
  mkdirSync(packDir);
  try {
    await installTarball(nodeRed.url, packTarball(packDir));
    await deployFlows(nodeRed.url, flows());
    // "Start from now": the first poll sets the start point; the seeded history stays out.
    await pause(3000);
    const start = Date.now();
    const iso = (minutes: number) => new Date(start + minutes * MINUTE).toISOString();

    emulator.control.injectCallRecords({
      records: [
        { callId: 'nr-r3', endTime: iso(3), from: '(202) 555-0143', to: '2001' },
        { callId: 'nr-r2', endTime: iso(2), from: '+1 202 555 0142', to: '2001' },
        { callId: 'nr-open', endTime: iso(2.5), completed: false },
      ],
    });
    await collector.waitFor(2);
    await nodeRed.stop();

    // While Node-RED is down: a late record (ended before r2 and r3) and a new one.
    emulator.control.injectCallRecords({
      records: [
        { callId: 'nr-r4', endTime: iso(4), from: '202.555.0144', to: '2001' },
        { callId: 'nr-r1', endTime: iso(1), from: '2025550141', to: '2001' },
      ],
    });
    nodeRed = await startNodeRed({ userDir });
    await collector.waitFor(4);
    await nodeRed.stop();

    // Nothing new: another restart and several polls repeat nothing.
    nodeRed = await startNodeRed({ userDir });
    await pause(5000);
  } finally {
    await nodeRed.stop();
  }
  expect(collector.received.map((record) => record.callId)).toEqual([
    'nr-r2',
    'nr-r3',
    'nr-r1',
    'nr-r4',
  ]);
  expect(collector.received.map((record) => [record.from, record.fromE164, record.toE164])).toEqual(
    [
      ['+1 202 555 0142', '+12025550142', null],
      ['(202) 555-0143', '+12025550143', null],
      ['2025550141', '+12025550141', null],
      ['202.555.0144', '+12025550144', null],
    ],
  );
}, 600_000);
