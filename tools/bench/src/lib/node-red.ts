// A real Node-RED 5 for the benches: the palette installed once from the packed tarball into a
// user directory, then as many fresh Node-RED processes on it as a bench needs.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { installTarball, packTarball } from '../../../e2e/node-red/palette';
import { startNodeRed, type NodeRedInstance } from '../../../e2e/node-red/node-red-instance';
import type { FlowNode } from '../../../e2e/node-red/admin-api';
import { pidIn } from './proc';

export const TAB = 'bench';

/**
 * The e2e settings plus `global.get('gc')` for function nodes (Node-RED runs with
 * --expose-gc), so a memory bench can start from a collected heap. Info level: startNodeRed
 * waits for the "Started flows" line (only startup and deploys log at info).
 */
function writeSettings(userDir: string): void {
  writeFileSync(
    join(userDir, 'settings.js'),
    `module.exports = {
  uiHost: '127.0.0.1',
  credentialSecret: 'switchboard-bench-credential-secret',
  flowFile: 'flows.json',
  logging: { console: { level: 'info', metrics: false, audit: false } },
  editorTheme: { tours: false, palette: { upload: true } },
  diagnostics: { enabled: false },
  telemetry: { enabled: false },
  functionGlobalContext: { gc: global.gc },
};
`,
  );
}

export interface BenchNodeRed extends NodeRedInstance {
  pid: number;
}

/** `nodeBinary`: another `node` to run it with, e.g. one with a fixed heap (lib/heap.ts). */
export async function startBenchNodeRed(
  userDir: string,
  nodeBinary?: string,
): Promise<BenchNodeRed> {
  const instance = await startNodeRed({
    userDir,
    env: { NODE_OPTIONS: '--expose-gc' },
    ...(nodeBinary === undefined ? {} : { nodeBinary }),
  });
  return { ...instance, pid: pidIn(userDir, 'node-red') };
}

/** A user directory with the packed palette installed (the first Node-RED is returned running). */
export async function nodeRedWithPalette(dir: string): Promise<BenchNodeRed> {
  const userDir = join(dir, 'user');
  mkdirSync(userDir, { recursive: true });
  mkdirSync(join(dir, 'pack'), { recursive: true });
  writeSettings(userDir);
  const nodeRed = await startBenchNodeRed(userDir);
  await installTarball(nodeRed.url, packTarball(join(dir, 'pack')));
  return nodeRed;
}

/** http in GET /bench/<name> → nodes → http response, wired in a row, laid out on row `y`. */
export function httpFlow(name: string, middle: FlowNode[], y: number): FlowNode[] {
  const nodes: FlowNode[] = [
    {
      id: `${name}-in`,
      type: 'http in',
      url: `/bench/${name}`,
      method: 'get',
      upload: false,
      swaggerDoc: '',
    },
    ...middle,
    { id: `${name}-out`, type: 'http response', statusCode: '', headers: {} },
  ];
  return nodes.map((node, index) => ({
    ...node,
    z: TAB,
    x: 120 + index * 160,
    y,
    wires: nodes[index + 1] ? [[(nodes[index + 1] as FlowNode).id]] : [],
  }));
}

/** GETs a bench endpoint, retried while Node-RED is still registering its HTTP routes. */
export async function getWhenReady(url: string, timeoutMs = 600_000): Promise<string> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
    const text = await response.text();
    if (response.ok) return text;
    if (response.status !== 404 || attempt >= 40) {
      throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
