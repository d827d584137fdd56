// One V8 heap configuration for every process whose memory a bench measures. Peak RSS depends
// on when the collector runs: with background GC threads that is decided by how much CPU the
// neighbours leave them, and the young generation grows with the allocation rate. A fixed
// young generation and a collector on the main thread make the peak a property of the code.
// The old generation's limit is V8's live size times a growing factor (up to 4x): dead
// objects promoted from the young generation pile up below it until a full collection. In
// Node-RED (~50 MB live) that headroom is ~30 MB of garbage, which a 200,000-record listing
// always fills and a 50,000 one only sometimes (--trace-gc: each full collection drops the
// old generation back to the same live size). For the per-record figures a fixed factor of 1.1
// leaves only V8's minimum step: in Node-RED (--trace-gc over a 200k listing) full
// collections then come at a 90-112 MB heap from 50-58 MB after each, every time, where V8's
// own factor let it reach 104-315 MB (36 MB of RSS growth in one process). So the peak shows
// what the code keeps, not when V8 chose to collect. Array mode keeps V8's own factor: that
// figure is what a user's process pays, and with 1.1 its many full collections of a growing
// live array cost more.
import { createHash } from 'node:crypto';
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../e2e/node-red/node-red-instance';

const REPO_NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node');
/** The Node the e2e Node-RED runs on (the repo's Node 24 when installed), else this one. */
export const BENCH_NODE = existsSync(REPO_NODE) ? REPO_NODE : process.execPath;

export const SEMI_SPACE_MB = 16;
/** Old-generation limit = live size × 1.1 after each full collection. */
export const HEAP_GROWING_PERCENT = 10;

export const MEASURED_HEAP_FLAGS = [
  '--expose-gc',
  '--single-threaded-gc',
  `--min-semi-space-size=${SEMI_SPACE_MB}`,
  `--max-semi-space-size=${SEMI_SPACE_MB}`,
];

/** The same, with the old generation's garbage headroom kept small (see above). */
export const RETAINED_HEAP_FLAGS = [
  ...MEASURED_HEAP_FLAGS,
  `--heap-growing-percent=${HEAP_GROWING_PERCENT}`,
];

/**
 * A `node` that starts `realNode` with `flags` (NODE_OPTIONS refuses most of them), for
 * launchers that take a Node binary, such as startNodeRed.
 */
export function writeMeasuredNode(
  dir: string,
  flags: string[] = MEASURED_HEAP_FLAGS,
  realNode = BENCH_NODE,
): string {
  // One launcher per flag set, named by its flags: two sets never share a file.
  const name = createHash('sha256').update(flags.join(' ')).digest('hex').slice(0, 12);
  const path = join(dir, `node-heap-${name}`);
  writeFileSync(path, `#!/bin/sh\nexec '${realNode}' ${flags.join(' ')} "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}
