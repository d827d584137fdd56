import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { EMULATOR_SEED } from './helpers';

const root = join(__dirname, '..', '..', '..');

// tsx compiles the CLI on start; on a busy 2-core machine that can take several seconds.
jest.setTimeout(30_000);

describe('command line', () => {
  it('prints the URL and the seeded credentials, serves, and stops on SIGTERM', async () => {
    const child = spawn(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(__dirname, '..', 'src', 'cli.ts'), '--port', '0'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) =>
      child.on('exit', (code) => resolve(code)),
    );
    const url = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', () => {
        const match = /listening on (http:\/\/127\.0\.0\.1:\d+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.on('exit', (code) => reject(new Error(`CLI exited early with ${String(code)}`)));
    });
    const seed = await fetch(`${url}/_control/seed`);
    expect(seed.status).toBe(200);
    expect(output).toContain(EMULATOR_SEED.dell.clients.admin.clientId);
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('explains a bad option', async () => {
    const child = spawn(
      join(root, 'node_modules', '.bin', 'tsx'),
      [join(__dirname, '..', 'src', 'cli.ts'), '--colour', 'red'],
      {
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let errors = '';
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(errors).toContain('unknown option --colour');
  });
});
