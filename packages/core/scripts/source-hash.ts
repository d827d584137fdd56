// A fingerprint of core's sources, by content. The build leaves it in dist/source-hash, so a
// dist that nx restores from its cache still matches the sources it was compiled from, whatever
// its files' times say. The bench compares it before timing dist.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';

/** Where a build keeps the fingerprint of the sources it was compiled from. */
export const SOURCE_HASH_FILE = 'source-hash';

/** SHA-256 over every file under `dir`: its path relative to `dir`, then its bytes, in path order. */
export function sourceHash(dir: string): string {
  const files = readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name))
    .sort();
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(relative(dir, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  return hash.digest('hex');
}
