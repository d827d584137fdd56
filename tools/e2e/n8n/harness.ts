// Drives a real n8n (installed once into a cache outside the repo by install-n8n.sh) with
// a fresh user folder per suite and the packed Switchboard package installed as a community
// package, exactly where n8n's palette would put it.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { freePort } from '@switchboard/testkit';

export const REPO_ROOT = resolve(__dirname, '../../..');
export const NODE24 = join(REPO_ROOT, 'node_modules/.bin/node');
export const PACKAGE_NAME = '@switchboard/n8n-nodes-switchboard';
export const ENCRYPTION_KEY = 'switchboard-e2e-encryption-key-0001';

/** Installs n8n into the cache (or reuses it) and returns the cache folder. */
export function installN8n(): string {
  const script = join(__dirname, 'install-n8n.sh');
  try {
    const out = execFileSync('bash', [script], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    return out.trim().split('\n').pop() ?? '';
  } catch (error) {
    const stderr = (error as { stderr?: string }).stderr ?? '';
    throw new Error(stderr.trim().split('\n').pop() || 'n8n install failed');
  }
}

/**
 * Builds packages/n8n into its generated package directory (publish.mjs) and packs that as npm
 * would publish it; returns the tarball.
 */
export function packPackage(destination: string): string {
  execFileSync(NODE24, ['publish.mjs'], { cwd: join(REPO_ROOT, 'packages/n8n'), stdio: 'pipe' });
  const packageDir = join(REPO_ROOT, 'packages/n8n/publish');
  const out = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: packageDir,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const [packed] = JSON.parse(out) as Array<{ filename: string }>;
  if (packed === undefined) throw new Error('npm pack produced nothing');
  return join(destination, packed.filename);
}

export interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
  /** What this command added to n8n's log file (JSON lines). */
  log: string;
}

/** One n8n user folder: its database, settings, logs and installed community package. */
export class N8nHome {
  readonly root: string;
  readonly logFile: string;
  private readonly output: string[] = [];

  constructor(
    readonly n8nDir: string,
    tarball: string,
  ) {
    this.root = mkdtempSync(join(tmpdir(), 'switchboard-n8n-'));
    this.logFile = join(this.root, 'n8n.log');
    const nodeModules = join(this.root, '.n8n', 'nodes', 'node_modules');
    const target = join(nodeModules, ...PACKAGE_NAME.split('/'));
    mkdirSync(join(nodeModules, '@switchboard'), { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', join(nodeModules, '@switchboard')]);
    renameSync(join(nodeModules, '@switchboard', 'package'), target);
    writeFileSync(
      join(this.root, '.n8n', 'nodes', 'package.json'),
      JSON.stringify({
        name: 'installed-nodes',
        private: true,
        dependencies: { [PACKAGE_NAME]: '*' },
      }),
    );
  }

  env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
    return {
      PATH: `${join(REPO_ROOT, 'node_modules/.bin')}:${process.env.PATH ?? ''}`,
      HOME: this.root,
      N8N_USER_FOLDER: this.root,
      N8N_ENCRYPTION_KEY: ENCRYPTION_KEY,
      N8N_DIAGNOSTICS_ENABLED: 'false',
      N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
      N8N_TEMPLATES_ENABLED: 'false',
      N8N_PERSONALIZATION_ENABLED: 'false',
      N8N_HIRING_BANNER_ENABLED: 'false',
      N8N_SECURE_COOKIE: 'false',
      N8N_LOG_LEVEL: 'debug',
      N8N_LOG_OUTPUT: 'file',
      N8N_LOG_FILE_LOCATION: this.logFile,
      N8N_ENFORCE_SETTINGS_FILE_PERMISSIONS: 'false',
      N8N_RUNNERS_ENABLED: 'true',
      // n8n 2.41's default expression engine (isolated-vm, a native module) intermittently
      // ends `n8n execute` with SIGSEGV on these machines, mid-run or at exit; the legacy
      // engine evaluates the same expressions without it.
      N8N_EXPRESSION_ENGINE: 'legacy',
      N8N_HOST: '127.0.0.1',
      N8N_LISTEN_ADDRESS: '127.0.0.1',
      ...extra,
    };
  }

  /** Runs one n8n CLI command to completion; `onSpawn` gets its pid (the n8n bench reads its CPU). */
  async run(
    args: string[],
    extraEnv: Record<string, string> = {},
    onSpawn?: (pid: number) => void,
  ): Promise<RunResult> {
    const logStart = existsSync(this.logFile) ? statSync(this.logFile).size : 0;
    const env = this.env({ N8N_RUNNERS_BROKER_PORT: String(await freePort()), ...extraEnv });
    return new Promise((resolvePromise, reject) => {
      const child = spawn(NODE24, [join(this.n8nDir, 'node_modules/n8n/bin/n8n'), ...args], {
        env,
        cwd: this.root,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      child.on('error', reject);
      if (onSpawn !== undefined && child.pid !== undefined) onSpawn(child.pid);
      child.on('close', (code, signal) => {
        if (signal !== null) stderr += `\n(n8n was ended by ${signal})`;
        this.output.push(stdout, stderr);
        const log = existsSync(this.logFile)
          ? readFileSync(this.logFile).subarray(logStart).toString('utf8')
          : '';
        resolvePromise({ code, stdout, stderr, log });
      });
    });
  }

  /** Runs a command and fails with its output when it does not exit 0. */
  async mustRun(
    args: string[],
    extraEnv: Record<string, string> = {},
    onSpawn?: (pid: number) => void,
  ): Promise<RunResult> {
    const result = await this.run(args, extraEnv, onSpawn);
    if (result.code !== 0) {
      throw new Error(
        `n8n ${args.join(' ')} exited ${result.code}:\n${tail(result.log)}\n${tail(result.stderr)}`,
      );
    }
    return result;
  }

  async importJson(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
    const file = join(this.root, `import-${kind}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(data));
    try {
      await this.mustRun([`import:${kind}`, `--input=${file}`]);
    } finally {
      // The import file holds the credentials in clear: it must not outlive the import.
      rmSync(file, { force: true });
    }
  }

  /** Starts `n8n start` on a port; resolves once it answers /healthz. */
  async start(port: number): Promise<RunningN8n> {
    const child = spawn(NODE24, [join(this.n8nDir, 'node_modules/n8n/bin/n8n'), 'start'], {
      env: this.env({
        N8N_PORT: String(port),
        WEBHOOK_URL: `http://127.0.0.1:${port}/`,
        // n8n's task broker defaults to a fixed port; another n8n on the machine would clash.
        N8N_RUNNERS_BROKER_PORT: String(await freePort()),
      }),
      cwd: this.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const running = new RunningN8n(child, `http://127.0.0.1:${port}`, this.output, this.logFile);
    await running.waitUntilReady();
    return running;
  }

  /** Everything n8n wrote or printed: the database, the log file, every command's output. */
  allOutputs(): string[] {
    return [...this.output];
  }

  files(): string[] {
    const list: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) {
          if (entry.name !== 'node_modules') walk(path);
        } else list.push(path);
      }
    };
    walk(this.root);
    return list;
  }

  remove(): void {
    rmSync(this.root, { recursive: true, force: true });
  }
}

export class RunningN8n {
  private stdout = '';
  private exited = false;

  constructor(
    private readonly child: ChildProcess,
    readonly url: string,
    private readonly sink: string[],
    private readonly logFile: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.stdout += chunk.toString()));
    child.on('exit', () => (this.exited = true));
  }

  get log(): string {
    return this.stdout;
  }

  async waitUntilReady(): Promise<void> {
    for (let attempt = 0; attempt < 600; attempt++) {
      if (this.exited)
        throw new Error(`n8n start exited early:\n${tail(this.stdout)}\n${this.logTail()}`);
      try {
        const response = await fetch(`${this.url}/healthz/readiness`);
        if (response.ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolveWait) => setTimeout(resolveWait, 200));
    }
    throw new Error(`n8n did not become ready:\n${tail(this.stdout)}\n${this.logTail()}`);
  }

  private logTail(): string {
    return existsSync(this.logFile) ? tail(readFileSync(this.logFile, 'utf8'), 15) : '';
  }

  async stop(): Promise<void> {
    if (!this.exited) {
      const exited = new Promise<void>((resolveExit) =>
        this.child.once('exit', () => resolveExit()),
      );
      this.child.kill('SIGTERM');
      await exited;
    }
    this.sink.push(this.stdout);
  }
}

export function tail(text: string, lines = 40): string {
  return text.trim().split('\n').slice(-lines).join('\n');
}
