// A real Node-RED process (a standalone install, see install-node-red.sh) on loopback, with its
// own user directory: start, wait until the admin API answers, stop (flows close cleanly on SIGINT).
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

export const REPO_ROOT = join(__dirname, '..', '..', '..');
/** Node 24 from the workspace's `node` package; Node-RED 5 needs Node >= 22.9. */
const NODE_24 = join(REPO_ROOT, 'node_modules', '.bin', 'node');

export interface NodeRedInstance {
  url: string;
  port: number;
  userDir: string;
  /** Everything Node-RED printed, for failure messages. */
  output(): string;
  stop(): Promise<void>;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

let installedRedJs: string | undefined;

/** red.js of the standalone Node-RED install (installed into a cache folder on first use). */
export function nodeRedScript(): string {
  if (!installedRedJs) {
    const installer = join(__dirname, 'install-node-red.sh');
    const folder = execFileSync('bash', [installer], { encoding: 'utf8' }).trim();
    installedRedJs = join(folder, 'node_modules', 'node-red', 'red.js');
  }
  return installedRedJs;
}

/** settings.js: fixed credential secret (flows_cred.json is encrypted with it), loopback only. */
function writeSettings(userDir: string, credentialSecret: string): void {
  const settings = `module.exports = {
  uiHost: '127.0.0.1',
  credentialSecret: ${JSON.stringify(credentialSecret)},
  flowFile: 'flows.json',
  logging: { console: { level: 'info', metrics: false, audit: false } },
  editorTheme: { tours: false, palette: { upload: true } },
  diagnostics: { enabled: false },
  telemetry: { enabled: false },
};
`;
  writeFileSync(join(userDir, 'settings.js'), settings);
}

async function waitUntilReady(
  url: string,
  child: ChildProcess,
  output: () => string,
): Promise<void> {
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`Node-RED exited (${child.exitCode}):\n${output()}`);
    // The editor answers before the flows run: an http in route deployed in them (a webhook,
    // the ERP examples) only exists once Node-RED says so, or says why the flows wait.
    if (/Started flows|Waiting for missing types/.test(output())) {
      try {
        const response = await fetch(`${url}/settings`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

export async function startNodeRed(options: {
  userDir: string;
  port?: number;
  credentialSecret?: string;
  env?: Record<string, string>;
  /** Another Node-RED (red.js) and Node binary, e.g. to try an older Node-RED by hand. */
  redJs?: string;
  nodeBinary?: string;
}): Promise<NodeRedInstance> {
  mkdirSync(options.userDir, { recursive: true });
  if (!existsSync(join(options.userDir, 'settings.js'))) {
    writeSettings(options.userDir, options.credentialSecret ?? 'switchboard-e2e-credential-secret');
  }
  const port = options.port ?? (await freePort());
  const node = options.nodeBinary ?? (existsSync(NODE_24) ? NODE_24 : process.execPath);
  const child = spawn(
    node,
    [options.redJs ?? nodeRedScript(), '-u', options.userDir, '-p', String(port)],
    {
      cwd: options.userDir,
      env: {
        ...process.env,
        PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
        NODE_RED_ENABLE_PROJECTS: 'false',
        ...options.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  const output = () => log;
  await waitUntilReady(url, child, output);
  return {
    url,
    port,
    userDir: options.userDir,
    output,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGINT');
      }),
  };
}
