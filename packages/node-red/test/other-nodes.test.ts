// Token node, config node (stores, test connection) and the CloudLink notifications node, in
// Node-RED's runtime against the emulator over HTTP.
import { createServer } from 'node:http';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startEmulator } from '@switchboard/emulator';
import { startRedis } from '@switchboard/testkit';
import type { Emulator } from '@switchboard/emulator';
import { apiNodeType, MITEL_NOTIFICATIONS_NODE_TYPE, TOKEN_NODE_TYPE } from '../src/names';
import { emulatorConnections, SEEDED_SECRETS } from './emulator-connections';
import type { ConnectionFixture } from './emulator-connections';
import { helper, loaded, nextMessage, onTab, statusTexts, SWITCHBOARD_NODES } from './harness';
import type { FlowNode } from './harness';

let emulator: Emulator;
let dir: string;

beforeAll(async () => {
  emulator = await startEmulator({ port: 0 });
  dir = mkdtempSync(join(tmpdir(), 'switchboard-nr-'));
  await helper.startServer();
});

afterAll(async () => {
  await helper.stopServer();
  await emulator.close();
  rmSync(dir, { recursive: true, force: true });
});

afterEach(async () => {
  await helper.unload();
  emulator.control.reset();
});

async function load(connection: ConnectionFixture, nodes: FlowNode[]): Promise<void> {
  await helper.load(
    SWITCHBOARD_NODES,
    onTab(connection.node, [...nodes, { id: 'out', type: 'helper' }]),
    {
      [connection.node.id]: connection.credentials,
    },
  );
}

describe('token node', () => {
  it('sets msg.headers.Authorization from the connection and keeps other headers', async () => {
    const sangoma = emulatorConnections(emulator.url)['sangoma-cx'];
    await load(sangoma, [
      { id: 'token', type: TOKEN_NODE_TYPE, connection: sangoma.node.id, wires: [['out']] },
    ]);
    const statuses = statusTexts('token');
    const received = nextMessage('out');
    helper.getNode('token').receive({ headers: { 'X-Trace': 'abc' } });
    const headers = (await received).headers as Record<string, string>;
    expect(headers['X-Trace']).toBe('abc');
    expect(headers.Authorization).toMatch(/^Bearer \S+$/);
    // The token it set is one the provider accepts.
    const response = await fetch(`${emulator.url}/sangoma/cpaas/cx/api/v1/agents/call/`, {
      method: 'POST',
      headers: {
        Authorization: headers.Authorization as string,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        agent_name: 'alice',
        destination: '+15550100',
        tenant_domain: sangoma.node.tenantDomain,
      }),
    });
    expect(response.status).toBeLessThan(300);
    expect(statuses[0]).toBe('requesting token');
    expect(statuses[statuses.length - 1]).toMatch(/^token valid \d+ (min|h)$/);
  });

  it('reports a rejected credential to Catch without the secret', async () => {
    const generic = emulatorConnections(emulator.url)['generic-oauth2'];
    const wrong = { ...generic, credentials: { clientSecret: 'wrong-token-node-secret-Kk2' } };
    await load(wrong, [
      { id: 'token', type: TOKEN_NODE_TYPE, connection: generic.node.id, wires: [['out']] },
      { id: 'catch', type: 'catch', scope: ['token'], uncaught: false, wires: [['out']] },
    ]);
    const statuses = statusTexts('token');
    const caught = nextMessage('out');
    helper.getNode('token').receive({});
    const msg = await caught;
    expect((msg.error as { code: string }).code).toBe('invalid_client');
    expect(msg.headers).toBeUndefined();
    expect(statuses[statuses.length - 1]).toBe('401 · invalid client');
    expect(JSON.stringify(msg)).not.toContain('wrong-token-node-secret-Kk2');
  });
});

describe('config node', () => {
  it('keeps tokens in an encrypted file that a redeploy reuses', async () => {
    const path = join(dir, 'tokens.json');
    const store = {
      tokenStore: 'file' as const,
      tokenStorePath: path,
      encryptionKey: 'k-0123456789abcdef',
    };
    const sangoma = emulatorConnections(emulator.url, { 'sangoma-cx': store })['sangoma-cx'];
    const flow: FlowNode[] = [
      {
        id: 'api',
        type: apiNodeType('sangoma-cx'),
        connection: sangoma.node.id,
        operation: 'agent.call',
        params: { agentName: { v: 'alice', t: 'str' }, destination: { v: '+15550100', t: 'str' } },
        wires: [['out']],
      },
    ];
    for (let deploy = 0; deploy < 2; deploy += 1) {
      await load(sangoma, flow);
      const received = nextMessage('out');
      helper.getNode('api').receive({});
      expect((await received).statusCode).toBeLessThan(300);
      await helper.unload();
    }
    expect(emulator.control.counters().tokenRequests.byProvider.sangoma).toBe(1);
    const onDisk = readFileSync(path, 'utf8');
    for (const secret of SEEDED_SECRETS) expect(onDisk).not.toContain(secret);
  });

  it('shares tokens through Redis between connections that hold the same credential', async () => {
    const redis = await startRedis();
    try {
      const store = { tokenStore: 'redis', encryptionKey: 'k-redis-0123456789' };
      const base = emulatorConnections(emulator.url)['generic-oauth2'];
      const first = { ...base.node, ...store };
      const second = { ...base.node, ...store, id: 'conn-generic-2' };
      const credentials = {
        ...base.credentials,
        redisUrl: redis.url,
        encryptionKey: store.encryptionKey,
      };
      const api = (id: string, connection: string): FlowNode => ({
        id,
        type: apiNodeType('generic-oauth2'),
        connection,
        operation: 'custom.request',
        params: { method: { v: 'GET', t: 'option' }, path: { v: '/me', t: 'str' } },
        wires: [['out']],
      });
      await helper.load(
        SWITCHBOARD_NODES,
        onTab(
          [first, second],
          [api('api-1', first.id), api('api-2', second.id), { id: 'out', type: 'helper' }],
        ),
        { [first.id]: credentials, [second.id]: credentials },
      );
      for (const id of ['api-1', 'api-2']) {
        const received = nextMessage('out');
        helper.getNode(id).receive({});
        expect((await received).statusCode).toBe(200);
      }
      expect(emulator.control.counters().tokenRequests.byProvider.generic).toBe(1);
    } finally {
      await helper.unload();
      await redis.stop();
    }
  });

  it('explains a store setting that is missing, through Catch', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    const broken = { ...mitel, node: { ...mitel.node, tokenStore: 'file' } };
    await load(broken, [
      {
        id: 'api',
        type: apiNodeType('mitel-cloudlink'),
        connection: mitel.node.id,
        operation: 'auth.whoAmI',
        wires: [['out']],
      },
      { id: 'catch', type: 'catch', scope: ['api'], uncaught: false, wires: [['out']] },
    ]);
    const caught = nextMessage('out');
    helper.getNode('api').receive({});
    const error = (await caught).error as { code: string; message: string };
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toContain('encryption key');
  });

  it('tests a connection from the dialog, using stored secrets for untouched password fields', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    await load(mitel, []);
    const values = { ...mitel.node, clientSecret: '__PWRD__' };
    const good = await helper
      .request()
      .post('/switchboard/diagnose/mitel-cloudlink')
      .send({ id: mitel.node.id, values });
    expect(good.status).toBe(200);
    expect(good.body.ok).toBe(true);
    // The dialog shows each step: for Mitel, the account's region from the token's domain claim.
    expect(good.body.steps).toContainEqual(
      expect.objectContaining({
        name: 'region',
        ok: true,
        detail: expect.stringContaining('puts the account in region us'),
      }),
    );
    const bad = await helper
      .request()
      .post('/switchboard/diagnose/mitel-cloudlink')
      .send({ id: mitel.node.id, values: { ...values, clientSecret: 'typed-wrong-secret-Qq1' } });
    expect(bad.body.ok).toBe(false);
    const error = bad.body.error as { code: string; hint: string };
    expect(error.code).toBe('invalid_client');
    expect(error.hint.length).toBeGreaterThan(10);
    for (const secret of [...SEEDED_SECRETS, 'typed-wrong-secret-Qq1']) {
      expect(good.text + bad.text).not.toContain(secret);
    }
  });

  it('never sends a stored secret to an address other than the deployed one', async () => {
    const collector = createServer((_req, res) => res.end('{}'));
    await new Promise<void>((resolve) => collector.listen(0, '127.0.0.1', resolve));
    let hits = 0;
    collector.on('request', () => (hits += 1));
    try {
      const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
      await load(mitel, []);
      const elsewhere = `http://127.0.0.1:${(collector.address() as AddressInfo).port}/{service}`;
      const answer = await helper
        .request()
        .post('/switchboard/diagnose/mitel-cloudlink')
        .send({
          id: mitel.node.id,
          values: { ...mitel.node, customBaseUrl: elsewhere, clientSecret: '__PWRD__' },
        });
      expect(answer.body.ok).toBe(false);
      expect((answer.body.error as { hint: string }).hint).toMatch(/Type the secret again/);
      expect(hits).toBe(0);
    } finally {
      await new Promise((resolve) => collector.close(resolve));
    }
  });
});

describe('CloudLink notifications node', () => {
  let server: Server;
  let publicUrl: string;

  beforeEach(async () => {
    // The helper does not serve RED.httpNode: serve it here, as Node-RED does.
    server = createServer((req, res) =>
      (loaded.RED?.httpNode as unknown as (a: unknown, b: unknown) => void)(req, res),
    );
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    publicUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });

  afterEach(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  it('subscribes on deploy, emits its own events, refuses others, unsubscribes on undeploy', async () => {
    const mitel = emulatorConnections(emulator.url)['mitel-cloudlink'];
    await load(mitel, [
      {
        id: 'events',
        type: MITEL_NOTIFICATIONS_NODE_TYPE,
        connection: mitel.node.id,
        publicUrl,
        path: '/mitel/events',
        topic: 'platform-api-media',
        wires: [['out']],
      },
    ]);
    const statuses = statusTexts('events');
    await waitFor(() => emulator.control.listSubscriptions().length === 1);
    const [subscription] = emulator.control.listSubscriptions();
    expect(subscription?.deviceId).toBe(`${publicUrl}/mitel/events`);
    const received = nextMessage('out');
    const [delivery] = await emulator.control.deliverNotification({
      subscriptionId: subscription?.subscriptionId,
    });
    expect(delivery?.status).toBe(200);
    const msg = await received;
    expect(msg.topic).toBe('platform-api-media');
    expect(
      (msg.notification as { subscription: { subscriptionId: string } }).subscription
        .subscriptionId,
    ).toBe(subscription?.subscriptionId);
    const foreign = await fetch(`${publicUrl}/mitel/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ subscription: { subscriptionId: 'someone-else' }, content: {} }),
    });
    expect(foreign.status).toBe(404);
    // Our subscription id, but another application's id: not ours either.
    expect(subscription?.applicationId).toEqual(expect.any(String));
    expect(delivery?.payload).toMatchObject({ applicationId: subscription?.applicationId });
    const otherApp = await fetch(`${publicUrl}/mitel/events`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        ...(delivery?.payload as Record<string, unknown>),
        applicationId: 'another-application',
      }),
    });
    expect(otherApp.status).toBe(404);
    await helper.unload();
    expect(emulator.control.listSubscriptions()).toHaveLength(0);
    expect(statuses).toContain('subscribed');
  });
});

async function waitFor(condition: () => boolean): Promise<void> {
  while (!condition()) await new Promise((resolve) => setTimeout(resolve, 20));
}
