// Garbage collection on demand, in a process started without --expose-gc (the bench runs
// through tsx): V8's flag is set at run time and `gc` taken from a fresh context, where V8
// installs it once the flag is on.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (options?: { type: 'minor' | 'major' }) => void;

/**
 * Collects everything unreachable now, so the next measured run starts from the same heap and
 * pays for its own garbage only, not for what the other side of the ratio left behind.
 */
export function collectGarbage(): void {
  gc();
}

/**
 * Empties the young generation only, where a listing's garbage lives. Unlike a full collection
 * it keeps the hidden classes that optimized code embeds, so the next run is not deoptimized
 * and recompiled: a cost of collecting between runs, not of the code being measured.
 */
export function collectYoung(): void {
  gc({ type: 'minor' });
}
