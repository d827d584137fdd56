// The published build (tsc to CommonJS, ES2022) loads and works under the system Node 20: the
// package promises `engines.node >= 20` while the workspace itself runs Node 24.
import { execFile, execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { createConnection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import { mitelAt } from '../profiles/support/emulator-credentials';

const run = promisify(execFile);
const SYSTEM_NODE = '/usr/bin/node';
const packageDir = join(__dirname, '..', '..');

/** The system Node's major version, or why the test cannot run. */
function systemNode(): { major: number } | { skip: string } {
  if (!existsSync(SYSTEM_NODE)) return { skip: `${SYSTEM_NODE} does not exist` };
  const version = /^v(\d+)\./.exec(execFileSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }));
  const major = Number(version?.[1]);
  if (!(major < 24)) return { skip: `${SYSTEM_NODE} is Node ${major}, not an older one` };
  return { major };
}

const node = systemNode();
if ('skip' in node) {
  // Visible in the test output, not a silent pass.
  console.warn(`Skipping the Node 20 build check: ${node.skip}.`);
}
const maybe = 'skip' in node ? describe.skip : describe;

// Loads the built package the way a user's project does (require of the CommonJS entry) and
// signs in and lists users against the emulator; prints what it got as JSON.
const SCRIPT = `
const core = require(process.argv[1]);
const credentials = JSON.parse(process.argv[2]);
(async () => {
  const connection = core.createConnection(core.getProfile('mitel-cloudlink'), credentials);
  try {
    const token = await connection.tokens.getToken();
    const users = await connection.execute('user.list', { accountId: credentials.accountId }, { returnAll: true });
    console.log(JSON.stringify({
      node: process.version,
      tokenType: token.tokenType,
      expiresInMs: token.expiresAt - token.obtainedAt,
      status: users.status,
      users: users.data.length,
    }));
  } finally {
    await connection.close();
  }
})().catch((error) => {
  console.error(error && error.code, error && error.message);
  process.exit(1);
});
`;

maybe('built package under the system Node (engines.node >= 20)', () => {
  let emulator: Emulator;
  const outDir = join(packageDir, '.cache', `node20-build-${process.pid}`);

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
    await mkdir(outDir, { recursive: true });
    // The same compiler settings as `npm run build`, into a private folder so a concurrent
    // build of dist/ is never disturbed.
    await run(process.execPath, [
      require.resolve('typescript/bin/tsc'),
      '-p',
      join(packageDir, 'tsconfig.build.json'),
      '--outDir',
      outDir,
    ]);
  }, 120_000);

  afterAll(async () => {
    await emulator?.close();
    await rm(outDir, { recursive: true, force: true });
  });

  it('loads dist/index.js, gets a token and lists users from the emulator', async () => {
    const credentials = mitelAt(emulator.url);
    const { stdout } = await run(SYSTEM_NODE, [
      '-e',
      SCRIPT,
      join(outDir, 'index.js'),
      JSON.stringify(credentials),
    ]);
    const result = JSON.parse(stdout) as Record<string, unknown>;
    // The same call from the sources, in this process, is the reference.
    const reference = createConnection(getProfile('mitel-cloudlink'), credentials);
    const users = await reference
      .execute('user.list', { accountId: credentials['accountId'] }, { returnAll: true })
      .finally(() => reference.close());
    expect(String(result['node'])).toBe(
      `v${execFileSync(SYSTEM_NODE, ['--version'], { encoding: 'utf8' }).trim().slice(1)}`,
    );
    expect(result).toMatchObject({
      tokenType: 'Bearer',
      status: 200,
      users: (users.data as unknown[]).length,
    });
    expect(result['expiresInMs']).toBeGreaterThan(0);
    expect(result['users']).toBeGreaterThan(0);
  }, 60_000);
});
