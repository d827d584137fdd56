// n8n.node_vs_httprequest.ratio: items per second through the Mitel CloudLink node divided by
// n8n's stock HTTP Request node with a fixed Authorization header (its defaults: no batching,
// every item's request at once). One real n8n 2.41 (the packed package installed as a community
// package), one emulator, the same endpoint (Mitel GET /token, "who am I").
// A fresh `n8n execute` per round swung by ±15% (each starts cold), and both sides in one chain
// charged each node with the garbage and closing sockets of the node before it (our node cost
// ~50% more right after an HTTP Request node than after one of its own). So each process runs
// one side only, a chain manual trigger → N items → node 1 → node 2 → ... (each node turns N
// items into N items); its first nodes are warm-up and dropped. Processes come in pairs, one of
// each side back to back, alternating which goes first; node k of one is paired with node k of
// the other. Timed by n8n's CPU time (all its threads) over each node's run, read from n8n's
// run data (start time, duration), so neighbours on a shared machine do not stretch it; the
// node's wall time is `.wall_clock`. Figures: the median of the per-node ratios with its
// spread; above 1 means Switchboard is faster.
// BENCH_N8N_CPU_PROFILE=<dir> writes V8 CPU profiles of every n8n process there (--cpu-prof).
import { mkdtempSync, rmSync } from 'node:fs';
import { randomUUID } from 'node:crypto';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_SEED, startEmulator } from '@switchboard/emulator';
import { credentialJson, credentialId, providerCases } from '../../../e2e/n8n/fixtures';
import { N8nHome, installN8n, packPackage } from '../../../e2e/n8n/harness';
import { cpuBetween, traceCpu, type CpuSample } from '../lib/cpu-trace';
import { estimate, processThreadsCpuClock } from '../stats';
import type { Bench } from '../types';

/** Pairs of processes (one per side, back to back, alternating which goes first). */
const PROCESS_PAIRS = 4;
/** Nodes in each process's chain; the first ones are warm-up. */
const NODES = 8;
const WARM_UP_NODES = 2;
const ITEMS = 1000;
const LOG_FILE_MB = 1024;
/** How often n8n's CPU counter is read: a node's run (~0.5 s) spans dozens of samples. */
const SAMPLE_MS = 5;
const CLOCKS = ['cpu', 'wall'] as const;
type Clock = (typeof CLOCKS)[number];
const SWITCHBOARD = 'Switchboard';
const HTTP_REQUEST = 'HTTP Request';
type Side = typeof SWITCHBOARD | typeof HTTP_REQUEST;

/** Which side runs first in each pair of processes: HTTP Request, Switchboard, HTTP Request, ... */
export function processOrder(pairs: number): Array<[Side, Side]> {
  return Array.from({ length: pairs }, (_, pair) =>
    pair % 2 === 0 ? [HTTP_REQUEST, SWITCHBOARD] : [SWITCHBOARD, HTTP_REQUEST],
  );
}

const workflowIdFor = (side: Side): string =>
  side === SWITCHBOARD ? 'benchswitchboard' : 'benchhttprequest';

const nodeName = (index: number): string => `Under Test ${index}`;

/** Manual trigger → Set (an array of N numbers) → Split Out → NODES copies of the node under test. */
function benchWorkflow(id: string, underTest: Record<string, unknown>): Record<string, unknown> {
  const node = (
    name: string,
    x: number,
    definition: Record<string, unknown>,
  ): Record<string, unknown> => ({ ...definition, id: randomUUID(), name, position: [x, 0] });
  const items = Array.from({ length: ITEMS }, (_, index) => index);
  const chain = Array.from({ length: NODES }, (_, index) => nodeName(index));
  const names = ['Start', 'Numbers', 'Split', ...chain];
  const connections: Record<string, unknown> = {};
  names.slice(1).forEach((name, index) => {
    connections[names[index] as string] = { main: [[{ node: name, type: 'main', index: 0 }]] };
  });
  return {
    id,
    name: `bench ${id}`,
    active: false,
    settings: { executionOrder: 'v1' },
    nodes: [
      node('Start', 0, { type: 'n8n-nodes-base.manualTrigger', typeVersion: 1, parameters: {} }),
      node('Numbers', 200, {
        type: 'n8n-nodes-base.set',
        typeVersion: 3.4,
        parameters: { mode: 'raw', jsonOutput: JSON.stringify({ items }) },
      }),
      node('Split', 400, {
        type: 'n8n-nodes-base.splitOut',
        typeVersion: 1,
        parameters: { fieldToSplitOut: 'items' },
      }),
      ...chain.map((name, index) => node(name, 600 + 200 * index, underTest)),
    ],
    connections,
  };
}

interface NodeRun {
  /** Epoch ms. */
  startTime: number;
  executionTime: number;
  items: number;
}

/** Every node's run, by node name, from `n8n execute --rawOutput`'s printed run data. */
function nodeRuns(log: string): Map<string, NodeRun> {
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
  if (printed === undefined) {
    // Say why: the end of n8n's own log (an error, a crash) instead of just the absence.
    const tail = log.split('\n').slice(-15).join('\n').slice(-3000);
    throw new Error(`n8n printed no run data; the end of its log:\n${tail}`);
  }
  const run = JSON.parse(printed.message) as {
    data: {
      resultData: {
        runData: Record<
          string,
          Array<{ startTime: number; executionTime: number; data?: { main?: unknown[][] } }>
        >;
      };
    };
  };
  const runs = new Map<string, NodeRun>();
  for (const [name, tasks] of Object.entries(run.data.resultData.runData)) {
    const task = tasks[0];
    if (task === undefined) continue;
    runs.set(name, {
      startTime: task.startTime,
      executionTime: task.executionTime,
      items: task.data?.main?.[0]?.length ?? 0,
    });
  }
  return runs;
}

const bench: Bench = {
  title: `n8n: Mitel CloudLink node vs HTTP Request node, ${ITEMS} items, ${PROCESS_PAIRS} × 2 processes × ${NODES - WARM_UP_NODES} nodes`,
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

      const underTest: Record<Side, Record<string, unknown>> = {
        [SWITCHBOARD]: {
          type: '@switchboard/n8n-nodes-switchboard.mitelCloudLink',
          typeVersion: 1,
          parameters: { resource: 'auth', operation: 'whoAmI' },
          credentials: { mitelCloudLinkApi: { id: credentialId('mitel'), name: 'mitel e2e' } },
        },
        [HTTP_REQUEST]: {
          type: 'n8n-nodes-base.httpRequest',
          typeVersion: 4.2,
          parameters: {
            method: 'GET',
            url: whoAmIUrl,
            sendHeaders: true,
            headerParameters: { parameters: [{ name: 'Authorization', value: `Bearer ${token}` }] },
            options: {},
          },
        },
      };
      for (const side of [SWITCHBOARD, HTTP_REQUEST] as const) {
        await home.importJson('workflow', benchWorkflow(workflowIdFor(side), underTest[side]));
      }
      const n8n = home;
      const profileDir = process.env.BENCH_N8N_CPU_PROFILE;

      /** CPU and wall ms of each measured node of one process of `side`. */
      const executed = async (side: Side): Promise<Array<Record<Clock, number>>> => {
        let trace: { stop: () => CpuSample[] } | undefined;
        try {
          const { log } = await n8n.mustRun(
            ['execute', `--id=${workflowIdFor(side)}`, '--rawOutput'],
            {
              // The printed run data (every node's items) runs to megabytes: a log file
              // rotated mid-run would lose it.
              N8N_LOG_FILE_SIZE_MAX: String(LOG_FILE_MB),
              ...(profileDir === undefined
                ? {}
                : {
                    NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${join(profileDir, workflowIdFor(side))}`,
                  }),
            },
            (pid) => (trace = traceCpu(processThreadsCpuClock(pid), SAMPLE_MS)),
          );
          const samples = trace?.stop() ?? [];
          const runs = nodeRuns(log);
          return Array.from({ length: NODES - WARM_UP_NODES }, (_, measured) => {
            const name = nodeName(WARM_UP_NODES + measured);
            const run = runs.get(name);
            if (run === undefined) throw new Error(`n8n did not run "${name}" of ${side}`);
            if (run.items !== ITEMS) {
              throw new Error(
                `expected ${ITEMS} items from "${name}" of ${side}, got ${run.items}`,
              );
            }
            return {
              cpu: cpuBetween(samples, run.startTime, run.executionTime),
              wall: run.executionTime,
            };
          });
        } finally {
          trace?.stop();
        }
      };

      const ratios: Record<Clock, number[]> = { cpu: [], wall: [] };
      for (const [pair, order] of processOrder(PROCESS_PAIRS).entries()) {
        const times = {} as Record<Side, Array<Record<Clock, number>>>;
        for (const side of order) times[side] = await executed(side);
        times[SWITCHBOARD].forEach((switchboard, index) => {
          const httpRequest = times[HTTP_REQUEST][index] as Record<Clock, number>;
          // Items per second, Switchboard / HTTP Request = HTTP Request's time / Switchboard's.
          for (const clock of CLOCKS) ratios[clock].push(httpRequest[clock] / switchboard[clock]);
        });
        // The raw times behind the ratios, so a figure can be checked against them.
        const shown = (side: Side) =>
          times[side].map(({ cpu, wall }) => `${cpu.toFixed(0)}/${wall}`).join(' ');
        process.stderr.write(
          `# n8n pair ${pair + 1} (${order[0]} first), cpu/wall ms per ${ITEMS} items: ` +
            `${SWITCHBOARD} ${shown(SWITCHBOARD)}; ${HTTP_REQUEST} ${shown(HTTP_REQUEST)}\n`,
        );
      }
      return {
        'n8n.node_vs_httprequest.ratio': estimate(ratios.cpu),
        'n8n.node_vs_httprequest.ratio.wall_clock': estimate(ratios.wall),
      };
    } finally {
      home?.remove();
      rmSync(packDir, { recursive: true, force: true });
      await emulator.close();
    }
  },
};

export default bench;
