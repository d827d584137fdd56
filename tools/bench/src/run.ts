// Runs every module in src/benches (or those named on the command line), prints one line per
// figure, `name: value ±spread (n rounds)`, and writes them all to results.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describeError } from './lib/child';
import type { Bench, Figure } from './types';

/** `npm run bench -- paging`: a file named exactly so, else every file whose name contains it. */
export function selectBenches(files: string[], names: string[]): string[] {
  if (names.length === 0) return files;
  return files.filter((file) =>
    names.some((name) => {
      const exact = files.some((candidate) => basename(candidate, '.ts') === name);
      return exact ? basename(file, '.ts') === name : file.includes(name);
    }),
  );
}

export function formatFigure(name: string, figure: Figure): string {
  if (typeof figure === 'number') {
    return `${name}: ${Number.isInteger(figure) ? figure : figure.toFixed(3)}`;
  }
  const spread = (figure.spread * 100).toFixed(1);
  return `${name}: ${figure.value.toFixed(3)} ±${spread}% (median of ${figure.samples})`;
}

export interface BenchOutput {
  /** Every figure printed, by name. */
  results: Record<string, Figure>;
  /** The names of the benches that threw. */
  failed: string[];
}

/**
 * Runs benches in order, printing each figure as it comes (`print`) and progress and failures
 * (`log`). One bench failing (a missing tool, a crashed platform) does not hide the others'.
 */
export async function runBenches(
  benches: { name: string; load: () => Promise<Bench> }[],
  print: (line: string) => void,
  log: (line: string) => void,
): Promise<BenchOutput> {
  const output: BenchOutput = { results: {}, failed: [] };
  for (const { name, load } of benches) {
    const started = performance.now();
    try {
      const bench = await load();
      log(`# ${bench.title}`);
      for (const [figureName, figure] of Object.entries(await bench.run())) {
        output.results[figureName] = figure;
        print(formatFigure(figureName, figure));
      }
    } catch (error: unknown) {
      output.failed.push(name);
      log(`# ${name} failed: ${describeError(error)}`);
    }
    log(`# ${name}: ${((performance.now() - started) / 1000).toFixed(0)} s`);
  }
  return output;
}

async function main(): Promise<void> {
  const dir = join(__dirname, 'benches');
  const all = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  const files = selectBenches(all, process.argv.slice(2));
  if (files.length === 0) throw new Error(`no bench matches; there are ${all.join(', ')}`);
  const { results, failed } = await runBenches(
    files.map((file) => ({
      name: file,
      load: async () => ((await import(join(dir, file))) as { default: Bench }).default,
    })),
    (line) => process.stdout.write(`${line}\n`),
    (line) => process.stderr.write(`${line}\n`),
  );
  writeFileSync(join(__dirname, '..', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  if (failed.length > 0) {
    throw new Error(
      `${failed.join(', ')} failed (see above); the others' figures are in results.json`,
    );
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench failed: ${describeError(error)}\n`);
    process.exit(1);
  });
}
