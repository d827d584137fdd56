// nodered.api_vs_httprequest.ratio: messages per second through the Switchboard API node
// divided by Node-RED's stock http request node with a fixed Authorization header. One real
// Node-RED 5 (palette installed from the packed tarball), one emulator, the same flow shape
// (http in → split into N messages → node under test → count → http response), the same
// endpoint (generic OAuth2 GET /api/me).
// nodered.concurrent_vs_httprequest.ratio: 2,000 messages, 50 in flight (50 HTTP clients on
// http in → node under test → http response), the same two nodes.
// Rounds interleaved (A B, B A, ...), warm-up dropped, median ratio; 1.0 = no overhead. Timed
// by the CPU time of all of Node-RED's threads (what the nodes cost, garbage collection on V8's
// helper threads included; a busy neighbour does not stretch it); `.wall_clock` figures are
// the same rounds by wall time.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_SEED, startEmulator } from '@switchboard/emulator';
import { emulatorConnections } from '../../../../packages/node-red/test/emulator-connections';
import { deployFlows, type FlowNode } from '../../../e2e/node-red/admin-api';
import { getWhenReady, httpFlow, nodeRedWithPalette, TAB } from '../lib/node-red';
import {
  interleave,
  measure,
  processThreadsCpuClock,
  wallClock,
  type Clock,
  type Estimate,
} from '../stats';
import type { Bench } from '../types';

const WARM_UP = 2;
const ROUNDS = 15;
const MESSAGES_PER_ROUND = 500;
const CONCURRENT_MESSAGES = 2000;
const IN_FLIGHT = 50;

const SPLIT = `const total = Number(msg.req.query.n);
const batch = msg._msgid;
for (let i = 0; i < total; i++) node.send({ req: msg.req, res: msg.res, batch, total });
return null;`;

const COUNT = `const seen = (context.get(msg.batch) || 0) + 1;
if (seen < msg.total) { context.set(msg.batch, seen); return null; }
context.set(msg.batch, undefined);
return { req: msg.req, res: msg.res, payload: { messages: seen, lastStatus: msg.statusCode } };`;

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

/** The two nodes under test, with ids made unique by `prefix`. */
function nodesUnderTest(
  prefix: string,
  connectionId: string,
  emulatorUrl: string,
  token: string,
): { api: FlowNode[]; http: FlowNode[] } {
  return {
    api: [
      {
        id: `${prefix}api-node`,
        type: 'switchboard-generic-oauth2',
        connection: connectionId,
        operation: 'custom.request',
        params: { method: { v: 'GET', t: 'option' }, path: { v: '/me', t: 'str' } },
        returnAll: false,
        limit: 50,
        output: 'array',
      },
    ],
    http: [
      {
        id: `${prefix}http-headers`,
        type: 'change',
        rules: [
          {
            t: 'set',
            p: 'headers',
            pt: 'msg',
            to: `{"Authorization":"Bearer ${token}"}`,
            tot: 'json',
          },
          { t: 'set', p: 'url', pt: 'msg', to: `${emulatorUrl}/generic/api/me`, tot: 'str' },
        ],
      },
      {
        id: `${prefix}http-node`,
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
    ],
  };
}

/** One request that Node-RED splits into `MESSAGES_PER_ROUND` messages. */
async function splitRound(url: string): Promise<void> {
  const body = JSON.parse(await getWhenReady(`${url}?n=${MESSAGES_PER_ROUND}`)) as {
    messages?: number;
    lastStatus?: number;
  };
  if (body.messages !== MESSAGES_PER_ROUND || body.lastStatus !== 200) {
    throw new Error(`${url} answered ${JSON.stringify(body)}`);
  }
}

/** `CONCURRENT_MESSAGES` requests, `IN_FLIGHT` at a time, each one message through the node. */
async function concurrentRound(url: string): Promise<void> {
  let remaining = CONCURRENT_MESSAGES;
  const client = async () => {
    while (remaining > 0) {
      remaining -= 1;
      const body = JSON.parse(await getWhenReady(url)) as { statusCode?: number };
      if (body.statusCode !== 200) throw new Error(`${url} answered ${JSON.stringify(body)}`);
    }
  };
  await Promise.all(Array.from({ length: IN_FLIGHT }, client));
}

/** The message's status as the JSON body, so the client can check every call succeeded. */
const REPLY: FlowNode = {
  id: 'reply',
  type: 'function',
  func: 'return { req: msg.req, res: msg.res, payload: { statusCode: msg.statusCode } };',
  outputs: 1,
};

const bench: Bench = {
  title:
    'Node-RED: Switchboard API node vs stock http request node with a fixed Authorization header',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'switchboard-bench-nr-'));
    const emulator = await startEmulator({ port: 0 });
    const nodeRed = await nodeRedWithPalette(dir);
    try {
      const generic = emulatorConnections(emulator.url)['generic-oauth2'];
      const token = await fixedToken(emulator.url);
      const split = nodesUnderTest('', generic.node.id, emulator.url, token);
      const single = nodesUnderTest('one-', generic.node.id, emulator.url, token);
      const counter = (name: string): FlowNode => ({
        id: `${name}-count`,
        type: 'function',
        func: COUNT,
        outputs: 1,
      });
      const splitter = (name: string): FlowNode => ({
        id: `${name}-split`,
        type: 'function',
        func: SPLIT,
        outputs: 1,
      });
      const reply = (name: string): FlowNode => ({ ...REPLY, id: `${name}-reply` });
      await deployFlows(nodeRed.url, [
        { id: TAB, type: 'tab', label: 'bench' },
        { ...generic.node, credentials: generic.credentials },
        ...httpFlow('api', [splitter('api'), ...split.api, counter('api')], 60),
        ...httpFlow('http', [splitter('http'), ...split.http, counter('http')], 140),
        ...httpFlow('api-one', [...single.api, reply('api-one')], 220),
        ...httpFlow('http-one', [...single.http, reply('http-one')], 300),
      ]);
      const clocks: Record<string, Clock> = {
        cpu: processThreadsCpuClock(nodeRed.pid),
        wall: wallClock,
      };
      const at = (path: string) => `${nodeRed.url}/bench/${path}`;
      const sequential = await interleave({
        warmUp: WARM_UP,
        rounds: ROUNDS,
        baseline: () => measure(() => splitRound(at('http')), clocks),
        subject: () => measure(() => splitRound(at('api')), clocks),
      });
      const concurrent = await interleave({
        warmUp: WARM_UP,
        rounds: ROUNDS,
        baseline: () => measure(() => concurrentRound(at('http-one')), clocks),
        subject: () => measure(() => concurrentRound(at('api-one')), clocks),
      });
      return {
        'nodered.api_vs_httprequest.ratio': sequential.cpu as Estimate,
        'nodered.concurrent_vs_httprequest.ratio': concurrent.cpu as Estimate,
        'nodered.api_vs_httprequest.ratio.wall_clock': sequential.wall as Estimate,
        'nodered.concurrent_vs_httprequest.ratio.wall_clock': concurrent.wall as Estimate,
      };
    } finally {
      await nodeRed.stop();
      await emulator.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};

export default bench;
