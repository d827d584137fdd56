// `npm run start:n8n` end to end: the demo comes up with every example workflow imported, each
// example runs against the emulator (manual ones through `n8n execute`, the webhook and the
// trigger in the running n8n), the editor opens signed in and runs a workflow in a real browser,
// and the command itself prints the URL and login and stops cleanly on Ctrl+C.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { EMULATOR_SEED } from '@switchboard/emulator';
import { freePort } from '@switchboard/testkit';
import { nodeOutput, type OutputItem } from '../n8n/fixtures';
import { REPO_ROOT } from '../n8n/harness';
import { RestClient } from '../n8n/rest';
import { runInEditor } from './editor-run';
import { startDemo, type Demo } from './demo';

const START_TIMEOUT_MS = 20 * 60_000;
let demo: Demo;
/** Output of every manual example's nodes, run with `n8n execute` before n8n starts. */
const runs = new Map<string, (nodeName: string) => OutputItem[]>();

beforeAll(async () => {
  demo = await startDemo({
    async beforeStart(home, examples) {
      for (const example of examples.filter((candidate) => !candidate.active)) {
        const result = await home.mustRun(['execute', `--id=${example.id}`, '--rawOutput']);
        runs.set(example.file, (nodeName) => nodeOutput(result.log, nodeName));
      }
    },
  });
}, START_TIMEOUT_MS);

afterAll(async () => {
  await demo?.stop();
});

function ran(file: string): (nodeName: string) => OutputItem[] {
  const run = runs.get(file);
  if (run === undefined) throw new Error(`${file} was not run`);
  return run;
}

describe('the example workflows, imported and run as shipped', () => {
  it('ships at least five examples, all imported', async () => {
    expect(demo.examples.length).toBeGreaterThanOrEqual(5);
    const files = demo.examples.map((example) => example.file);
    for (const file of [
      'mitel-call-history-to-csv.json',
      'sangoma-click-to-call-webhook.json',
      'bright-pattern-unlock-user.json',
      'mitel-cloudlink-trigger.json',
      'generic-oauth2-any-api.json',
    ])
      expect(files).toContain(file);
  });

  it('Mitel list users with Return All and nothing else set returns all 55 users', () => {
    const users = ran('mitel-list-all-users.json')('Users');
    expect(users).toHaveLength(55);
    expect(new Set(users.map((user) => user.json.userId)).size).toBe(55);
  });

  it('call history becomes a CSV file', () => {
    const records = ran('mitel-call-history-to-csv.json')('Call History');
    expect(records).toHaveLength(100);
    const [file] = ran('mitel-call-history-to-csv.json')('Spreadsheet File');
    expect(file?.binary?.data?.fileName).toBe('call-history.csv');
    expect(file?.binary?.data?.mimeType).toBe('text/csv');
  });

  it('unlocks the locked-out Bright Pattern user', () => {
    const run = ran('bright-pattern-unlock-user.json');
    expect(run('Lock State')[0]?.json).toEqual({ lockedOut: true });
    expect(run('Lock State After')[0]?.json).toEqual({ lockedOut: false });
  });

  it('calls any OAuth2 API through the generic node', () => {
    const run = ran('generic-oauth2-any-api.json');
    expect(run('Who Am I')[0]?.json).toMatchObject({
      client_id: EMULATOR_SEED.generic.clients.service.clientId,
    });
    expect((run('Items')[0]?.json.items as unknown[] | undefined)?.length).toBe(5);
  });

  it('click-to-call from the webhook places a Sangoma agent call', async () => {
    const response = await fetch(`${demo.n8n.url}/webhook/click-to-call`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ agent: EMULATOR_SEED.sangoma.agents[0], destination: '+15550100' }),
    });
    const body = await response.text();
    expect({ status: response.status, body }).toMatchObject({ status: 200 });
    expect(body).toContain('+15550100');
  });

  it('the CloudLink trigger runs its workflow for a completed call', async () => {
    const id = demo.examples.find((example) => example.file === 'mitel-cloudlink-trigger.json')?.id;
    if (id === undefined) throw new Error('no trigger example');
    const before = await demo.rest.executionCount(id);
    const deliveries = await demo.emulator.control.deliverNotification({
      topic: 'platform-api-media',
    });
    expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
    await demo.rest.waitForExecutions(id, before + 1);
  });
});

describe('the editor, as a person sees it', () => {
  it('opens signed in, runs "list every user" and shows its 55 items', async () => {
    const id = demo.examples.find((example) => example.file === 'mitel-list-all-users.json')?.id;
    const run = await runInEditor(demo.n8n.url, demo.owner, id ?? '', 'Users', '55 items');
    expect(run.signedInPath).not.toMatch(/signin|setup/);
    expect(run.canvasText).toContain('55 items');
    expect(run.outputText).toMatch(/55 items/);
    expect(existsSync(run.screenshot)).toBe(true);
  });
});

describe('npm run start:n8n itself', () => {
  it(
    'prints the URL and the login, which work, and stops cleanly on Ctrl+C',
    async () => {
      const n8nPort = await freePort();
      const emulatorPort = await freePort();
      const child = spawn(
        join(REPO_ROOT, 'node_modules/.bin/tsx'),
        // The e2e tsconfig, as `npm run start:n8n` (run by nx in tools/e2e) finds it: its paths
        // point @switchboard/core at the sources, which a fresh clone has not built.
        ['--tsconfig', join(__dirname, '..', 'tsconfig.json'), join(__dirname, 'start-n8n.ts')],
        {
          cwd: REPO_ROOT,
          env: {
            ...process.env,
            N8N_PORT: String(n8nPort),
            SWITCHBOARD_EMULATOR_PORT: String(emulatorPort),
          },
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
      try {
        for (let poll = 0; poll < 3000 && !output.includes('Press Ctrl+C'); poll++) {
          if (child.exitCode !== null) break;
          await new Promise((resolve) => setTimeout(resolve, 200));
        }
        expect(output).toContain(`http://127.0.0.1:${n8nPort}`);
        const rest = new RestClient(`http://127.0.0.1:${n8nPort}`);
        expect(output).toContain(rest.owner.email);
        expect(output).toContain(rest.owner.password);
        await rest.login();
        const folder = /user folder is (\S+)/.exec(output)?.[1] ?? '';
        expect(existsSync(folder)).toBe(true);

        child.kill('SIGINT');
        expect(await exited).toBe(0);
        expect(output).toContain('Stopping');
        expect(existsSync(folder)).toBe(false);
        await expect(fetch(`http://127.0.0.1:${n8nPort}/healthz`)).rejects.toThrow();
        await expect(fetch(`http://127.0.0.1:${emulatorPort}/_control/seed`)).rejects.toThrow();
      } finally {
        if (child.exitCode === null) child.kill('SIGKILL');
      }
    },
    START_TIMEOUT_MS,
  );
});
