import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import type { TokenWorkerConfig, TokenWorkerReply } from './token-worker';

export type { TokenWorkerConfig, TokenWorkerReply };

export interface TokenWorker {
  /** Sends one command (`get 50`, `renew`) and resolves with its reply. */
  send(command: string): Promise<TokenWorkerReply>;
  /** Everything the process wrote on stderr (for leak checks). */
  stderr(): string;
  exit(): Promise<void>;
}

const WORKER = join(__dirname, 'token-worker.ts');

/** Starts a TokenManager in a child process (tsx), resolves when it is ready for commands. */
export function startTokenWorker(config: TokenWorkerConfig): Promise<TokenWorker> {
  const tsx = require.resolve('tsx/cli');
  const child: ChildProcess = spawn(process.execPath, [tsx, WORKER], {
    env: { ...process.env, TOKEN_WORKER_CONFIG: JSON.stringify(config) },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiting: ((line: string) => void)[] = [];
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  createInterface({ input: child.stdout! }).on('line', (line) => waiting.shift()?.(line));
  const next = () =>
    new Promise<string>((resolve, reject) => {
      waiting.push(resolve);
      void exited.then(() => reject(new Error(`token worker exited:\n${stderr}`)));
    });
  const worker: TokenWorker = {
    async send(command) {
      const line = next();
      child.stdin?.write(`${command}\n`);
      return JSON.parse(await line) as TokenWorkerReply;
    },
    stderr: () => stderr,
    async exit() {
      if (child.exitCode === null) {
        child.stdin?.write('exit\n');
        await exited;
      }
    },
  };
  return next().then(() => worker);
}
