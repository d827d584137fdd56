// Whether a compiled package is at least as new as its sources, so a bench never times code
// that is no longer the one in the working tree.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The newest modification time of any file under `dir`, ms (0 for a directory without files). */
export function newestMtimeMs(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (entry.isFile()) {
      newest = Math.max(newest, statSync(join(entry.parentPath, entry.name)).mtimeMs);
    }
  }
  return newest;
}

/** Throws, saying how to build it, unless `dist/index.js` exists and is as new as all of `src`. */
export function assertBuilt(src: string, dist: string, buildCommand: string): void {
  const entry = join(dist, 'index.js');
  const hint = `build it: ${buildCommand} (npm run bench does it first)`;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: ${hint}`);
  if (statSync(entry).mtimeMs < newestMtimeMs(src)) {
    throw new Error(`${dist} is older than its sources in ${src}: ${hint}`);
  }
}
