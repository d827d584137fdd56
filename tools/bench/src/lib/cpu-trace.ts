// The CPU time another process spent between two wall-clock instants, when only the instants are
// known afterwards (n8n's run data gives each node's start time and duration, in epoch ms). The
// process's CPU counter is sampled every few ms with the time it was read; a window's CPU time
// is the counter interpolated at its end minus at its start.
import type { Clock } from '../stats';

export interface CpuSample {
  /** Epoch ms (fractional) when the counter was read. */
  at: number;
  /** The process's cumulative CPU time then, ms. */
  cpu: number;
}

/** The cumulative CPU time at `at`, linear between the two samples around it. */
export function cpuAt(samples: readonly CpuSample[], at: number): number {
  const first = samples[0];
  const last = samples[samples.length - 1];
  if (first === undefined || last === undefined) throw new Error('no CPU samples');
  if (at < first.at || at > last.at) {
    throw new Error(`no CPU samples around ${at} (sampled ${first.at}..${last.at})`);
  }
  let low = 0;
  let high = samples.length - 1;
  while (high - low > 1) {
    const middle = (low + high) >> 1;
    if ((samples[middle] as CpuSample).at <= at) low = middle;
    else high = middle;
  }
  const before = samples[low] as CpuSample;
  const after = samples[high] as CpuSample;
  if (after.at === before.at) return before.cpu;
  return before.cpu + ((after.cpu - before.cpu) * (at - before.at)) / (after.at - before.at);
}

/** CPU ms spent in [start, start + duration] (epoch ms). */
export function cpuBetween(samples: readonly CpuSample[], start: number, duration: number): number {
  return cpuAt(samples, start + duration) - cpuAt(samples, start);
}

const epochNow = (): number => performance.timeOrigin + performance.now();

/** Samples `clock` every `intervalMs` until stopped; stop() returns the samples. */
export function traceCpu(clock: Clock, intervalMs: number): { stop: () => CpuSample[] } {
  const samples: CpuSample[] = [];
  const sample = (): void => {
    try {
      samples.push({ at: epochNow(), cpu: clock() });
    } catch {
      // the process has exited; the samples so far stand
    }
  };
  sample();
  const timer = setInterval(sample, intervalMs);
  return {
    stop: () => {
      clearInterval(timer);
      return samples;
    },
  };
}
