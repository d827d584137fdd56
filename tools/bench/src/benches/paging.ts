// paging.callrecords_per_s.ratio: call records per second streamed through a connection's
// `pages()` ("return all") divided by a hand-written axios loop over the same 50,000 records,
// against the same emulator in the same process. Rounds interleaved (A B, B A, ...), warm-up
// dropped, median ratio with its spread; above 1 core is faster. Before every run, untimed, the
// heap is settled (children/paging-rounds.ts) so neither side pays for the other's garbage. The
// figure times the main thread's CPU (client and emulator share it); `.wall_clock` is the same
// from wall time, which on a shared machine mostly measures the neighbours.
//
// `.after_full_gc` times runs that start right after a full collection, as the first listing
// after an idle process collected everything does: the collection drops the hidden classes
// optimized code depends on, so both sides deoptimize and recompile during the run, core more
// (more of its own code is on the path). Printed so the headline hides nothing.
//
// The rounds run in several fresh processes, one after another, and are pooled: which code V8
// optimizes, and when, differs from process to process by a few per cent, and one process
// would report its own luck.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { PagingRounds } from '../children/paging-rounds';
import { BENCH_NODE } from '../lib/heap';
import { PAGING_RECORDS } from '../lib/mitel';
import { estimate, median, type Estimate, type Ratios } from '../stats';
import type { Bench } from '../types';

const PROCESSES = 3;
/**
 * Rounds of 50,000 records spread ±2–5 %; 3 processes of 11 rounds each (33 in all) kept three
 * consecutive runs' medians within ±2.7 % of each other (1.015, 1.047, 0.993 at load 0.2–2.2).
 */
const ROUNDS_PER_PROCESS = 11;
const WARM_UP = 3;
const CHILD = join(__dirname, '..', 'children', 'paging-rounds.ts');
const run = promisify(execFile);

async function processRounds(index: number): Promise<PagingRounds> {
  // Alternate which phase goes first, so neither always runs on the fresher process.
  const first = index % 2 === 0 ? 'settled' : 'afterFullGc';
  const { stdout } = await run(
    BENCH_NODE,
    ['--import', 'tsx', CHILD, String(ROUNDS_PER_PROCESS), String(WARM_UP), first],
    { cwd: join(__dirname, '..', '..'), maxBuffer: 1 << 20 },
  );
  return JSON.parse(stdout.trim()) as PagingRounds;
}

const pooled = (all: Ratios[], clock: string): Estimate =>
  estimate(all.flatMap((ratios) => ratios[clock] ?? []));

const bench: Bench = {
  title: `paging: ${PAGING_RECORDS} call records through pages() vs a hand-written axios loop, ${PROCESSES} processes`,
  async run() {
    const settled: Ratios[] = [];
    const afterFullGc: Ratios[] = [];
    for (let index = 0; index < PROCESSES; index += 1) {
      const rounds = await processRounds(index);
      settled.push(rounds.settled);
      afterFullGc.push(rounds.afterFullGc);
      const show = (ratios: Ratios) => median(ratios.cpu ?? [Number.NaN]).toFixed(3);
      process.stderr.write(
        `# paging process ${index + 1}: settled ${show(rounds.settled)}, after full GC ${show(rounds.afterFullGc)}\n`,
      );
    }
    return {
      'paging.callrecords_per_s.ratio': pooled(settled, 'cpu'),
      'paging.callrecords_per_s.ratio.wall_clock': pooled(settled, 'wall'),
      'paging.callrecords_per_s.ratio.after_full_gc': pooled(afterFullGc, 'cpu'),
      'paging.callrecords.count': PAGING_RECORDS,
    };
  },
};

export default bench;
