import { runBenches } from '../src/run';
import type { Bench } from '../src/types';

const bench = (title: string, run: Bench['run']) => async (): Promise<Bench> => ({ title, run });

describe('runBenches', () => {
  it('runs the benches after a failing one and names it', async () => {
    const printed: string[] = [];
    const logged: string[] = [];
    const output = await runBenches(
      [
        { name: 'a.ts', load: bench('a', async () => ({ 'a.count': 3 })) },
        {
          name: 'b.ts',
          load: bench('b', async () => {
            throw new Error('redis-server not found');
          }),
        },
        {
          name: 'c.ts',
          load: bench('c', async () => ({
            'c.ratio': { value: 1.02, spread: 0.031, samples: 31 },
          })),
        },
      ],
      (line) => printed.push(line),
      (line) => logged.push(line),
    );
    expect(output.failed).toEqual(['b.ts']);
    expect(Object.keys(output.results)).toEqual(['a.count', 'c.ratio']);
    expect(printed).toEqual(['a.count: 3', 'c.ratio: 1.020 ±3.1% (median of 31)']);
    expect(
      logged.some((line) => line.startsWith('# b.ts failed: Error: redis-server not found')),
    ).toBe(true);
  });

  it('counts a bench that cannot even be loaded as failed', async () => {
    const output = await runBenches(
      [{ name: 'broken.ts', load: () => Promise.reject(new Error('syntax')) }],
      () => undefined,
      () => undefined,
    );
    expect(output).toEqual({ results: {}, failed: ['broken.ts'] });
  });
});
