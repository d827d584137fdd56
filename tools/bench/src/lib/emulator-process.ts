// The emulator in a process of its own, so a bench timing its own main thread's CPU measures
// the client alone: a server sharing the thread would add the same work to both sides of a
// ratio and pull it towards 1.
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface EmulatorProcess {
  url: string;
  close(): Promise<void>;
}

const CLI = join(__dirname, '..', '..', '..', 'emulator', 'src', 'cli.ts');

export async function startEmulatorProcess(): Promise<EmulatorProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', CLI, '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  // A bench that fails or exits must not leave the emulator running.
  const stopChild = () => child.kill('SIGTERM');
  process.once('exit', stopChild);
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`emulator did not start: ${output}`)), 60_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1] as string);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`emulator exited (${code}): ${output}`));
    });
  });
  return {
    url,
    close: () =>
      new Promise<void>((resolve) => {
        process.off('exit', stopChild);
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
