// The n8n ERP examples (call records into PostgreSQL, click-to-call, contact to Bright Pattern user)
// in a real n8n 2.41,
// against the emulator and a real PostgreSQL: records arrive late and out of order between
// polls, n8n restarts between polls, and call_log ends up with every finished call exactly
// once, oldest first, with E.164 numbers and the matching contact — checked row by row.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import { createConnection, getProfile, type CredentialValues } from '@switchboard/core';
import { freePort, startPostgres, type RunningPostgres } from '@switchboard/testkit';
import { ERP_DATABASE, callLog, createErpDatabase, waitForCallLog } from '../support/erp-database';
import { credentialId, credentialJson, providerCases, type ProviderCase } from './fixtures';
import { N8nHome, REPO_ROOT, installN8n, packPackage } from './harness';

const INSTALL_TIMEOUT_MS = 20 * 60_000;
const WORKFLOW_ID = 'wfcallrecords000';
const POSTGRES_CREDENTIAL_ID = 'credpostgreserp0';
const EXAMPLES = join(REPO_ROOT, 'packages/n8n/examples');
const CLICK_TO_CALL_ID = 'wferpclicktocall';
const BRIGHT_PATTERN_ID = 'wferpbrightuser0';
const MINUTE = 60_000;
const AGENT = EMULATOR_SEED.mitel.prod.users.agent;

let emulator: Emulator;
let postgres: RunningPostgres;
let home: N8nHome;
let bright: ProviderCase;

/** Every record of the test ends after this: the trigger starts from it. */
const START = Date.now();

/**
 * An example as shipped, with the ids of the credentials imported here, and the call-records
 * trigger starting from START ("A Date"): n8n saves no cursor from the poll it runs on activation
 * when that poll emits nothing, so "Now" would start over at each of this test's short runs.
 */
function exampleWorkflow(file: string, id: string): Record<string, unknown> {
  const text = readFileSync(join(EXAMPLES, file), 'utf8')
    .replace(
      '"startFrom": "now"',
      `"startFrom": "date", "startDate": "${new Date(START).toISOString()}"`,
    )
    .replace('MITEL_CREDENTIAL_ID', credentialId('mitel'))
    .replace('"Mitel CloudLink account"', '"mitel e2e"')
    .replace('POSTGRES_CREDENTIAL_ID', POSTGRES_CREDENTIAL_ID)
    .replace('BRIGHT_PATTERN_CREDENTIAL_ID', credentialId('bright-pattern'))
    .replaceAll('"Bright Pattern account"', '"bright-pattern e2e"');
  return { ...(JSON.parse(text) as Record<string, unknown>), id };
}

/** Starts n8n (its activation runs one poll), waits for `rows` rows in call_log, stops it. */
async function runN8nUntil(rows: number): Promise<void> {
  const n8n = await home.start(await freePort());
  try {
    // n8n's graceful shutdown lets the running execution finish and save the cursor.
    await waitForCallLog(postgres, rows);
  } finally {
    await n8n.stop();
  }
}

beforeAll(async () => {
  const n8nDir = installN8n();
  emulator = await startEmulator();
  postgres = await startPostgres();
  await createErpDatabase(postgres);
  const packDir = mkdtempSync(join(tmpdir(), 'switchboard-pack-'));
  home = new N8nHome(n8nDir, packPackage(packDir));
  const mitel = providerCases(emulator.url).find((entry) => entry.key === 'mitel');
  const brightCase = providerCases(emulator.url).find((entry) => entry.key === 'bright-pattern');
  if (mitel === undefined || brightCase === undefined)
    throw new Error('no mitel or bright-pattern case');
  bright = brightCase;
  await home.importJson('credentials', [
    credentialJson({ ...mitel, credential: { ...mitel.credential, defaultCountry: 'US' } }),
    credentialJson(bright),
    {
      id: POSTGRES_CREDENTIAL_ID,
      name: 'ERP database',
      type: 'postgres',
      data: {
        host: postgres.host,
        port: postgres.port,
        database: ERP_DATABASE,
        user: postgres.user,
        password: 'trusted-on-loopback',
        ssl: 'disable',
        allowUnauthorizedCerts: false,
        maxConnections: 10,
        sshTunnel: false,
      },
    },
  ]);
  await home.importJson(
    'workflow',
    exampleWorkflow('erp-call-records-to-postgres.json', WORKFLOW_ID),
  );
  await home.importJson('workflow', exampleWorkflow('erp-click-to-call.json', CLICK_TO_CALL_ID));
  await home.mustRun(['publish:workflow', `--id=${WORKFLOW_ID}`]);
  await home.mustRun(['publish:workflow', `--id=${CLICK_TO_CALL_ID}`]);
  await home.importJson(
    'workflow',
    exampleWorkflow('erp-contact-to-bright-pattern-user.json', BRIGHT_PATTERN_ID),
  );
  await home.mustRun(['publish:workflow', `--id=${BRIGHT_PATTERN_ID}`]);
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await emulator?.close();
  await postgres?.stop();
  home?.remove();
});

it('stores every finished call once across restarts, late and out-of-order arrivals, matched to its contact; click-to-call; contact to Bright Pattern user', async () => {
  const iso = (minutes: number) => new Date(START + minutes * MINUTE).toISOString();
  // Before the start date: never emitted, even though it reaches the history after the start.
  emulator.control.injectCallRecords({ records: [{ callId: 'n8n-before', endTime: iso(-1) }] });

  // First start: the seeded history and the record above are older than the start date.
  await runN8nUntil(0);
  expect(await callLog(postgres)).toEqual([]);

  // Out of order, plus one call that is still going (not final yet).
  emulator.control.injectCallRecords({
    records: [
      { callId: 'n8n-r2', endTime: iso(2), from: '+1 202 555 0199', to: '2001' },
      { callId: 'n8n-r1', endTime: iso(1), from: '+1 202 555 0141', to: '2001' },
      { callId: 'n8n-open', endTime: iso(1.5), completed: false },
    ],
  });
  await runN8nUntil(2);

  // Late: r0 ended before r1 and r2 but reached the history only now; r3 is new (outbound).
  emulator.control.injectCallRecords({
    records: [
      {
        callId: 'n8n-r3',
        endTime: iso(3),
        from: '2002',
        to: '202-555-0143',
        direction: 'outbound',
      },
      { callId: 'n8n-r0', endTime: iso(0.5), from: '020 7946 0018', to: '2001' },
    ],
  });
  await runN8nUntil(4);

  // Nothing new: a restart repeats nothing (give the activation poll time to run). Meanwhile
  // the ERP asks for a call to a contact (the click-to-call example).
  const n8n = await home.start(await freePort());
  try {
    const response = await fetch(`${n8n.url}/webhook/erp-click-to-call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ contactId: 2, userId: AGENT.userId }),
    });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({
      endpointId: AGENT.userId,
      to: '+12025550143',
      state: 'dialing',
    });
    const placed = emulator.control
      .recentRequests('mitel')
      .filter((request) => request.method === 'POST' && request.path.endsWith('/calls'));
    expect(
      placed.map((request) => [request.path.split('/').slice(-3).join('/'), request.status]),
    ).toEqual([[`endpoints/${AGENT.userId}/calls`, 200]]);

    // ERP contact → Bright Pattern user: created first, updated the second time.
    const agent = async (body: unknown) => {
      const reply = await fetch(`${n8n.url}/webhook/erp-agent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
      expect(reply.status).toBe(200);
      return reply.json();
    };
    const contact = {
      loginId: 'erp.grace',
      firstName: 'Grace',
      lastName: 'Hopper',
      extension: '2043',
    };
    expect(await agent({ ...contact, password: 'Initial-Pass-1' })).toMatchObject(contact);
    expect(await agent({ ...contact, lastName: 'Murray' })).toMatchObject({
      ...contact,
      lastName: 'Murray',
    });
    const connection = createConnection(
      getProfile('bright-pattern'),
      bright.credential as CredentialValues,
    );
    try {
      const stored = await connection.execute('user.get', { loginId: 'erp.grace' });
      expect(stored.data).toMatchObject({ ...contact, lastName: 'Murray' });
    } finally {
      await connection.close();
    }
    await new Promise((resolve) => setTimeout(resolve, 10_000));
  } finally {
    await n8n.stop();
  }

  expect(await callLog(postgres)).toEqual([
    // A national UK number read as US (the credential's default country) is not valid: no match.
    {
      call_id: 'n8n-r0',
      from_number: '020 7946 0018',
      from_e164: null,
      to_e164: null,
      contact: null,
    },
    {
      call_id: 'n8n-r1',
      from_number: '+1 202 555 0141',
      from_e164: '+12025550141',
      to_e164: null,
      contact: 'Ada Lovelace',
    },
    {
      call_id: 'n8n-r2',
      from_number: '+1 202 555 0199',
      from_e164: '+12025550199',
      to_e164: null,
      contact: null,
    },
    {
      call_id: 'n8n-r3',
      from_number: '2002',
      from_e164: null,
      to_e164: '+12025550143',
      contact: 'Grace Hopper',
    },
  ]);
}, 900_000);
