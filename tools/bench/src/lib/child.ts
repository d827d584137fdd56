// Bench work that needs a fresh process: the parent starts a script of src/children with the
// repo's Node and reads the one JSON line it prints; the script reports a failure on stderr
// and exits 1, which rejects the parent's call with that text.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BENCH_NODE } from './heap';

const run = promisify(execFile);
const BENCH_DIR = join(__dirname, '..', '..');

/** Runs `src/children/<name>.ts` with `args` (after Node's `flags`) and parses what it prints. */
export async function runChild<T>(name: string, args: string[], flags: string[] = []): Promise<T> {
  const script = join(BENCH_DIR, 'src', 'children', `${name}.ts`);
  const { stdout } = await run(BENCH_NODE, [...flags, '--import', 'tsx', script, ...args], {
    cwd: BENCH_DIR,
    maxBuffer: 1 << 20,
  });
  return JSON.parse(stdout.trim()) as T;
}

/** A child script's entry: runs `main`, and on failure prints why and exits 1. */
export function childMain(main: () => Promise<void>): void {
  main().catch((error: unknown) => {
    process.stderr.write(`${describeError(error)}\n`);
    process.exit(1);
  });
}

/** An error as one report: its stack when it has one. */
export function describeError(error: unknown): string {
  return error instanceof Error ? (error.stack ?? error.message) : String(error);
}
