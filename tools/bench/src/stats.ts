import { readdirSync, readFileSync } from 'node:fs';

/** The median of a non-empty list: robust to the odd slow round on a shared machine. */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** The q-quantile (0..1) of a non-empty list, interpolating between neighbours. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) throw new Error('quantile of an empty list');
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * Math.min(1, Math.max(0, q));
  const below = Math.floor(position);
  const low = sorted[below] as number;
  const high = sorted[Math.min(below + 1, sorted.length - 1)] as number;
  return low + (high - low) * (position - below);
}

/** A figure: the median of its samples and how far they spread around it. */
export interface Estimate {
  value: number;
  /**
   * Half the interquartile range of the samples, relative to the median (0.02 = ±2%): half of
   * the rounds fall within value × (1 ± spread).
   */
  spread: number;
  /** How many samples (rounds) it was computed from. */
  samples: number;
}

export function estimate(samples: number[]): Estimate {
  const value = median(samples);
  const halfIqr = (quantile(samples, 0.75) - quantile(samples, 0.25)) / 2;
  return { value, spread: value === 0 ? 0 : Math.abs(halfIqr / value), samples: samples.length };
}

/** Durations of one run in ms, per clock: `{ cpu: 310.2, wall: 655.0 }`. */
export type Durations = Record<string, number>;

/** Reads a clock, in ms. */
export type Clock = () => number;

export const wallClock: Clock = () => performance.now();

/**
 * CPU time of this process's main (JavaScript) thread. A neighbour holding the CPU stops this
 * clock instead of inflating it, so on a shared machine it measures the work, not the load.
 */
export const threadCpuClock: Clock = () => {
  // Node < 23.9 has no per-thread figure: the whole process is the nearest one.
  const used =
    typeof process.threadCpuUsage === 'function' ? process.threadCpuUsage() : process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/**
 * CPU time of every thread of this process: the main thread and the garbage collector's and
 * libuv's helpers, i.e. all the work the client costs, wherever V8 chose to do it.
 */
export const processCpuTotalClock: Clock = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};

/** CPU time of another process's main thread (Linux `/proc/<pid>/task/<pid>/schedstat`, ns). */
export function processCpuClock(pid: number): Clock {
  const file = `/proc/${pid}/task/${pid}/schedstat`;
  return () => Number(readFileSync(file, 'utf8').split(' ')[0]) / 1e6;
}

/**
 * CPU time of every thread of another process (Linux: the sum of
 * `/proc/<pid>/task/<tid>/schedstat`, ns): its main thread and the garbage collector's and
 * libuv's helpers, so work V8 moves off the main thread still counts.
 */
export function processThreadsCpuClock(pid: number): Clock {
  const tasks = `/proc/${pid}/task`;
  return () => {
    let ns = 0;
    for (const tid of readdirSync(tasks)) {
      try {
        ns += Number(readFileSync(`${tasks}/${tid}/schedstat`, 'utf8').split(' ')[0]);
      } catch {
        // the thread ended between listing and reading
      }
    }
    return ns / 1e6;
  };
}

/** Runs `work` once and reads every clock around it. */
export async function measure(
  work: () => Promise<unknown>,
  clocks: Record<string, Clock>,
): Promise<Durations> {
  const names = Object.keys(clocks);
  const before = names.map((name) => (clocks[name] as Clock)());
  await work();
  const durations: Durations = {};
  names.forEach((name, index) => {
    durations[name] = (clocks[name] as Clock)() - (before[index] as number);
  });
  return durations;
}

export interface InterleaveOptions {
  /** Measured rounds, each one baseline run and one subject run, back to back. */
  rounds: number;
  /** Rounds run first and thrown away (JIT, caches, keep-alive sockets, token). */
  warmUp: number;
  /** Each does the same fixed amount of work and resolves with its durations (see `measure`). */
  baseline: () => Promise<Durations>;
  subject: () => Promise<Durations>;
  /**
   * Run, untimed, before every baseline and subject run (e.g. a full garbage collection, so
   * neither side is charged for collecting the other's garbage).
   */
  beforeEach?: () => void | Promise<void>;
}

/** Per clock, the per-round speed ratios baseline time / subject time, in round order. */
export type Ratios = Record<string, number[]>;

/**
 * Runs baseline and subject in alternating order (A B, B A, A B, ...) so a change in the
 * machine's load hits both alike, and returns, per clock, every measured round's speed ratio
 * baseline time / subject time: above 1 the subject is faster.
 */
export async function interleaveRatios(options: InterleaveOptions): Promise<Ratios> {
  const ratios: Ratios = {};
  const run = async (side: () => Promise<Durations>) => {
    await options.beforeEach?.();
    return side();
  };
  for (let round = 0; round < options.warmUp + options.rounds; round += 1) {
    let baseline: Durations;
    let subject: Durations;
    if (round % 2 === 0) {
      baseline = await run(options.baseline);
      subject = await run(options.subject);
    } else {
      subject = await run(options.subject);
      baseline = await run(options.baseline);
    }
    if (round < options.warmUp) continue;
    for (const [clock, time] of Object.entries(baseline)) {
      (ratios[clock] ??= []).push(time / (subject[clock] ?? Number.NaN));
    }
  }
  return ratios;
}

/** `interleaveRatios`, summed up per clock: the median ratio and its spread. */
export async function interleave(options: InterleaveOptions): Promise<Record<string, Estimate>> {
  return estimates(await interleaveRatios(options));
}

/** Each clock's ratios as one estimate. */
export function estimates(ratios: Ratios): Record<string, Estimate> {
  return Object.fromEntries(
    Object.entries(ratios).map(([clock, values]) => [clock, estimate(values)]),
  );
}

export interface Paired {
  first: Estimate;
  second: Estimate;
  /** The median of each pair's second / first. */
  secondVsFirst: Estimate;
  /** The median of each pair's second − first (spread relative to the pairs' first values). */
  secondMinusFirst: Estimate;
}

/**
 * Measures `first` and `second` in `pairs` pairs, alternating which goes first (1 2, 2 1, ...)
 * so a drift in the machine's state hits both alike; each pair gives one ratio.
 */
export async function alternatePairs(
  pairs: number,
  first: () => Promise<number>,
  second: () => Promise<number>,
): Promise<Paired> {
  const firsts: number[] = [];
  const seconds: number[] = [];
  for (let pair = 0; pair < pairs; pair += 1) {
    if (pair % 2 === 0) {
      firsts.push(await first());
      seconds.push(await second());
    } else {
      seconds.push(await second());
      firsts.push(await first());
    }
  }
  return {
    first: estimate(firsts),
    second: estimate(seconds),
    secondVsFirst: estimate(seconds.map((value, index) => value / (firsts[index] as number))),
    secondMinusFirst: difference(firsts, seconds),
  };
}

/**
 * The median per-pair difference. Its spread is relative to the median first value: a
 * difference near 0 has no scale of its own.
 */
function difference(firsts: number[], seconds: number[]): Estimate {
  const differences = seconds.map((value, index) => value - (firsts[index] as number));
  const scale = median(firsts);
  const halfIqr = (quantile(differences, 0.75) - quantile(differences, 0.25)) / 2;
  return {
    value: median(differences),
    spread: scale === 0 ? 0 : Math.abs(halfIqr / scale),
    samples: differences.length,
  };
}
