// A real n8n in one of its two production set-ups: `regular` (one `n8n start`, SQLite) or
// `queue` (PostgreSQL + Redis, a main `n8n start` that takes the webhooks and enqueues, and
// two `n8n worker` processes that run the executions). Every process has its own log file,
// so a test can tell which worker ran which execution.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freePort, startRedis, type RunningRedis } from '@switchboard/testkit';
import { NODE24, tail, type N8nHome } from '../n8n/harness';
import { startPostgres, type RunningPostgres } from './postgres';

export type ClusterMode = 'regular' | 'queue';

const WORKERS = 2;
const WORKER_CONCURRENCY = 10;
const STOP_GRACE_MS = 60_000;

class N8nProcess {
  private output = '';
  private exitCode: number | null | undefined;

  constructor(
    readonly name: string,
    private readonly child: ChildProcess,
    readonly logFile: string,
    readonly healthUrl: string,
  ) {
    child.stdout?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (this.output += chunk.toString()));
    child.on('exit', (code) => (this.exitCode = code));
  }

  log(): string {
    return existsSync(this.logFile) ? readFileSync(this.logFile, 'utf8') : '';
  }

  async waitUntilReady(): Promise<void> {
    for (let attempt = 0; attempt < 1500; attempt++) {
      if (this.exitCode !== undefined) {
        throw new Error(
          `${this.name} exited early:\n${tail(this.output)}\n${tail(this.log(), 15)}`,
        );
      }
      try {
        if ((await fetch(this.healthUrl)).ok) return;
      } catch {
        // not listening yet
      }
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} did not become ready:\n${tail(this.output)}`);
  }

  /** Polls (bounded) until the process's log matches, e.g. a workflow's activation. */
  async waitForLog(pattern: RegExp): Promise<void> {
    for (let attempt = 0; attempt < 1500; attempt++) {
      if (pattern.test(this.log())) return;
      if (this.exitCode !== undefined) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`${this.name} never logged ${pattern}:\n${tail(this.log(), 15)}`);
  }

  async stop(): Promise<void> {
    if (this.exitCode !== undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill('SIGTERM');
    const killer = setTimeout(() => this.child.kill('SIGKILL'), STOP_GRACE_MS);
    await exited;
    clearTimeout(killer);
  }
}

export class N8nCluster {
  readonly processes: N8nProcess[] = [];
  private postgres: RunningPostgres | undefined;
  private redis: RunningRedis | undefined;
  private dbEnv: Record<string, string> = {};
  url = '';

  constructor(
    private readonly home: N8nHome,
    readonly mode: ClusterMode,
  ) {}

  /** Starts the database (and Redis) so the CLI can import into it; n8n itself comes later. */
  async prepare(): Promise<void> {
    if (this.mode === 'regular') return;
    this.postgres = await startPostgres();
    this.redis = await startRedis();
    this.dbEnv = {
      ...this.postgres.n8nEnv,
      EXECUTIONS_MODE: 'queue',
      QUEUE_BULL_REDIS_HOST: '127.0.0.1',
      QUEUE_BULL_REDIS_PORT: String(this.redis.port),
    };
  }

  /** Runs an n8n CLI command against this cluster's database. */
  async cli(args: string[]): Promise<void> {
    await this.home.mustRun(args, { ...this.dbEnv, N8N_LOG_LEVEL: 'info' });
  }

  async importJson(kind: 'credentials' | 'workflow', data: unknown): Promise<void> {
    const file = join(this.home.root, `import-${kind}-${Date.now()}.json`);
    writeFileSync(file, JSON.stringify(data));
    try {
      await this.cli([`import:${kind}`, `--input=${file}`]);
    } finally {
      // The import file holds the credentials in clear: it must not outlive the import.
      rmSync(file, { force: true });
    }
  }

  /** Starts the main process, then (queue mode) the workers; resolves when all are ready. */
  async start(): Promise<void> {
    const port = await freePort();
    this.url = `http://127.0.0.1:${port}`;
    const main = await this.spawn(
      'main',
      ['start'],
      { N8N_PORT: String(port), WEBHOOK_URL: `${this.url}/` },
      `${this.url}/healthz/readiness`,
    );
    await main.waitUntilReady();
    if (this.mode === 'queue') {
      const workers = [];
      for (let index = 1; index <= WORKERS; index++) {
        const healthPort = await freePort();
        workers.push(
          await this.spawn(
            `worker-${index}`,
            ['worker', `--concurrency=${WORKER_CONCURRENCY}`],
            { QUEUE_HEALTH_CHECK_ACTIVE: 'true', QUEUE_HEALTH_CHECK_PORT: String(healthPort) },
            `http://127.0.0.1:${healthPort}/healthz/readiness`,
          ),
        );
      }
      await Promise.all(workers.map((worker) => worker.waitUntilReady()));
    }
  }

  main(): N8nProcess {
    const main = this.processes.find((entry) => entry.name === 'main');
    if (main === undefined) throw new Error('the cluster has not been started');
    return main;
  }

  workers(): N8nProcess[] {
    return this.processes.filter((entry) => entry.name.startsWith('worker-'));
  }

  /** Everything every process logged (for leak checks and failure messages). */
  logs(): string {
    return this.processes.map((entry) => entry.log()).join('\n');
  }

  async stop(): Promise<void> {
    // Workers first: they would otherwise log lost connections to the main's queue.
    for (const entry of [...this.processes].reverse()) await entry.stop();
    await this.redis?.stop();
    await this.postgres?.stop();
  }

  private async spawn(
    name: string,
    args: string[],
    extra: Record<string, string>,
    healthUrl: string,
  ): Promise<N8nProcess> {
    const logFile = join(this.home.root, `${name}.log`);
    const env = this.home.env({
      ...this.dbEnv,
      N8N_LOG_LEVEL: 'info',
      N8N_LOG_FILE_LOCATION: logFile,
      // n8n's task broker defaults to a fixed port; three processes would clash.
      N8N_RUNNERS_BROKER_PORT: String(await freePort()),
      ...extra,
    });
    const child = spawn(NODE24, [join(this.home.n8nDir, 'node_modules/n8n/bin/n8n'), ...args], {
      env,
      cwd: this.home.root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const started = new N8nProcess(name, child, logFile, healthUrl);
    this.processes.push(started);
    return started;
  }
}
