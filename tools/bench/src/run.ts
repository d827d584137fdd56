// Runs every module in src/benches (or those named on the command line), prints one line per
// figure, `name: value ±spread (n rounds)`, and writes them all to results.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Estimate } from './stats';
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

async function main(): Promise<void> {
  const dir = join(__dirname, 'benches');
  const all = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .sort();
  const files = selectBenches(all, process.argv.slice(2));
  if (files.length === 0) throw new Error(`no bench matches; there are ${all.join(', ')}`);
  const results: Record<string, number | Estimate> = {};
  for (const file of files) {
    const bench = ((await import(join(dir, file))) as { default: Bench }).default;
    process.stderr.write(`# ${bench.title}\n`);
    const started = performance.now();
    const figures = await bench.run();
    for (const [name, figure] of Object.entries(figures)) {
      results[name] = figure;
      process.stdout.write(`${formatFigure(name, figure)}\n`);
    }
    process.stderr.write(`# ${file}: ${((performance.now() - started) / 1000).toFixed(0)} s\n`);
  }
  writeFileSync(join(__dirname, '..', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(
      `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  });
}
