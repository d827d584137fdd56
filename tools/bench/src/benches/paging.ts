// paging.callrecords_per_s.ratio: call records per second streamed through a connection's
// `pages()` ("return all") divided by a hand-written axios loop over the same 50,000 records,
// against the same emulator in the same process. Rounds interleaved (A B, B A, ...), warm-up
// dropped, median ratio with its spread; above 1 core is faster. Before every run, untimed, the
// heap is settled (see `settle`) so neither side pays for the other's garbage. The figure times
// the main thread's CPU (client and emulator share it); `.wall_clock` is the same from wall
// time, which on a shared machine mostly measures the neighbours.
//
// `.after_full_gc` times runs that start right after a full collection, as the first listing
// after an idle process collected everything does: the collection drops the hidden classes
// optimized code depends on, so both sides deoptimize and recompile during the run, core more
// (more of its own code is on the path). Printed so the headline hides nothing.
import { startEmulator } from '@switchboard/emulator';
import { collectGarbage, collectYoung } from '../lib/gc';
import { countThroughAxios, countThroughCore, mitelConnection, mitelToken } from '../lib/mitel';
import { interleave, measure, threadCpuClock, wallClock, type Estimate } from '../stats';
import type { Bench } from '../types';

export const RECORDS = 50_000;
const WARM_UP = 3;
/**
 * Rounds of 50,000 records spread ±2–7 %; with 31 of them three consecutive runs' medians
 * stayed within ±3 % of each other (0.980, 1.039, 0.990 at load 1.3–2.3).
 */
const ROUNDS = 31;
/** Pages each side lists, untimed, after the full collection that starts a settled run. */
const SETTLE_PAGES = 50;
const CLOCKS = { cpu: threadCpuClock, wall: wallClock };

const bench: Bench = {
  title: `paging: ${RECORDS} call records through pages() vs a hand-written axios loop`,
  async run() {
    const emulator = await startEmulator({ port: 0, callRecords: RECORDS });
    const connection = mitelConnection(emulator.url);
    try {
      const token = await mitelToken(emulator.url);
      const all = async (count: Promise<number>) => {
        const paged = await count;
        if (paged !== RECORDS) throw new Error(`paged ${paged} records, expected ${RECORDS}`);
      };
      const compare = (rounds: number, beforeEach: () => void | Promise<void>) =>
        interleave({
          warmUp: WARM_UP,
          rounds,
          beforeEach,
          baseline: () => measure(() => all(countThroughAxios(emulator.url, token)), CLOCKS),
          subject: () => measure(() => all(countThroughCore(connection)), CLOCKS),
        });
      // A full collection, then a short listing through each side so the code it deoptimized
      // is optimized again, then the young garbage of those listings collected: each run starts
      // from a clean heap and from optimized code, as a listing in a busy process does.
      const settle = async () => {
        collectGarbage();
        await countThroughAxios(emulator.url, token, SETTLE_PAGES);
        await countThroughCore(connection, SETTLE_PAGES);
        collectYoung();
      };
      const ratio = await compare(ROUNDS, settle);
      const afterFullGc = await compare(ROUNDS, collectGarbage);
      return {
        'paging.callrecords_per_s.ratio': ratio.cpu as Estimate,
        'paging.callrecords_per_s.ratio.wall_clock': ratio.wall as Estimate,
        'paging.callrecords_per_s.ratio.after_full_gc': afterFullGc.cpu as Estimate,
        'paging.callrecords.count': RECORDS,
      };
    } finally {
      await connection.close();
      await emulator.close();
    }
  },
};

export default bench;
