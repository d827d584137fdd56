// nodered.api_vs_httprequest.ratio: messages per second through the Switchboard API node
// divided by Node-RED's stock http request node with a fixed Authorization header. One real
// Node-RED 5 (palette installed from the packed tarball), one emulator, the same flow shape
// (http in → split into N messages → node under test → count → http response), the same
// endpoint (generic OAuth2 GET /api/me), rounds interleaved, median ratio; 1.0 = no overhead.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { EMULATOR_SEED, startEmulator } from '@switchboard/emulator';
import { emulatorConnections } from '../../../../packages/node-red/test/emulator-connections';
import { deployFlows } from '../../../e2e/node-red/admin-api';
import type { FlowNode } from '../../../e2e/node-red/admin-api';
import { startNodeRed } from '../../../e2e/node-red/node-red-instance';
import { installTarball, packTarball } from '../../../e2e/node-red/palette';
import { median } from '../stats';
import type { Bench } from '../types';

const ROUNDS = 7;
const MESSAGES_PER_ROUND = 300;
const TAB = 'bench';

const SPLIT = `const total = Number(msg.req.query.n);
const batch = msg._msgid;
for (let i = 0; i < total; i++) node.send({ req: msg.req, res: msg.res, batch, total });
return null;`;

const COUNT = `const seen = (context.get(msg.batch) || 0) + 1;
if (seen < msg.total) { context.set(msg.batch, seen); return null; }
context.set(msg.batch, undefined);
return { req: msg.req, res: msg.res, payload: { messages: seen, lastStatus: msg.statusCode } };`;

/** http in /bench/<name> → split → middle nodes → count → http response. */
function benchFlow(name: string, middle: FlowNode[]): FlowNode[] {
  const ids = [`${name}-split`, ...middle.map((node) => node.id), `${name}-count`];
  const nodes: FlowNode[] = [
    {
      id: `${name}-in`,
      type: 'http in',
      url: `/bench/${name}`,
      method: 'get',
      upload: false,
      swaggerDoc: '',
    },
    { id: `${name}-split`, type: 'function', func: SPLIT, outputs: 1 },
    ...middle,
    { id: `${name}-count`, type: 'function', func: COUNT, outputs: 1 },
    { id: `${name}-out`, type: 'http response', statusCode: '', headers: {} },
  ];
  const chain = [`${name}-in`, ...ids, `${name}-out`];
  return nodes.map((node, index) => ({
    ...node,
    z: TAB,
    x: 120 + index * 160,
    y: name === 'api' ? 60 : 140,
    wires: chain[index + 1] ? [[chain[index + 1] as string]] : [],
  }));
}

async function fixedToken(emulatorUrl: string): Promise<string> {
  const client = EMULATOR_SEED.generic.clients.service;
  const response = await fetch(`${emulatorUrl}/generic/oauth/token`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      authorization: `Basic ${Buffer.from(`${client.clientId}:${client.clientSecret}`).toString('base64')}`,
    },
    body: 'grant_type=client_credentials&scope=read',
  });
  const body = (await response.json()) as { access_token?: string };
  if (!body.access_token) throw new Error(`no token from the emulator (${response.status})`);
  return body.access_token;
}

async function messagesPerSecond(url: string): Promise<number> {
  const started = performance.now();
  const response = await fetch(`${url}?n=${MESSAGES_PER_ROUND}`, {
    signal: AbortSignal.timeout(120_000),
  });
  const text = await response.text();
  if (!text.startsWith('{'))
    throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
  const body = JSON.parse(text) as { messages?: number; lastStatus?: number };
  if (body.messages !== MESSAGES_PER_ROUND || body.lastStatus !== 200) {
    throw new Error(`${url} answered ${JSON.stringify(body)}`);
  }
  return MESSAGES_PER_ROUND / ((performance.now() - started) / 1000);
}

/** First round of each flow, retried while Node-RED is still registering the HTTP routes. */
async function warmUp(url: string): Promise<void> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await messagesPerSecond(url);
      return;
    } catch (error) {
      if (attempt >= 20) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

const bench: Bench = {
  title:
    'Node-RED: Switchboard API node vs stock http request node with a fixed Authorization header',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-nr-'));
    const emulator = await startEmulator({ port: 0 });
    const nodeRed = await startNodeRed({ userDir: join(dir, 'user') });
    try {
      mkdirSync(join(dir, 'pack'));
      await installTarball(nodeRed.url, packTarball(join(dir, 'pack')));
      const generic = emulatorConnections(emulator.url)['generic-oauth2'];
      const token = await fixedToken(emulator.url);
      await deployFlows(nodeRed.url, [
        { id: TAB, type: 'tab', label: 'bench' },
        { ...generic.node, credentials: generic.credentials },
        ...benchFlow('api', [
          {
            id: 'api-node',
            type: 'switchboard-generic-oauth2',
            connection: generic.node.id,
            operation: 'custom.request',
            params: { method: { v: 'GET', t: 'option' }, path: { v: '/me', t: 'str' } },
            returnAll: false,
            limit: 50,
            output: 'array',
          },
        ]),
        ...benchFlow('http', [
          {
            id: 'http-headers',
            type: 'change',
            rules: [
              {
                t: 'set',
                p: 'headers',
                pt: 'msg',
                to: `{"Authorization":"Bearer ${token}"}`,
                tot: 'json',
              },
              { t: 'set', p: 'url', pt: 'msg', to: `${emulator.url}/generic/api/me`, tot: 'str' },
            ],
          },
          {
            id: 'http-node',
            type: 'http request',
            method: 'GET',
            ret: 'obj',
            paytoqs: 'ignore',
            url: '',
            tls: '',
            persist: false,
            proxy: '',
            insecureHTTPParser: false,
            authType: '',
            senderr: false,
            headers: [],
          },
        ]),
      ]);
      const api = `${nodeRed.url}/bench/api`;
      const http = `${nodeRed.url}/bench/http`;
      await warmUp(api);
      await warmUp(http);
      const ratios: number[] = [];
      for (let round = 0; round < ROUNDS; round += 1) {
        const first = round % 2 === 0 ? api : http;
        const second = first === api ? http : api;
        const a = await messagesPerSecond(first);
        const b = await messagesPerSecond(second);
        ratios.push(first === api ? a / b : b / a);
      }
      return { 'nodered.api_vs_httprequest.ratio': median(ratios) };
    } finally {
      await nodeRed.stop();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
