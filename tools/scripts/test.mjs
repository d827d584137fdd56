// `npm test`: provision what the suites need, then run every check of the repo: format,
// lint, typecheck, unit, integration (emulator, Redis) and end-to-end (real Node-RED, real n8n).
// It never skips a suite: a missing tool is installed when possible, or the run stops with one
// line saying what to run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { provision } from './provision.mjs';

function run(step, args) {
  console.log(`\n== ${step}`);
  const result = spawnSync(args[0], args.slice(1), { stdio: 'inherit', env: process.env });
  return result.status === 0;
}

function summarise(dir) {
  let passed = 0;
  let failed = 0;
  for (const file of readdirSync(dir)) {
    const report = JSON.parse(readFileSync(join(dir, file), 'utf8'));
    passed += report.numPassedTests;
    failed += report.numFailedTests;
  }
  return { passed, failed };
}

provision();
const resultsDir = mkdtempSync(join(tmpdir(), 'switchboard-jest-'));
process.env.SWITCHBOARD_JEST_RESULTS = resultsDir;
process.env.NX_DAEMON ??= 'false';
process.env.NX_TUI = 'false';

const ok =
  run('lockfile', ['node', 'tools/scripts/fix-lockfile.mjs', '--check']) &&
  run('format', ['prettier', '--check', '.']) &&
  run('lint + typecheck', ['nx', 'run-many', '-t', 'lint', 'typecheck', '--parallel=2']) &&
  run('n8n community checks (n8n-node lint, scan-community-package)', [
    'nx',
    'run',
    '@switchboard/n8n-nodes-switchboard:community-checks',
  ]) &&
  run('tests', ['nx', 'run-many', '-t', 'test', '--parallel=1', '--skip-nx-cache']);

const { passed, failed } = summarise(resultsDir);
rmSync(resultsDir, { recursive: true, force: true });
console.log(`\n${passed} passed, ${failed} failed`);
process.exit(ok && failed === 0 && passed > 0 ? 0 : 1);
