// paging.peak_rss_mb.per_record.<core|nodered>.<50k|200k>: peak RSS growth (MB) of 'Return
// All' in one-message-per-record mode over every ACME call record, 50,000 and 200,000 of them.
// Each measurement is a fresh process (a core child, or a fresh Node-RED): it first lists
// 50,000 records (Node-RED: four times; the same warm-up at every size: token, code, V8's heap
// size), collects garbage, starts the peak again (Linux clear_refs), then runs Return All; the figure is the
// peak (VmHWM) minus the RSS at that start. Bounded memory means the 200k figure equals the
// 50k one (`.200k_vs_50k` ≈ 1). paging.peak_rss_mb.array.<core|nodered>.200k: the same for
// array mode, which holds every record at once. Median of several processes.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { emulatorConnections } from '../../../../packages/node-red/test/emulator-connections';
import { deployFlows, type FlowNode } from '../../../e2e/node-red/admin-api';
import { freePort, REPO_ROOT } from '../../../e2e/node-red/node-red-instance';
import { WARM_UP_RECORDS } from '../lib/mitel';
import {
  getWhenReady,
  httpFlow,
  nodeRedWithPalette,
  startBenchNodeRed,
  TAB,
} from '../lib/node-red';
import { peakRssMb, resetPeakRss, rssMb } from '../lib/proc';
import { estimate, type Estimate } from '../stats';
import type { Bench, Figure } from '../types';

const SIZES = [50_000, 200_000] as const;
const CORE_PROCESSES = Number(process.env.BENCH_CORE_PROCESSES ?? 5);
const NODE_RED_PROCESSES = 3;
const NODE_RED_WARM_UP_LISTINGS = 4;
const NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node');
const CHILD = join(__dirname, '..', 'children', 'return-all-core.ts');
const run = promisify(execFile);

type Mode = 'items' | 'array';

async function coreGrowth(emulatorUrl: string, mode: Mode, records: number): Promise<number> {
  const { stdout } = await run(NODE, ['--expose-gc', '--import', 'tsx', CHILD, emulatorUrl, mode], {
    cwd: join(__dirname, '..', '..'),
    maxBuffer: 1 << 20,
  });
  const result = JSON.parse(stdout.trim()) as { records: number; growthMb: number };
  if (result.records !== records) throw new Error(`core listed ${result.records} of ${records}`);
  return result.growthMb;
}

const COUNT = `const id = msg.parts.id;
const seen = (context.get(id) || 0) + 1;
if (msg.parts.count === undefined) { context.set(id, seen); return null; }
context.set(id, undefined);
return { req: msg.req, res: msg.res, payload: { records: seen } };`;

function memoryFlows(emulatorUrl: string): FlowNode[] {
  const mitel = emulatorConnections(emulatorUrl)['mitel-cloudlink'];
  const apiNode = (id: string, settings: Record<string, unknown>): FlowNode => ({
    id,
    type: 'switchboard-mitel-cloudlink',
    connection: mitel.node.id,
    operation: 'callRecord.list',
    params: { top: { v: '100', t: 'num' } },
    ...settings,
  });
  const counter = (id: string): FlowNode => ({ id, type: 'function', func: COUNT, outputs: 1 });
  return [
    { id: TAB, type: 'tab', label: 'bench' },
    { ...mitel.node, credentials: mitel.credentials },
    ...httpFlow(
      'warm',
      [
        apiNode('warm-api', { returnAll: false, limit: WARM_UP_RECORDS, output: 'items' }),
        counter('warm-count'),
      ],
      60,
    ),
    ...httpFlow(
      'all',
      [apiNode('all-api', { returnAll: true, output: 'items' }), counter('all-count')],
      140,
    ),
    ...httpFlow(
      'array',
      [
        apiNode('array-api', { returnAll: true, output: 'array' }),
        {
          id: 'array-count',
          type: 'function',
          func: 'msg.payload = { records: msg.payload.length }; return msg;',
          outputs: 1,
        },
      ],
      220,
    ),
    ...httpFlow(
      'gc',
      [
        {
          id: 'gc-run',
          type: 'function',
          func: "global.get('gc')(); msg.payload = { collected: true }; return msg;",
          outputs: 1,
        },
      ],
      300,
    ),
  ];
}

async function nodeRedGrowth(userDir: string, mode: Mode, records: number): Promise<number> {
  const nodeRed = await startBenchNodeRed(userDir);
  try {
    // Node-RED's heap (larger than a bare core process) takes ~200,000 records to settle.
    for (let listing = 0; listing < NODE_RED_WARM_UP_LISTINGS; listing += 1) {
      const warm = JSON.parse(await getWhenReady(`${nodeRed.url}/bench/warm`)) as {
        records?: number;
      };
      if (warm.records !== WARM_UP_RECORDS) throw new Error(`warm-up sent ${warm.records}`);
    }
    await getWhenReady(`${nodeRed.url}/bench/gc`);
    resetPeakRss(nodeRed.pid);
    const before = rssMb(nodeRed.pid);
    const listed = JSON.parse(
      await getWhenReady(`${nodeRed.url}/bench/${mode === 'items' ? 'all' : 'array'}`),
    ) as { records?: number };
    const growth = peakRssMb(nodeRed.pid) - before;
    if (listed.records !== records)
      throw new Error(`Node-RED sent ${listed.records} of ${records}`);
    return growth;
  } finally {
    await nodeRed.stop();
  }
}

async function repeat(times: number, measure: () => Promise<number>): Promise<Estimate> {
  const values: number[] = [];
  for (let i = 0; i < times; i += 1) values.push(await measure());
  return estimate(values);
}

const bench: Bench = {
  title: 'memory: peak RSS growth of Return All, one message per record, 50k and 200k records',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-mem-'));
    const port = await freePort();
    const userDir = join(dir, 'user');
    const figures: Record<string, Figure> = {};
    let emulator: Emulator | undefined;
    try {
      // One port for every size: the deployed flow's connection keeps pointing at it.
      emulator = await startEmulator({ port, callRecords: SIZES[0] });
      const setup = await nodeRedWithPalette(dir);
      await deployFlows(setup.url, memoryFlows(emulator.url));
      await setup.stop();
      const perRecord: Record<string, Estimate> = {};
      for (const size of SIZES) {
        if (size !== SIZES[0]) {
          await emulator.close();
          emulator = await startEmulator({ port, callRecords: size });
        }
        const label = `${size / 1000}k`;
        const url = emulator.url;
        perRecord[`core.${label}`] = await repeat(CORE_PROCESSES, () =>
          coreGrowth(url, 'items', size),
        );
        perRecord[`nodered.${label}`] = await repeat(NODE_RED_PROCESSES, () =>
          nodeRedGrowth(userDir, 'items', size),
        );
      }
      for (const [name, figure] of Object.entries(perRecord)) {
        figures[`paging.peak_rss_mb.per_record.${name}`] = figure;
      }
      for (const platform of ['core', 'nodered']) {
        const small = perRecord[`${platform}.50k`] as Estimate;
        const large = perRecord[`${platform}.200k`] as Estimate;
        figures[`paging.peak_rss_mb.per_record.${platform}.200k_vs_50k`] =
          large.value / small.value;
      }
      const url = emulator.url;
      const largest = SIZES[SIZES.length - 1] as number;
      figures['paging.peak_rss_mb.array.core.200k'] = await repeat(1, () =>
        coreGrowth(url, 'array', largest),
      );
      figures['paging.peak_rss_mb.array.nodered.200k'] = await repeat(1, () =>
        nodeRedGrowth(userDir, 'array', largest),
      );
      return figures;
    } finally {
      await emulator?.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
