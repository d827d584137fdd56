// The package as a person gets it: `npm pack` (which builds it), then the palette manager's
// upload (POST /nodes, multipart field `tarball`), which runs npm install in the user directory.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from './node-red-instance';

export const PACKAGE_NAME = '@switchboard/node-red-switchboard';
const PACKAGE_DIR = join(REPO_ROOT, 'packages', 'node-red');

/** Builds and packs the package into `destination`; returns the tarball path. */
export function packTarball(destination: string): string {
  const output = execFileSync('npm', ['pack', '--json', '--pack-destination', destination], {
    cwd: PACKAGE_DIR,
    env: {
      ...process.env,
      PATH: `${join(REPO_ROOT, 'node_modules', '.bin')}:${process.env.PATH ?? ''}`,
    },
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const start = output.indexOf('[');
  const [packed] = JSON.parse(output.slice(start)) as Array<{ filename: string }>;
  if (!packed) throw new Error(`npm pack printed no file:\n${output}`);
  return join(destination, packed.filename);
}

/** Uploads the tarball as the palette manager's "upload" button does. */
export async function installTarball(
  nodeRedUrl: string,
  tarball: string,
): Promise<{ path: string; nodes: Array<{ types: string[] }> }> {
  const form = new FormData();
  const name = tarball.split('/').pop() ?? 'package.tgz';
  form.append('tarball', new Blob([readFileSync(tarball)], { type: 'application/gzip' }), name);
  const response = await fetch(`${nodeRedUrl}/nodes`, { method: 'POST', body: form });
  const text = await response.text();
  if (!response.ok) throw new Error(`palette upload failed (${response.status}): ${text}`);
  return JSON.parse(text) as { path: string; nodes: Array<{ types: string[] }> };
}
