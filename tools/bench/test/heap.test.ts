import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeMeasuredNode } from '../src/lib/heap';

describe('writeMeasuredNode', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'switchboard-heap-test-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  /** What the launched Node reports: `typeof gc` and its semi-space flag, if any. */
  const report = (launcher: string): { gc: string; args: string[] } =>
    JSON.parse(
      execFileSync(
        launcher,
        ['-e', 'process.stdout.write(JSON.stringify({ gc: typeof gc, args: process.execArgv }))'],
        { encoding: 'utf8' },
      ),
    ) as { gc: string; args: string[] };

  it('starts Node with the flags given, before the caller’s arguments', () => {
    const launcher = writeMeasuredNode(dir, ['--expose-gc', '--max-semi-space-size=16']);
    const { gc, args } = report(launcher);
    expect(gc).toBe('function');
    expect(args.slice(0, 2)).toEqual(['--expose-gc', '--max-semi-space-size=16']);
  });

  it('gives two flag sets of the same length two launchers', () => {
    const withGc = writeMeasuredNode(dir, ['--expose-gc']);
    const without = writeMeasuredNode(dir, ['--no-expose-gc']);
    expect(without).not.toBe(withGc);
    expect(report(withGc).gc).toBe('function');
    expect(report(without).gc).toBe('undefined');
  });
});
