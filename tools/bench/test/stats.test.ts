import { formatFigure, selectBenches } from '../src/run';
import {
  alternatePairs,
  estimate,
  estimates,
  interleave,
  interleaveRatios,
  measure,
  median,
  processCpuClock,
  processCpuTotalClock,
  processThreadsCpuClock,
  quantile,
  threadCpuClock,
  wallClock,
} from '../src/stats';

describe('median and quantile', () => {
  it('takes the middle value, or the mean of the two middle ones', () => {
    expect(median([5, 1, 3])).toBe(3);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });

  it('interpolates quartiles and refuses an empty list', () => {
    expect(quantile([1, 2, 3, 4, 5], 0.25)).toBe(2);
    expect(quantile([1, 2, 3, 4], 0.75)).toBe(3.25);
    expect(() => median([])).toThrow('empty');
  });
});

describe('estimate', () => {
  it('reports half the interquartile range relative to the median', () => {
    const figure = estimate([0.9, 1.0, 1.1, 1.0, 1.0]);
    expect(figure.value).toBe(1);
    expect(figure.spread).toBeCloseTo(0, 10);
    const wide = estimate([0.8, 0.9, 1.0, 1.1, 1.2]);
    expect(wide.value).toBe(1);
    expect(wide.spread).toBeCloseTo(0.1, 10);
    expect(wide.samples).toBe(5);
  });

  it('is not moved by one wild round', () => {
    expect(estimate([1, 1, 1, 1, 1, 1, 50]).value).toBe(1);
  });
});

describe('interleave', () => {
  it('alternates the order, drops warm-up rounds and returns baseline time / subject time', async () => {
    const order: string[] = [];
    let subjectCalls = 0;
    const figure = await interleave({
      rounds: 4,
      warmUp: 2,
      baseline: async () => {
        order.push('A');
        return { cpu: 10, wall: 30 };
      },
      subject: async () => {
        order.push('B');
        subjectCalls += 1;
        // The two warm-up rounds are slow and must not count.
        return subjectCalls <= 2 ? { cpu: 1000, wall: 1000 } : { cpu: 8, wall: 60 };
      },
    });
    expect(order.join('')).toBe('ABBAABBAABBA');
    expect(figure.cpu?.value).toBe(1.25);
    expect(figure.cpu?.samples).toBe(4);
    expect(figure.wall?.value).toBe(0.5);
  });

  it('interleaveRatios keeps every measured round, in order, for pooling across processes', async () => {
    let round = 0;
    const ratios = await interleaveRatios({
      rounds: 3,
      warmUp: 1,
      baseline: async () => ({ cpu: 12 }),
      // The subject's times per run: warm-up 99, then 6, 4 and 3 (ratios 2, 3, 4).
      subject: async () => ({ cpu: [99, 6, 4, 3][round++] as number }),
    });
    expect(ratios).toEqual({ cpu: [2, 3, 4] });
    expect(estimates(ratios).cpu).toEqual(estimate([2, 3, 4]));
  });

  it('awaits beforeEach, untimed, before every baseline and subject run', async () => {
    const order: string[] = [];
    await interleave({
      rounds: 2,
      warmUp: 1,
      beforeEach: async () => {
        await Promise.resolve();
        order.push('gc');
      },
      baseline: async () => {
        order.push('A');
        return { cpu: 1 };
      },
      subject: async () => {
        order.push('B');
        return { cpu: 1 };
      },
    });
    expect(order.join(' ')).toBe('gc A gc B gc B gc A gc A gc B');
  });

  it('measures work on every clock it is given', async () => {
    let now = 100;
    const durations = await measure(
      async () => {
        now += 40;
      },
      { fake: () => now, wall: wallClock, cpu: threadCpuClock },
    );
    expect(durations.fake).toBe(40);
    expect(durations.wall).toBeGreaterThanOrEqual(0);
    expect(durations.cpu).toBeGreaterThanOrEqual(0);
  });

  it('reads the CPU time of another process from /proc', async () => {
    const clock = processCpuClock(process.pid);
    const before = clock();
    let sum = 0;
    for (let i = 0; i < 2_000_000; i += 1) sum += Math.sqrt(i);
    expect(sum).toBeGreaterThan(0);
    expect(clock()).toBeGreaterThan(before);
  });

  it('sums the CPU time of every thread of a process from /proc', () => {
    const all = processThreadsCpuClock(process.pid);
    const main = processCpuClock(process.pid);
    const before = all();
    let sum = 0;
    for (let i = 0; i < 2_000_000; i += 1) sum += Math.sqrt(i);
    expect(sum).toBeGreaterThan(0);
    expect(all()).toBeGreaterThan(before);
    // Every thread together has run at least as long as the main thread alone (read first).
    const mainOnly = main();
    expect(all()).toBeGreaterThanOrEqual(mainOnly);
  });

  it('counts the CPU work of this process on its all-threads clock', () => {
    const before = processCpuTotalClock();
    let sum = 0;
    for (let i = 0; i < 2_000_000; i += 1) sum += Math.sqrt(i);
    expect(sum).toBeGreaterThan(0);
    expect(processCpuTotalClock()).toBeGreaterThan(before);
  });
});

describe('alternatePairs', () => {
  it('alternates which size goes first and takes the median of the per-pair ratios', async () => {
    const order: string[] = [];
    const firsts = [10, 20, 10, 40];
    const seconds = [11, 18, 30, 44];
    const result = await alternatePairs(
      4,
      async () => {
        order.push('first');
        return firsts[order.filter((name) => name === 'first').length - 1] as number;
      },
      async () => {
        order.push('second');
        return seconds[order.filter((name) => name === 'second').length - 1] as number;
      },
    );
    expect(order).toEqual([
      'first',
      'second',
      'second',
      'first',
      'first',
      'second',
      'second',
      'first',
    ]);
    // Pair ratios 1.1, 0.9, 3, 1.1: the one wild pair does not move the median.
    expect(result.secondVsFirst.value).toBeCloseTo(1.1);
    expect(result.secondVsFirst.samples).toBe(4);
    expect(result.first.value).toBe(15);
    expect(result.second.value).toBe(24);
    // Differences 1, -2, 20, 4: median 2.5; half their IQR (8 - 0.25) / 2 over the first's median 15.
    expect(result.secondMinusFirst.value).toBeCloseTo(2.5);
    expect(result.secondMinusFirst.spread).toBeCloseTo((8 - 0.25) / 2 / 15);
  });
});

describe('runner', () => {
  const files = ['n8n-stampede.ts', 'n8n.ts', 'paging.ts', 'stampede.ts'];

  it('picks a bench by exact name before substring matches', () => {
    expect(selectBenches(files, ['n8n'])).toEqual(['n8n.ts']);
    expect(selectBenches(files, ['stampede'])).toEqual(['stampede.ts']);
    expect(selectBenches(files, ['stamp'])).toEqual(['n8n-stampede.ts', 'stampede.ts']);
    expect(selectBenches(files, [])).toEqual(files);
  });

  it('prints a figure with its spread and a count as it is', () => {
    expect(formatFigure('x.ratio', { value: 0.98765, spread: 0.0123, samples: 21 })).toBe(
      'x.ratio: 0.988 ±1.2% (median of 21)',
    );
    expect(formatFigure('x.count', 50000)).toBe('x.count: 50000');
  });
});
