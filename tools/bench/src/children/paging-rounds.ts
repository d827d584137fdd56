// One process's share of the paging bench (benches/paging.ts): interleaved rounds of 50,000
// call records through core's `pages()` and through a hand-written axios loop, against an
// emulator in this process, once from a settled heap and once right after a full collection,
// in the order given. Prints one JSON line: each phase's per-round ratios per clock.
import { childMain } from '../lib/child';
import { startEmulator } from '@switchboard/emulator';
import { collectGarbage, collectYoung } from '../lib/gc';
import {
  countThroughAxios,
  countThroughCore,
  mitelConnection,
  mitelToken,
  PAGING_RECORDS,
} from '../lib/mitel';
import { interleaveRatios, measure, threadCpuClock, wallClock, type Ratios } from '../stats';

/** Pages each side lists, untimed, after the full collection that starts a settled run. */
const SETTLE_PAGES = 50;
const CLOCKS = { cpu: threadCpuClock, wall: wallClock };
type Phase = 'settled' | 'afterFullGc';

export type PagingRounds = Record<Phase, Ratios>;

async function main(): Promise<void> {
  const [rounds, warmUp, first] = process.argv.slice(2);
  const order: Phase[] =
    first === 'afterFullGc' ? ['afterFullGc', 'settled'] : ['settled', 'afterFullGc'];
  if (!Number.isInteger(Number(rounds)) || !Number.isInteger(Number(warmUp))) {
    throw new Error('usage: paging-rounds.ts <rounds> <warm-up rounds> [settled|afterFullGc]');
  }
  const emulator = await startEmulator({ port: 0, callRecords: PAGING_RECORDS });
  const connection = mitelConnection(emulator.url);
  try {
    const token = await mitelToken(emulator.url);
    const all = async (count: Promise<number>) => {
      const paged = await count;
      if (paged !== PAGING_RECORDS)
        throw new Error(`paged ${paged} records, expected ${PAGING_RECORDS}`);
    };
    // A full collection, then a short listing through each side so the code it deoptimized
    // is optimized again, then the young garbage of those listings collected: each run starts
    // from a clean heap and from optimized code, as a listing in a busy process does.
    const settle = async () => {
      collectGarbage();
      await countThroughAxios(emulator.url, token, SETTLE_PAGES);
      await countThroughCore(connection, SETTLE_PAGES);
      collectYoung();
    };
    const beforeEach: Record<Phase, () => void | Promise<void>> = {
      settled: settle,
      afterFullGc: collectGarbage,
    };
    const result = {} as PagingRounds;
    for (const phase of order) {
      result[phase] = await interleaveRatios({
        warmUp: Number(warmUp),
        rounds: Number(rounds),
        beforeEach: beforeEach[phase],
        baseline: () => measure(() => all(countThroughAxios(emulator.url, token)), CLOCKS),
        subject: () => measure(() => all(countThroughCore(connection)), CLOCKS),
      });
    }
    process.stdout.write(`${JSON.stringify(result)}\n`);
  } finally {
    await connection.close();
    await emulator.close();
  }
}

childMain(main);
