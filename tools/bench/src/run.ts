// Runs every module in src/benches (or those named on the command line), prints one
// `name: value` line per figure and writes them all to results.json.
import { readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Bench } from './types';

async function main(): Promise<void> {
  const only = process.argv.slice(2);
  const dir = join(__dirname, 'benches');
  const files = readdirSync(dir)
    .filter((file) => file.endsWith('.ts'))
    .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
    .sort();
  const results: Record<string, number> = {};
  for (const file of files) {
    const bench = ((await import(join(dir, file))) as { default: Bench }).default;
    process.stderr.write(`# ${bench.title}\n`);
    const figures = await bench.run();
    for (const [name, value] of Object.entries(figures)) {
      results[name] = value;
      process.stdout.write(`${name}: ${Number.isInteger(value) ? value : value.toFixed(3)}\n`);
    }
  }
  writeFileSync(join(__dirname, '..', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
