import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt } from '../src/lib/build-freshness';
import { SOURCE_HASH_FILE, sourceHash } from '../../../packages/core/scripts/source-hash';

let root: string;
let src: string;
let dist: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bench-freshness-'));
  src = join(root, 'src');
  dist = join(root, 'dist');
  mkdirSync(join(src, 'deep'), { recursive: true });
  mkdirSync(dist);
  writeFileSync(join(src, 'a.ts'), 'export const a = 1;\n');
  writeFileSync(join(src, 'deep', 'b.ts'), 'export const b = 2;\n');
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** A dist as the build leaves it: index.js and the fingerprint of `src` as it is now. */
function build(): void {
  writeFileSync(join(dist, 'index.js'), '');
  writeFileSync(join(dist, SOURCE_HASH_FILE), `${sourceHash(src)}\n`);
}

it('sourceHash follows contents and paths, not file times', () => {
  const first = sourceHash(src);
  utimesSync(join(src, 'deep', 'b.ts'), 5_000, 5_000);
  expect(sourceHash(src)).toBe(first);
  writeFileSync(join(src, 'deep', 'b.ts'), 'export const b = 3;\n');
  const edited = sourceHash(src);
  expect(edited).not.toBe(first);
  rmSync(join(src, 'deep', 'b.ts'));
  writeFileSync(join(src, 'c.ts'), 'export const b = 3;\n');
  expect(sourceHash(src)).not.toBe(edited);
});

it('accepts a build of the sources as they are', () => {
  build();
  expect(() => assertBuilt(src, dist, 'make')).not.toThrow();
});

it('accepts such a build with older file times than its sources (restored from a cache)', () => {
  build();
  utimesSync(join(dist, 'index.js'), 1_000, 1_000);
  utimesSync(join(src, 'a.ts'), 9_000, 9_000);
  expect(() => assertBuilt(src, dist, 'make')).not.toThrow();
});

it('refuses a missing build and says how to make one', () => {
  expect(() => assertBuilt(src, dist, 'make core')).toThrow(
    /index\.js is missing: build it: make core/,
  );
});

it('refuses a build that does not say which sources it came from', () => {
  writeFileSync(join(dist, 'index.js'), '');
  expect(() => assertBuilt(src, dist, 'make core')).toThrow(
    /does not say which sources.*build it: make core/,
  );
});

it('refuses a build of sources edited since', () => {
  build();
  writeFileSync(join(src, 'deep', 'b.ts'), 'export const b = 3;\n');
  expect(() => assertBuilt(src, dist, 'make core')).toThrow(
    /built from other sources.*build it: make core/,
  );
});
