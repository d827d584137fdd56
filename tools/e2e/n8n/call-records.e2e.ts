// "Mitel CloudLink: new call records" in a real n8n 2.41 against the emulator: records arrive
// late and out of order between polls, n8n is restarted between polls, and the ERP stand-in
// receives every finished call exactly once, oldest first, with E.164 numbers.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { freePort } from '@switchboard/testkit';
import { startCollector, type Collector } from '../support/collector';
import { credentialId, credentialJson, providerCases, type ProviderCase } from './fixtures';
import { N8nHome, PACKAGE_NAME, installN8n, packPackage } from './harness';

const INSTALL_TIMEOUT_MS = 20 * 60_000;
const WORKFLOW_ID = 'wfcallrecords000';
const MINUTE = 60_000;

let emulator: Emulator;
let home: N8nHome;
let collector: Collector;
let mitel: ProviderCase;

function workflow(): Record<string, unknown> {
  return {
    id: WORKFLOW_ID,
    name: 'New call records to the ERP',
    active: false,
    settings: { executionOrder: 'v1' },
    connections: {
      'New Call Records': { main: [[{ node: 'ERP', type: 'main', index: 0 }]] },
    },
    nodes: [
      {
        id: randomUUID(),
        name: 'New Call Records',
        type: `${PACKAGE_NAME}.mitelCloudLinkCallRecordsTrigger`,
        typeVersion: 1,
        position: [0, 0],
        parameters: {
          pollTimes: { item: [{ mode: 'everyMinute' }] },
          startFrom: 'now',
          overlapMinutes: 10,
          e164: true,
        },
        credentials: { mitelCloudLinkApi: { id: credentialId('mitel'), name: 'mitel e2e' } },
      },
      {
        id: randomUUID(),
        name: 'ERP',
        type: 'n8n-nodes-base.httpRequest',
        typeVersion: 4.2,
        position: [240, 0],
        parameters: {
          method: 'POST',
          url: collector.url,
          sendBody: true,
          specifyBody: 'json',
          jsonBody: '={{ JSON.stringify($json) }}',
          options: {},
        },
      },
    ],
  };
}

async function inject(records: Array<Record<string, unknown>>): Promise<void> {
  emulator.control.injectCallRecords({ records });
}

/** Starts n8n (its activation runs one poll), waits for `expected` records in total, stops it. */
async function runN8nUntil(expected: number): Promise<void> {
  const n8n = await home.start(await freePort());
  try {
    // n8n's graceful shutdown lets the running execution finish and save the cursor.
    await collector.waitFor(expected);
  } finally {
    await n8n.stop();
  }
}

beforeAll(async () => {
  const n8nDir = installN8n();
  emulator = await startEmulator();
  collector = await startCollector();
  const packDir = mkdtempSync(join(tmpdir(), 'switchboard-pack-'));
  home = new N8nHome(n8nDir, packPackage(packDir));
  const base = providerCases(emulator.url).find((entry) => entry.key === 'mitel');
  if (base === undefined) throw new Error('no mitel case');
  mitel = { ...base, credential: { ...base.credential, defaultCountry: 'US' } };
  await home.importJson('credentials', [credentialJson(mitel)]);
  await home.importJson('workflow', workflow());
  await home.mustRun(['publish:workflow', `--id=${WORKFLOW_ID}`]);
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await emulator?.close();
  await collector?.close();
  home?.remove();
});

it('delivers every finished call once across restarts, late and out-of-order arrivals', async () => {
  const start = Date.now();
  const iso = (minutes: number) => new Date(start + minutes * MINUTE).toISOString();

  // First start: "start from now" — the seeded history is old and stays out.
  await runN8nUntil(0);
  expect(collector.received).toEqual([]);

  // Out of order, plus one call that is still going (not final yet).
  await inject([
    { callId: 'n8n-r2', endTime: iso(2), from: '(202) 555-0142', to: '2001' },
    { callId: 'n8n-r1', endTime: iso(1), from: '+1 202 555 0141', to: '2001' },
    { callId: 'n8n-open', endTime: iso(1.5), completed: false },
  ]);
  await runN8nUntil(2);

  // Late: r0 ended before r1 and r2 but reached the history only now; r3 is new.
  await inject([
    { callId: 'n8n-r3', endTime: iso(3), from: '202-555-0143', to: '2001' },
    { callId: 'n8n-r0', endTime: iso(0.5), from: '2025550140', to: '2001' },
  ]);
  await runN8nUntil(4);

  // Nothing new: a restart repeats nothing (give the activation poll time to run).
  const n8n = await home.start(await freePort());
  await new Promise((resolve) => setTimeout(resolve, 10_000));
  await n8n.stop();

  expect(collector.received.map((record) => record.callId)).toEqual([
    'n8n-r1',
    'n8n-r2',
    'n8n-r0',
    'n8n-r3',
  ]);
  expect(collector.received.map((record) => [record.from, record.fromE164, record.toE164])).toEqual(
    [
      ['+1 202 555 0141', '+12025550141', null],
      ['(202) 555-0142', '+12025550142', null],
      ['2025550140', '+12025550140', null],
      ['202-555-0143', '+12025550143', null],
    ],
  );
}, 900_000);
