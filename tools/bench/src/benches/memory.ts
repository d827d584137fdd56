// paging.peak_rss_mb.per_record.<core|nodered>.<50k|200k>: peak RSS growth (MB) of 'Return
// All' in one-message-per-record mode over every ACME call record, 50,000 and 200,000 of them;
// `.axios.`: the same for the hand-written axios loop over the same pages, core's baseline.
// Each measurement is a fresh process (a child, or a fresh Node-RED) with one fixed heap
// configuration (lib/heap.ts; per record with V8's garbage headroom kept small, so the peak is
// what the code keeps): it first lists 50,000 records four times through the connection it is
// measured on (token, code, V8's heap grown to its steady size), collects garbage, starts the
// peak again (Linux clear_refs), then runs Return All to a consumer that counts every record;
// the figure is the peak (VmHWM) minus the RSS at that start. The two sizes alternate process
// by process (50k 200k, 200k 50k, ...), so `.200k_vs_50k` is the median of each pair's
// ratio: bounded memory means it is ≈ 1 (the growth does not follow the record count);
// `.200k_minus_50k` is the same pairs' difference in MB (≈ 0). `.200k_last_50k`: each 200k process's peak over the
// last 50,000 records alone (the peak restarted there), above the same RSS: memory that grew
// with the records would lift it above `.50k`, which covers a listing's first 50,000.
// paging.peak_rss_mb.array.<core|nodered>.200k: the same for array mode, which holds every
// record at once.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { emulatorConnections } from '../../../../packages/node-red/test/emulator-connections';
import { deployFlows, type FlowNode } from '../../../e2e/node-red/admin-api';
import { PAGE_SIZE, WARM_UP_RECORDS } from '../lib/mitel';
import {
  getWhenReady,
  httpFlow,
  nodeRedWithPalette,
  startBenchNodeRed,
  TAB,
} from '../lib/node-red';
import { MEASURED_HEAP_FLAGS, RETAINED_HEAP_FLAGS, writeMeasuredNode } from '../lib/heap';
import { runChild } from '../lib/child';
import { peakRssMb, resetPeakRss, restartPeakRss, rssMb } from '../lib/proc';
import { alternatePairs, estimate, type Paired } from '../stats';
import type { Bench, Figure } from '../types';

const SIZES = [50_000, 200_000] as const;
const [SMALL, LARGE] = SIZES;
/** A 200k listing's late window: its peak over the records after the first 150,000 alone. */
const WINDOW_FROM = LARGE - SMALL;
/** Processes per size: pairs of one 50k and one 200k process (core and the axios loop each). */
const CORE_PAIRS = Number(process.env.BENCH_CORE_PAIRS ?? 5);
const NODE_RED_PAIRS = Number(process.env.BENCH_NODE_RED_PAIRS ?? 3);
/** Listings of 50,000 records before the baseline, in core and Node-RED alike. */
const WARM_UP_LISTINGS = 4;

type Mode = 'items' | 'array';
const PLATFORMS = ['core', 'axios', 'nodered'] as const;
type Platform = (typeof PLATFORMS)[number];
/** What a child process lists through: core, or the hand-written axios loop. */
type ChildSide = Exclude<Platform, 'nodered'>;
const ARRAY_PLATFORMS = ['core', 'nodered'] as const;

/** Per record: little garbage headroom, so the peak is what is kept; array: V8's own growth. */
const heapFlags = (mode: Mode): string[] =>
  mode === 'items' ? RETAINED_HEAP_FLAGS : MEASURED_HEAP_FLAGS;

/** One process's peak growth (MB) over the whole listing, and over its late window if asked. */
interface Growth {
  full: number;
  window?: number;
}

async function childGrowth(
  side: ChildSide,
  emulatorUrl: string,
  mode: Mode,
  records: number,
  windowFrom = 0,
): Promise<Growth> {
  const result = await runChild<{ records: number; growthMb: number; windowGrowthMb?: number }>(
    'return-all',
    [emulatorUrl, side, mode, String(WARM_UP_LISTINGS), String(windowFrom)],
    heapFlags(mode),
  );
  if (result.records !== records) {
    throw new Error(`${side} listed ${result.records} of ${records}`);
  }
  if (windowFrom > 0 && result.windowGrowthMb === undefined) {
    throw new Error('the late window never started');
  }
  return { full: result.growthMb, window: result.windowGrowthMb };
}

const COUNT = `const id = msg.parts.id;
const seen = (context.get(id) || 0) + 1;
if (msg.parts.count === undefined) { context.set(id, seen); return null; }
context.set(id, undefined);
return { req: msg.req, res: msg.res, payload: { records: seen } };`;

type Label = '50k' | '200k';
const label = (size: number): Label => `${size / 1000}k` as Label;

/** Per size its own connection (to the emulator holding that many records) and flows. */
function memoryFlows(emulatorUrls: Record<Label, string>): FlowNode[] {
  const connection = (size: Label): FlowNode[] => {
    const mitel = emulatorConnections(emulatorUrls[size])['mitel-cloudlink'];
    return [{ ...mitel.node, id: `${mitel.node.id}-${size}`, credentials: mitel.credentials }];
  };
  const apiNode = (id: string, size: Label, settings: Record<string, unknown>): FlowNode => ({
    id,
    type: 'switchboard-mitel-cloudlink',
    connection: `${emulatorConnections(emulatorUrls[size])['mitel-cloudlink'].node.id}-${size}`,
    operation: 'callRecord.list',
    params: { top: { v: '100', t: 'num' } },
    ...settings,
  });
  const counter = (id: string): FlowNode => ({ id, type: 'function', func: COUNT, outputs: 1 });
  return [
    { id: TAB, type: 'tab', label: 'bench' },
    ...connection('50k'),
    ...connection('200k'),
    // Warm-up through the connection the measured flow uses, so no size pays a connection's
    // first use (its token, sockets, code) inside the measurement.
    ...SIZES.flatMap((size, index) =>
      httpFlow(
        `warm-${label(size)}`,
        [
          apiNode(`warm-api-${label(size)}`, label(size), {
            returnAll: false,
            limit: WARM_UP_RECORDS,
            output: 'items',
          }),
          counter(`warm-count-${label(size)}`),
        ],
        20 + index * 40,
      ),
    ),
    ...SIZES.flatMap((size, index) =>
      httpFlow(
        `all-${label(size)}`,
        [
          apiNode(`all-api-${label(size)}`, label(size), { returnAll: true, output: 'items' }),
          counter(`all-count-${label(size)}`),
        ],
        140 + index * 80,
      ),
    ),
    ...httpFlow(
      'array',
      [
        apiNode('array-api', '200k', { returnAll: true, output: 'array' }),
        {
          id: 'array-count',
          type: 'function',
          func: 'msg.payload = { records: msg.payload.length }; return msg;',
          outputs: 1,
        },
      ],
      300,
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
      380,
    ),
  ];
}

/**
 * `route`: the flow to measure, `all-50k`, `all-200k` or `array`, over `records` records;
 * `late`: restart the peak once the emulator has served the pages of the first `from`.
 */
async function nodeRedGrowth(
  userDir: string,
  node: string,
  route: string,
  records: number,
  late?: { emulator: Emulator; from: number },
): Promise<Growth> {
  const nodeRed = await startBenchNodeRed(userDir, node);
  try {
    // The heap takes ~200,000 records to reach its steady size (V8 grows the old generation
    // step by step); measured from there, the growth is what Return All itself needs.
    for (let listing = 0; listing < WARM_UP_LISTINGS; listing += 1) {
      const warm = JSON.parse(
        await getWhenReady(`${nodeRed.url}/bench/warm-${label(records)}`),
      ) as {
        records?: number;
      };
      if (warm.records !== WARM_UP_RECORDS) throw new Error(`warm-up sent ${warm.records}`);
    }
    await getWhenReady(`${nodeRed.url}/bench/gc`);
    resetPeakRss(nodeRed.pid);
    const before = rssMb(nodeRed.pid);
    const window = late && watchWindow(nodeRed.pid, late.emulator, late.from / PAGE_SIZE);
    // The counter answers after the last record reached it: every message was consumed.
    const listed = await getWhenReady(`${nodeRed.url}/bench/${route}`).finally(() =>
      window?.stop(),
    );
    const { records: sent } = JSON.parse(listed) as { records?: number };
    if (sent !== records) throw new Error(`Node-RED sent ${sent} of ${records}`);
    const windowPeak = peakRssMb(nodeRed.pid);
    const peakBefore = window?.peakBefore();
    if (window && peakBefore === undefined) throw new Error('the late window never started');
    return {
      full: Math.max(windowPeak, peakBefore ?? 0) - before,
      ...(window ? { window: windowPeak - before } : {}),
    };
  } finally {
    await nodeRed.stop();
  }
}

/**
 * Restarts `pid`'s peak once `emulator` has served `pages` more API requests (checked every
 * millisecond, so the window starts within a page of its mark); keeps the peak before it.
 */
function watchWindow(pid: number, emulator: Emulator, pages: number) {
  const served = () => emulator.control.counters().apiRequests.total;
  const start = served();
  let peakBefore: number | undefined;
  const timer = setInterval(() => {
    if (served() - start < pages) return;
    peakBefore = restartPeakRss(pid);
    clearInterval(timer);
  }, 1);
  return { stop: () => clearInterval(timer), peakBefore: () => peakBefore };
}

const bench: Bench = {
  title: 'memory: peak RSS growth of Return All, one message per record, 50k and 200k records',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-mem-'));
    const userDir = join(dir, 'user');
    const figures: Record<string, Figure> = {};
    const emulators: Emulator[] = [];
    try {
      // One emulator per size, both up for the whole bench, so the sizes can alternate.
      const small = await startEmulator({ port: 0, callRecords: SMALL });
      emulators.push(small);
      const large = await startEmulator({ port: 0, callRecords: LARGE });
      emulators.push(large);
      const setup = await nodeRedWithPalette(dir);
      await deployFlows(setup.url, memoryFlows({ '50k': small.url, '200k': large.url }));
      await setup.stop();
      const node = writeMeasuredNode(dir, heapFlags('items'));
      const arrayNode = writeMeasuredNode(dir, heapFlags('array'));
      const windows: Record<Platform, number[]> = { core: [], axios: [], nodered: [] };
      /** The full figure for the pairs; the late window's kept aside. */
      const full =
        (platform: Platform) =>
        (growth: Growth): number => {
          if (growth.window !== undefined) windows[platform].push(growth.window);
          return growth.full;
        };
      const childPairs = (side: ChildSide): Promise<Paired> =>
        alternatePairs(
          CORE_PAIRS,
          () => childGrowth(side, small.url, 'items', SMALL).then(full(side)),
          () => childGrowth(side, large.url, 'items', LARGE, WINDOW_FROM).then(full(side)),
        );
      const measured: Record<Platform, Paired> = {
        core: await childPairs('core'),
        axios: await childPairs('axios'),
        nodered: await alternatePairs(
          NODE_RED_PAIRS,
          () => nodeRedGrowth(userDir, node, 'all-50k', SMALL).then(full('nodered')),
          () =>
            nodeRedGrowth(userDir, node, 'all-200k', LARGE, {
              emulator: large,
              from: WINDOW_FROM,
            }).then(full('nodered')),
        ),
      };
      for (const platform of PLATFORMS) {
        const paired = measured[platform];
        const name = `paging.peak_rss_mb.per_record.${platform}`;
        figures[`${name}.50k`] = paired.first;
        figures[`${name}.200k`] = paired.second;
        figures[`${name}.200k_vs_50k`] = paired.secondVsFirst;
        figures[`${name}.200k_minus_50k`] = paired.secondMinusFirst;
        figures[`${name}.200k_last_50k`] = estimate(windows[platform]);
      }
      const array = {
        core: await childGrowth('core', large.url, 'array', LARGE),
        nodered: await nodeRedGrowth(userDir, arrayNode, 'array', LARGE),
      };
      for (const platform of ARRAY_PLATFORMS) {
        figures[`paging.peak_rss_mb.array.${platform}.200k`] = estimate([array[platform].full]);
      }
      return figures;
    } finally {
      for (const emulator of emulators) await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
