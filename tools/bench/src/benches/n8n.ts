// n8n.node_vs_httprequest.ratio: items per second through the Mitel CloudLink node divided by
// n8n's stock HTTP Request node with a fixed Authorization header. One real n8n 2.41 (the
// packed package installed as a community package), one emulator, the same workflow shape
// (manual trigger → N items → node under test), the same endpoint (Mitel GET /token, "who am
// I"). Each figure is the node's own execution time from n8n's run data, so n8n's start-up
// is not counted; rounds interleaved (A B, B A, ...), warm-up dropped, median ratio with its
// spread; above 1 means Switchboard is faster.
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_SEED, startEmulator } from '@switchboard/emulator';
import { credentialJson, credentialId, providerCases } from '../../../e2e/n8n/fixtures';
import { N8nHome, installN8n, packPackage } from '../../../e2e/n8n/harness';
import { interleave, type Durations, type Estimate } from '../stats';
import type { Bench } from '../types';

const WARM_UP = 1;
const ROUNDS = 5;
const ITEMS = 1000;
const NODE = 'Under Test';

/** Manual trigger → Set (an array of N numbers) → Split Out → the node under test. */
function benchWorkflow(id: string, underTest: Record<string, unknown>): Record<string, unknown> {
  const node = (
    name: string,
    type: string,
    typeVersion: number,
    x: number,
    parameters: Record<string, unknown>,
  ) => ({
    id: randomUUID(),
    name,
    type,
    typeVersion,
    position: [x, 0],
    parameters,
  });
  const items = Array.from({ length: ITEMS }, (_, index) => index);
  return {
    id,
    name: `bench ${id}`,
    active: false,
    settings: { executionOrder: 'v1' },
    nodes: [
      node('Start', 'n8n-nodes-base.manualTrigger', 1, 0, {}),
      node('Numbers', 'n8n-nodes-base.set', 3.4, 200, {
        mode: 'raw',
        jsonOutput: JSON.stringify({ items }),
      }),
      node('Split', 'n8n-nodes-base.splitOut', 1, 400, { fieldToSplitOut: 'items' }),
      { ...underTest, id: randomUUID(), name: NODE, position: [600, 0] },
    ],
    connections: {
      Start: { main: [[{ node: 'Numbers', type: 'main', index: 0 }]] },
      Numbers: { main: [[{ node: 'Split', type: 'main', index: 0 }]] },
      Split: { main: [[{ node: NODE, type: 'main', index: 0 }]] },
    },
  };
}

interface NodeRun {
  executionTime: number;
  items: number;
}

function nodeRun(log: string): NodeRun {
  const printed = log
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map(
      (line) =>
        JSON.parse(line) as { message: string; metadata?: { file?: string; function?: string } },
    )
    .find(
      (entry) => entry.metadata?.file === 'base-command.js' && entry.metadata.function === 'log',
    );
  if (printed === undefined) throw new Error('n8n printed no run data');
  const run = JSON.parse(printed.message) as {
    data: {
      resultData: {
        runData: Record<string, Array<{ executionTime: number; data?: { main?: unknown[][] } }>>;
      };
    };
  };
  const task = run.data.resultData.runData[NODE]?.[0];
  if (task === undefined) throw new Error(`n8n did not run "${NODE}"`);
  return { executionTime: task.executionTime, items: task.data?.main?.[0]?.length ?? 0 };
}

const bench: Bench = {
  title: `n8n: Mitel CloudLink node vs HTTP Request node, ${ITEMS} items × ${ROUNDS} rounds`,
  async run() {
    const emulator = await startEmulator();
    const packDir = mkdtempSync(join(tmpdir(), 'switchboard-bench-pack-'));
    let home: N8nHome | undefined;
    try {
      home = new N8nHome(installN8n(), packPackage(packDir));
      const mitel = providerCases(emulator.url).find((entry) => entry.key === 'mitel');
      if (mitel === undefined) throw new Error('no Mitel case');
      await home.importJson('credentials', [credentialJson(mitel)]);

      const client = EMULATOR_SEED.mitel.prod.clients.acmeAdmin;
      const tokenResponse = await fetch(
        `${emulator.url}/mitel/prod/authentication/2017-09-01/token`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: new URLSearchParams({
            grant_type: 'client_credentials',
            client_id: client.clientId,
            client_secret: client.clientSecret,
          }),
        },
      );
      const { access_token: token } = (await tokenResponse.json()) as { access_token: string };
      const whoAmIUrl = `${emulator.url}/mitel/prod/authentication/2017-09-01/token`;

      await home.importJson(
        'workflow',
        benchWorkflow('benchswitchboard', {
          type: '@switchboard/n8n-nodes-switchboard.mitelCloudLink',
          typeVersion: 1,
          parameters: { resource: 'auth', operation: 'whoAmI' },
          credentials: { mitelCloudLinkApi: { id: credentialId('mitel'), name: 'mitel e2e' } },
        }),
      );
      await home.importJson(
        'workflow',
        benchWorkflow('benchhttprequest', {
          type: 'n8n-nodes-base.httpRequest',
          typeVersion: 4.2,
          parameters: {
            method: 'GET',
            url: whoAmIUrl,
            sendHeaders: true,
            headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${token}` }] },
            options: {},
          },
        }),
      );

      const executed = async (id: string): Promise<Durations> => {
        const run = nodeRun(
          (await home?.mustRun(['execute', `--id=${id}`, '--rawOutput']))?.log ?? '',
        );
        if (run.items !== ITEMS)
          throw new Error(`expected ${ITEMS} items from ${id}, got ${run.items}`);
        return { wall: run.executionTime };
      };
      // n8n's own per-node execution time (wall clock inside n8n, start-up not counted).
      const ratio = await interleave({
        warmUp: WARM_UP,
        rounds: ROUNDS,
        baseline: () => executed('benchhttprequest'),
        subject: () => executed('benchswitchboard'),
      });
      return { 'n8n.node_vs_httprequest.ratio': ratio.wall as Estimate };
    } finally {
      home?.remove();
      rmSync(packDir, { recursive: true, force: true });
      await emulator.close();
    }
  },
};

export default bench;
