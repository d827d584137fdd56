// n8n's own community checks on the package as it would be published (part of `npm test`):
//   1. `n8n-node lint` (@n8n/node-cli, strict mode) in the generated package directory;
//   2. @n8n/scan-community-package's analysis, offline: its CLI downloads the package and the
//      source its npm provenance names; here the same analyzePackage() runs on the sources
//      (what it lints in the attested checkout) and on the packed tarball (what it lints in
//      the download), with the same file patterns;
//   3. what n8n's verification guidelines ask of the tarball that no lint rule checks.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  analyzePackage,
  SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';
import { generatePublishDir } from './publish.mjs';

const root = dirname(fileURLToPath(import.meta.url));
const bin = join(root, '..', '..', 'node_modules', '.bin');
const env = { ...process.env, PATH: `${bin}:${process.env.PATH ?? ''}`, FORCE_COLOR: '0' };
const problems = [];

function step(title) {
  console.log(`\n-- ${title}`);
}

const publishDir = generatePublishDir();

step('n8n-node lint (strict mode) in the generated package directory');
try {
  execFileSync('n8n-node', ['lint'], { cwd: publishDir, env, stdio: 'inherit' });
} catch {
  problems.push('n8n-node lint failed (see above)');
}
// n8n-node lint fails on errors only; several guideline rules (no-dead-files,
// resource-operation-pattern, require-homepage...) only warn. The same config, no warnings.
step('the same lint with no warnings allowed');
try {
  execFileSync('eslint', ['.', '--max-warnings', '0'], { cwd: publishDir, env, stdio: 'inherit' });
} catch {
  problems.push('n8n’s lint config reports warnings (see above)');
}

const work = mkdtempSync(join(tmpdir(), 'switchboard-n8n-scan-'));
try {
  const packed = JSON.parse(
    execFileSync('npm', ['pack', '--json', '--pack-destination', work], {
      cwd: publishDir,
      env,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  );
  const tarball = join(work, packed[0].filename);
  const extracted = join(work, 'package');
  execFileSync('tar', ['-xzf', tarball, '-C', work]);

  for (const [what, dir, patterns] of [
    ['sources (workspace folder)', root, SOURCE_FILE_PATTERNS],
    ['sources (generated package directory)', publishDir, SOURCE_FILE_PATTERNS],
    ['packed tarball', extracted, ['**/*.js', 'package.json']],
  ]) {
    step(`@n8n/scan-community-package analysis: ${what}`);
    const result = await analyzePackage(dir, patterns);
    if (result.passed) console.log('passed');
    else problems.push(`scan of the ${what}: ${result.message}\n${result.details ?? ''}`);
  }

  step('verification guidelines on the tarball');
  for (const problem of guidelineProblems(extracted)) problems.push(problem);
  if (problems.length === 0) console.log('passed');
} finally {
  rmSync(work, { recursive: true, force: true });
}

/** Guideline items no lint rule covers, checked on what npm would publish. */
function guidelineProblems(dir) {
  const found = [];
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  if (manifest.license !== 'MIT') found.push(`license is ${manifest.license}, not MIT`);
  if (!/^MIT License/.test(readFileSync(join(dir, 'LICENSE'), 'utf8')))
    found.push('LICENSE is not the MIT licence');
  if (manifest.repository?.directory !== undefined)
    found.push('repository.directory is set (n8n rejects monorepo packages)');
  if (Object.keys(manifest.dependencies ?? {}).length > 0) found.push('has runtime dependencies');
  const lifecycle = [
    'preinstall',
    'install',
    'postinstall',
    'prepare',
    'prepublish',
    'preprepare',
    'postprepare',
  ];
  for (const script of Object.keys(manifest.scripts ?? {}))
    if (lifecycle.includes(script)) found.push(`has the lifecycle script "${script}"`);
  if (JSON.stringify(manifest.peerDependencies) !== JSON.stringify({ 'n8n-workflow': '*' }))
    found.push('peerDependencies must be exactly {"n8n-workflow": "*"}');
  const readme = readFileSync(join(dir, 'README.md'), 'utf8');
  if (readme.length < 500) found.push('README is missing or too short to document the nodes');
  // No environment or file-system access, no other modules than n8n allows, in shipped code.
  const shipped = readdirSync(join(dir, 'dist'), { recursive: true }).filter((file) =>
    String(file).endsWith('.js'),
  );
  for (const file of shipped) {
    const text = readFileSync(join(dir, 'dist', String(file)), 'utf8');
    if (/\bprocess\s*\.\s*env\b|\bprocess\s*\[/.test(text))
      found.push(`dist/${file} reads the environment`);
    if (/require\("(node:)?(fs|fs\/promises|child_process|os|path)"\)/.test(text))
      found.push(`dist/${file} uses the file system or the OS`);
  }
  return found;
}

if (problems.length > 0) {
  console.error(`\nn8n community checks failed:\n- ${problems.join('\n- ')}`);
  process.exit(1);
}
console.log('\nn8n community checks passed');
