// A real Node-RED 5 with the packed palette installed through the admin API, flows for every
// provider deployed against the emulator and driven through HTTP endpoints; a restart that
// reuses a Sangoma token kept in the file store; a CloudLink notification coming out of the
// notifications node; and the editor in headless Chromium.
import { mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@switchboard/emulator';
import type { Emulator } from '@switchboard/emulator';
import {
  emulatorConnections,
  SEEDED_SECRETS,
} from '../../../packages/node-red/test/emulator-connections';
import { deployFlows, getJson, postJson, waitForEndpoint } from './admin-api';
import { e2eFlows } from './e2e-flows';
import type { E2eFlowOptions } from './e2e-flows';
import { startNodeRed } from './node-red-instance';
import type { NodeRedInstance } from './node-red-instance';
import { installTarball, PACKAGE_NAME, packTarball } from './palette';
import { checkEditor } from './editor-check';
import type { EditorVerdict } from './editor-check';

let emulator: Emulator;
let nodeRed: NodeRedInstance;
let dir: string;
let options: E2eFlowOptions;
/** The browser check runs once; the tests after it read its verdict. */
let editorResult: EditorVerdict | undefined;

function editorVerdict(): EditorVerdict {
  if (!editorResult) throw new Error('the editor check did not run (see the test before)');
  return editorResult;
}

async function waitFor<T>(
  what: string,
  probe: () => Promise<T | undefined> | T | undefined,
): Promise<T> {
  for (let attempt = 0; attempt < 300; attempt += 1) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`timed out waiting for ${what}\n${nodeRed.output().slice(-3000)}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'switchboard-nr-e2e-'));
  emulator = await startEmulator({ port: 0 });
  nodeRed = await startNodeRed({ userDir: join(dir, 'user') });
  options = {
    emulatorUrl: emulator.url,
    nodeRedUrl: nodeRed.url,
    sangomaTokenFile: join(dir, 'user', 'sangoma-tokens.json'),
  };
});

afterAll(async () => {
  await nodeRed?.stop();
  await emulator?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('Switchboard in a real Node-RED 5', () => {
  it('installs the packed tarball through the palette upload', async () => {
    const packDir = join(dir, 'pack');
    mkdirSync(packDir);
    const installed = await installTarball(nodeRed.url, packTarball(packDir));
    // Loaded from the user directory the upload installed into, not from anywhere else.
    expect(realpathSync(installed.path)).toBe(
      realpathSync(join(nodeRed.userDir, 'node_modules', PACKAGE_NAME)),
    );
    const types = installed.nodes.flatMap((set) => set.types);
    expect(types).toEqual(
      expect.arrayContaining([
        'switchboard-mitel-cloudlink-config',
        'switchboard-sangoma-cx',
        'switchboard-token',
        'switchboard-mitel-notifications',
      ]),
    );
    const modules = (
      await getJson(`${nodeRed.url}/nodes`, { headers: { accept: 'application/json' } })
    ).body as Array<{ module: string }>;
    expect(modules.some((set) => set.module === PACKAGE_NAME)).toBe(true);
  });

  it('runs an operation of every provider through HTTP endpoints', async () => {
    await deployFlows(nodeRed.url, e2eFlows(options));
    await waitForEndpoint(nodeRed.url, '/e2e/events');
    const users = await getJson(`${nodeRed.url}/e2e/mitel/users`);
    expect(users.status).toBe(200);
    expect((users.body as unknown[]).length).toBeGreaterThan(20);
    const machines = await getJson(`${nodeRed.url}/e2e/dell/machines`);
    expect(machines.status).toBe(200);
    const user = await getJson(`${nodeRed.url}/e2e/bright/user?loginId=alice.anderson`);
    expect((user.body as { loginId: string }).loginId).toBe('alice.anderson');
    const call = await postJson(`${nodeRed.url}/e2e/sangoma/call`, {
      agent: 'alice',
      destination: '+15550100',
    });
    expect(call.status).toBe(201);
    const me = await getJson(`${nodeRed.url}/e2e/generic/me`);
    expect(me.status).toBe(200);
    const viaToken = await getJson(`${nodeRed.url}/e2e/token/me`);
    expect(viaToken.status).toBe(200);
    expect(viaToken.body).toEqual(me.body);

    const counters = emulator.control.counters();
    for (const provider of ['mitel', 'dell', 'bright-pattern', 'sangoma', 'generic']) {
      expect(counters.tokenRequests.byProvider[provider]).toBe(1);
      expect(counters.apiRequests.byProvider[provider]).toBeGreaterThanOrEqual(1);
    }
  });

  it('reports provider errors with code and hint through Catch', async () => {
    const missing = await getJson(`${nodeRed.url}/e2e/bright/user?loginId=no.such.user`);
    expect(missing.status).toBe(500);
    const error = missing.body as {
      code: string;
      message: string;
      cause: { hint: string; status: number };
    };
    expect(error.code).toBe('not_found');
    expect(error.cause.status).toBe(404);
    expect(error.message).toContain(error.cause.hint);
  });

  it('keeps every secret out of flows.json, and out of flows_cred.json in clear', () => {
    const flows = readFileSync(join(nodeRed.userDir, 'flows.json'), 'utf8');
    const credentials = readFileSync(join(nodeRed.userDir, 'flows_cred.json'), 'utf8');
    expect(flows).toContain('switchboard-mitel-cloudlink-config');
    for (const secret of [...SEEDED_SECRETS, 'e2e-token-file-key-5b1d']) {
      expect(flows).not.toContain(secret);
      expect(credentials).not.toContain(secret);
      expect(nodeRed.output()).not.toContain(secret);
    }
  });

  it('delivers a CloudLink notification out of the notifications node', async () => {
    const subscription = await waitFor('the subscription', () =>
      emulator.control
        .listSubscriptions()
        .find((sub) => sub.deviceId === `${nodeRed.url}/e2e/mitel/webhook`),
    );
    const [delivery] = await emulator.control.deliverNotification({
      subscriptionId: subscription.subscriptionId,
    });
    expect(delivery?.status).toBe(200);
    const events = await waitFor('the event', async () => {
      const list = (await getJson(`${nodeRed.url}/e2e/events`)).body as unknown[];
      return Array.isArray(list) && list.length > 0 ? list : undefined;
    });
    expect(events).toHaveLength(1);
    expect(
      (events[0] as { subscription: { subscriptionId: string } }).subscription.subscriptionId,
    ).toBe(subscription.subscriptionId);
  });

  it('shows the provider and operation fields in the editor and tests a connection', async () => {
    const verdict = await checkEditor(nodeRed.url, join(__dirname, '..', 'artifacts'));
    editorResult = verdict;
    expect(verdict.paletteTypes).toEqual(
      expect.arrayContaining([
        'switchboard-mitel-cloudlink',
        'switchboard-token',
        'switchboard-mitel-notifications',
      ]),
    );
    expect(verdict.tokenConnections.sort()).toEqual(
      Object.values(emulatorConnections(emulator.url))
        .map((connection) => connection.node.id)
        .sort(),
    );
    expect(verdict.configFields).toEqual(
      expect.arrayContaining(['clientId', 'clientSecret', 'environment']),
    );
    expect(verdict.operationParams).toEqual(expect.arrayContaining(['accountId']));
    expect(verdict.testResult).toMatch(/^✔/);
    expect(verdict.failedResult).toMatch(/^✘ .*invalid_client/);
    expect(verdict.failedHint).toMatch(/client secret/i);
  });

  it('runs the editor bundle from the resources folder with every text from the catalogues', () => {
    const verdict = editorVerdict();
    expect(verdict.editorScriptStatuses[0]).toBe(200);
    expect(verdict.editorScriptStatuses.every((status) => status === 200 || status === 304)).toBe(
      true,
    );
    expect(verdict.editorApiLoaded).toBe(true);
    expect(verdict.untranslated).toEqual([]);
    expect(verdict.paletteLabels).toMatchObject({
      'switchboard-mitel-cloudlink': 'Mitel CloudLink',
      'switchboard-token': 'token',
      'switchboard-mitel-notifications': 'CloudLink events',
    });
    expect(verdict.clientIdLabel).toBe('Client ID *');
    expect(verdict.testButton).toBe('Test connection');
    expect(verdict.accountIdLabel).toBe('Account ID *');
    expect(verdict.consoleErrors).toEqual([]);
  });

  it("checks connection fields in the dialog with core's rules", () => {
    const verdict = editorVerdict();
    expect(verdict.badUrlFlagged).toBe(true);
    expect(verdict.badUrlReason).toBe(
      'Base URL Template is not a URL; write it like https://host.example.com',
    );
    expect(verdict.baseUrlHiddenForProduction).toBe(true);
    expect(verdict.hiddenUrlAccepted).toBe(true);
  });

  it('folds the advanced connection fields and adds a connection from the token node', () => {
    const verdict = editorVerdict();
    expect(verdict.advancedInitiallyVisible).toBe(false);
    expect(verdict.advancedVisibleAfterClick).toBe(true);
    expect(verdict.tokenNewTypes).toEqual(
      expect.arrayContaining([
        'switchboard-mitel-cloudlink-config',
        'switchboard-generic-oauth2-config',
      ]),
    );
    expect(verdict.tokenAddedSelected).toBe(true);
  });

  it('reuses the Sangoma token kept in the file store after a restart, and unsubscribes on stop', async () => {
    await nodeRed.stop();
    expect(emulator.control.listSubscriptions()).toHaveLength(0);
    nodeRed = await startNodeRed({ userDir: nodeRed.userDir, port: nodeRed.port });
    await waitForEndpoint(nodeRed.url, '/e2e/events');
    const call = await postJson(`${nodeRed.url}/e2e/sangoma/call`, {
      agent: 'bruno',
      destination: '+15550101',
    });
    expect(call.status).toBe(201);
    expect(emulator.control.counters().tokenRequests.byProvider.sangoma).toBe(1);
    // Memory-store connections ask again after a restart: the file store is what made the difference.
    await getJson(`${nodeRed.url}/e2e/generic/me`);
    expect(emulator.control.counters().tokenRequests.byProvider.generic).toBe(2);
  });
});
