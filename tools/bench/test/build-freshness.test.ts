import { mkdirSync, mkdtempSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { assertBuilt, newestMtimeMs } from '../src/lib/build-freshness';

let root: string;
beforeEach(() => {
  root = mkdtempSync(join(tmpdir(), 'bench-freshness-'));
  mkdirSync(join(root, 'src', 'deep'), { recursive: true });
  mkdirSync(join(root, 'dist'));
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

/** Writes `file` with its modification time `seconds` after the epoch. */
function fileAt(file: string, seconds: number): void {
  writeFileSync(join(root, file), '');
  utimesSync(join(root, file), seconds, seconds);
}

it('newestMtimeMs finds the newest file in nested folders', () => {
  fileAt('src/a.ts', 1_000);
  fileAt('src/deep/b.ts', 3_000);
  expect(newestMtimeMs(join(root, 'src'))).toBe(3_000_000);
});

it('accepts a build as new as its sources', () => {
  fileAt('src/deep/b.ts', 2_000);
  fileAt('dist/index.js', 2_000);
  expect(() => assertBuilt(join(root, 'src'), join(root, 'dist'), 'make')).not.toThrow();
});

it('refuses a missing build and says how to make one', () => {
  fileAt('src/a.ts', 1_000);
  expect(() => assertBuilt(join(root, 'src'), join(root, 'dist'), 'make core')).toThrow(
    /index\.js is missing: build it: make core/,
  );
});

it('refuses a build older than a source file edited since', () => {
  fileAt('dist/index.js', 1_000);
  fileAt('src/deep/b.ts', 2_000);
  expect(() => assertBuilt(join(root, 'src'), join(root, 'dist'), 'make core')).toThrow(
    /older than its sources.*build it: make core/,
  );
});
