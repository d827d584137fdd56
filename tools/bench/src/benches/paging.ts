// paging.callrecords_per_s.ratio: call records per second streamed through a connection's
// `pages()` ("return all") divided by a hand-written axios loop over the same 50,000 records,
// against the same emulator in the same process. Rounds interleaved (A B, B A, ...), warm-up
// dropped, a full garbage collection (untimed) before every run so neither side pays for the
// other's garbage, median ratio with its spread; above 1 core is faster. The figure times the main
// thread's CPU (client and emulator share it); `.wall_clock` is the same from wall time, which
// on a shared machine mostly measures the neighbours.
import { startEmulator } from '@switchboard/emulator';
import { collectGarbage } from '../lib/gc';
import { countThroughAxios, countThroughCore, mitelConnection, mitelToken } from '../lib/mitel';
import { interleave, measure, threadCpuClock, wallClock, type Estimate } from '../stats';
import type { Bench } from '../types';

export const RECORDS = 50_000;
const WARM_UP = 3;
/**
 * Rounds of 50,000 records spread ±1–4 %; with 31 of them three consecutive runs' medians
 * stayed within ±1.2 % of each other (0.930, 0.951, 0.944 at load 2.5–4.5; later 0.977, 0.972,
 * 0.973 at load 0–1.3).
 */
const ROUNDS = 31;
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
      const ratio = await interleave({
        warmUp: WARM_UP,
        rounds: ROUNDS,
        beforeEach: collectGarbage,
        baseline: () => measure(() => all(countThroughAxios(emulator.url, token)), CLOCKS),
        subject: () => measure(() => all(countThroughCore(connection)), CLOCKS),
      });
      return {
        'paging.callrecords_per_s.ratio': ratio.cpu as Estimate,
        'paging.callrecords_per_s.ratio.wall_clock': ratio.wall as Estimate,
        'paging.callrecords.count': RECORDS,
      };
    } finally {
      await connection.close();
      await emulator.close();
    }
  },
};

export default bench;
