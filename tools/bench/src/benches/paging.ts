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
import type { PagingRounds } from '../children/paging-rounds';
import { runChild } from '../lib/child';
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

/** One fresh process's rounds; the phase that goes first alternates from process to process. */
function processRounds(index: number): Promise<PagingRounds> {
  const first = index % 2 === 0 ? 'settled' : 'afterFullGc';
  return runChild('paging-rounds', [String(ROUNDS_PER_PROCESS), String(WARM_UP), first]);
}

const pooled = (runs: PagingRounds[], phase: keyof PagingRounds, clock: string): Estimate =>
  estimate(runs.flatMap((rounds) => rounds[phase][clock] ?? []));

const cpuMedian = (ratios: Ratios): string => median(ratios.cpu ?? [Number.NaN]).toFixed(3);

const bench: Bench = {
  title: `paging: ${PAGING_RECORDS} call records through pages() vs a hand-written axios loop, ${PROCESSES} processes`,
  async run() {
    const runs: PagingRounds[] = [];
    for (let index = 0; index < PROCESSES; index += 1) {
      const rounds = await processRounds(index);
      runs.push(rounds);
      process.stderr.write(
        `# paging process ${index + 1}: settled ${cpuMedian(rounds.settled)}, after full GC ${cpuMedian(rounds.afterFullGc)}\n`,
      );
    }
    return {
      'paging.callrecords_per_s.ratio': pooled(runs, 'settled', 'cpu'),
      'paging.callrecords_per_s.ratio.wall_clock': pooled(runs, 'settled', 'wall'),
      'paging.callrecords_per_s.ratio.after_full_gc': pooled(runs, 'afterFullGc', 'cpu'),
      'paging.callrecords.count': PAGING_RECORDS,
    };
  },
};

export default bench;
