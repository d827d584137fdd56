// One V8 heap configuration for every process whose memory a bench measures. Peak RSS depends
// on when the collector runs: with background GC threads that is decided by how much CPU the
// neighbours leave them, and the young generation grows with the allocation rate. A fixed
// young generation and a collector on the main thread make the peak a property of the code.
import { chmodSync, existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../../e2e/node-red/node-red-instance';

const REPO_NODE = join(REPO_ROOT, 'node_modules', '.bin', 'node');
/** The Node the e2e Node-RED runs on (the repo's Node 24 when installed), else this one. */
export const BENCH_NODE = existsSync(REPO_NODE) ? REPO_NODE : process.execPath;

export const SEMI_SPACE_MB = 16;

export const MEASURED_HEAP_FLAGS = [
  '--expose-gc',
  '--single-threaded-gc',
  `--min-semi-space-size=${SEMI_SPACE_MB}`,
  `--max-semi-space-size=${SEMI_SPACE_MB}`,
];

/**
 * A `node` that starts `realNode` with MEASURED_HEAP_FLAGS (NODE_OPTIONS refuses most of them),
 * for launchers that take a Node binary, such as startNodeRed.
 */
export function writeMeasuredNode(dir: string, realNode = BENCH_NODE): string {
  const path = join(dir, 'node-measured-heap');
  writeFileSync(path, `#!/bin/sh\nexec '${realNode}' ${MEASURED_HEAP_FLAGS.join(' ')} "$@"\n`);
  chmodSync(path, 0o755);
  return path;
}
