// paging.callrecords_per_s.ratio: call records per second streamed through a connection's
// `pages()` ("return all") divided by a hand-written axios loop over the same 50,000 records,
// against the same emulator in the same process. Rounds interleaved (A B, B A, ...), warm-up
// dropped, median ratio with its spread; above 1 core is faster.
import { startEmulator } from '@switchboard/emulator';
import { countThroughAxios, countThroughCore, mitelConnection, mitelToken } from '../lib/mitel';
import { interleave, timed } from '../stats';
import type { Bench } from '../types';

export const RECORDS = 50_000;
const WARM_UP = 3;
const ROUNDS = 21;

const bench: Bench = {
  title: `paging: ${RECORDS} call records through pages() vs a hand-written axios loop`,
  async run() {
    const emulator = await startEmulator({ port: 0, callRecords: RECORDS });
    const connection = mitelConnection(emulator.url);
    try {
      const token = await mitelToken(emulator.url);
      const expectCount = (count: number) => {
        if (count !== RECORDS) throw new Error(`paged ${count} records, expected ${RECORDS}`);
      };
      const ratio = await interleave({
        warmUp: WARM_UP,
        rounds: ROUNDS,
        baseline: () =>
          timed(async () => expectCount(await countThroughAxios(emulator.url, token))),
        subject: () => timed(async () => expectCount(await countThroughCore(connection))),
      });
      return {
        'paging.callrecords_per_s.ratio': ratio,
        'paging.callrecords.count': RECORDS,
      };
    } finally {
      await connection.close();
      await emulator.close();
    }
  },
};

export default bench;
