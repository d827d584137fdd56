// Whether a compiled package was built from the sources in the working tree, so a bench never
// times code that is no longer the one there. Compared by content (the fingerprint the build
// leaves in dist), not by file times: a dist that nx restores from its cache keeps older times
// than sources that a checkout just rewrote, yet matches them.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SOURCE_HASH_FILE, sourceHash } from '../../../../packages/core/scripts/source-hash';

/** Throws, saying how to build it, unless `dist` exists and was built from `src` as it is. */
export function assertBuilt(src: string, dist: string, buildCommand: string): void {
  const entry = join(dist, 'index.js');
  const recorded = join(dist, SOURCE_HASH_FILE);
  const hint = `build it: ${buildCommand} (npm run bench does it first)`;
  if (!existsSync(entry)) throw new Error(`${entry} is missing: ${hint}`);
  if (!existsSync(recorded)) {
    throw new Error(`${dist} does not say which sources it was built from: ${hint}`);
  }
  if (readFileSync(recorded, 'utf8').trim() !== sourceHash(src)) {
    throw new Error(`${dist} was built from other sources than those in ${src} now: ${hint}`);
  }
}
