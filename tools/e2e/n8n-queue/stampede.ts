// The stampede scenario shared by the e2e tests and `npm run bench`: a real n8n (regular or
// queue mode) with one published workflow holding three webhooks, each feeding a Mitel
// CloudLink node ("who am I") on its own credential: one with no token, one whose token has
// expired (at the emulator and in n8n's stored expiry), one whose token the emulator revoked.
// `fire()` starts N executions at once and reads the emulator's counters for that credential.
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMULATOR_SEED, type Emulator } from '@switchboard/emulator';
import { N8nHome, PACKAGE_NAME, installN8n, packPackage } from '../n8n/harness';
import { N8nCluster, type ClusterMode } from './cluster';

export type StampedeCase = 'empty' | 'expired' | 'revoked';
export const STAMPEDE_CASES: readonly StampedeCase[] = ['empty', 'expired', 'revoked'];

const clients = EMULATOR_SEED.mitel.prod.clients;
/** One Mitel client per case, so one case's renewed token cannot serve another. */
const CLIENT = {
  empty: clients.acmeAdmin,
  expired: clients.acmeUser,
  revoked: clients.globexAdmin,
};
const WORKFLOW_ID = 'wfstampede000001';
const credentialIdOf = (entry: StampedeCase): string => `credstampede${entry}`.slice(0, 16);
const webhookPath = (entry: StampedeCase): string => `stampede-${entry}`;

export interface StampedeResult {
  /** Token requests the emulator counted for this case's credential. */
  tokenRequests: number;
  /** HTTP status of each webhook call (200 = the execution succeeded). */
  statuses: number[];
  /** 401s the emulator served (requests with the expired or revoked token). */
  unauthorized: number;
  /** Executions each worker finished during this fire (queue mode; empty otherwise). */
  byWorker: Record<string, number>;
}

interface IssuedToken {
  accessToken: string;
  obtainedAt: number;
  expiresAt: number;
}

async function issueToken(emulator: Emulator, entry: StampedeCase): Promise<IssuedToken> {
  const client = CLIENT[entry];
  const obtainedAt = Date.now();
  const response = await fetch(`${emulator.url}/mitel/prod/authentication/2017-09-01/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'client_credentials',
      client_id: client.clientId,
      client_secret: client.clientSecret,
    }),
  });
  if (response.status !== 201) throw new Error(`emulator token request: ${response.status}`);
  const body = (await response.json()) as { access_token: string; expires_in: number };
  return {
    accessToken: body.access_token,
    obtainedAt,
    expiresAt: obtainedAt + body.expires_in * 1000,
  };
}

function credentialJson(
  emulator: Emulator,
  entry: StampedeCase,
  token?: IssuedToken,
): Record<string, unknown> {
  const client = CLIENT[entry];
  return {
    id: credentialIdOf(entry),
    name: `stampede ${entry}`,
    type: 'mitelCloudLinkApi',
    data: {
      environment: 'custom',
      customBaseUrl: `${emulator.url}/mitel/prod/{service}/2017-09-01`,
      grantType: 'client_credentials',
      clientId: client.clientId,
      clientSecret: client.clientSecret,
      accountId: client.accountId,
      assumeRole: '',
      clientAuth: 'body',
      accessToken: token?.accessToken ?? '',
      tokenObtainedAt: token?.obtainedAt ?? 0,
      tokenExpiresAt: token?.expiresAt ?? 0,
    },
  };
}

/** Webhook (answers with the last node's output) → Mitel "who am I", once per case. */
function workflowJson(): Record<string, unknown> {
  const nodes: unknown[] = [];
  const connections: Record<string, unknown> = {};
  STAMPEDE_CASES.forEach((entry, index) => {
    const hook = `Webhook ${entry}`;
    const mitel = `Mitel ${entry}`;
    nodes.push(
      {
        id: randomUUID(),
        name: hook,
        type: 'n8n-nodes-base.webhook',
        typeVersion: 2,
        position: [0, index * 200],
        webhookId: randomUUID(),
        parameters: {
          httpMethod: 'GET',
          path: webhookPath(entry),
          responseMode: 'lastNode',
          responseData: 'firstEntryJson',
          options: {},
        },
      },
      {
        id: randomUUID(),
        name: mitel,
        type: `${PACKAGE_NAME}.mitelCloudLink`,
        typeVersion: 1,
        position: [300, index * 200],
        parameters: { resource: 'auth', operation: 'whoAmI' },
        credentials: {
          mitelCloudLinkApi: { id: credentialIdOf(entry), name: `stampede ${entry}` },
        },
      },
    );
    connections[hook] = { main: [[{ node: mitel, type: 'main', index: 0 }]] };
  });
  return {
    id: WORKFLOW_ID,
    name: 'stampede',
    active: false,
    settings: { executionOrder: 'v1' },
    nodes,
    connections,
  };
}

const finishedCount = (log: string): number =>
  (log.match(/Worker finished execution/g) ?? []).length;

export class Stampede {
  private readonly packDir = mkdtempSync(join(tmpdir(), 'switchboard-stampede-pack-'));
  private home: N8nHome | undefined;
  private cluster: N8nCluster | undefined;
  private revokedToken = '';

  constructor(
    private readonly emulator: Emulator,
    readonly mode: ClusterMode,
  ) {}

  /** Installs the package into a fresh n8n, imports, publishes and starts every process. */
  async start(): Promise<void> {
    this.home = new N8nHome(installN8n(), packPackage(this.packDir));
    this.cluster = new N8nCluster(this.home, this.mode);
    await this.cluster.prepare();
    const control = this.emulator.control;
    // A token that lives one second: expired at the emulator, and by its stored expiry, by
    // the time the executions run.
    const lifetime = control.tokenLifetime('mitel');
    control.setTokenLifetime('mitel', 1);
    const expired = await issueToken(this.emulator, 'expired');
    control.setTokenLifetime('mitel', lifetime);
    const revoked = await issueToken(this.emulator, 'revoked');
    this.revokedToken = revoked.accessToken;
    await this.cluster.importJson('credentials', [
      credentialJson(this.emulator, 'empty'),
      credentialJson(this.emulator, 'expired', expired),
      credentialJson(this.emulator, 'revoked', revoked),
    ]);
    await this.cluster.importJson('workflow', workflowJson());
    await this.cluster.cli(['publish:workflow', `--id=${WORKFLOW_ID}`]);
    await this.cluster.start();
    // n8n answers readiness before it has registered the production webhooks.
    for (const entry of STAMPEDE_CASES) await this.waitForWebhook(entry);
  }

  /**
   * n8n answers readiness before it has registered the production webhooks. A CORS preflight
   * says whether a path is registered (204, else 404) without starting an execution.
   */
  private async waitForWebhook(entry: StampedeCase): Promise<void> {
    const url = `${this.requireCluster().url}/webhook/${webhookPath(entry)}`;
    for (let attempt = 0; attempt < 600; attempt++) {
      const response = await fetch(url, {
        method: 'OPTIONS',
        headers: { origin: 'http://127.0.0.1', 'access-control-request-method': 'GET' },
      });
      await response.arrayBuffer();
      if (response.status === 204) return;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    throw new Error(`n8n never registered the webhook ${webhookPath(entry)}`);
  }

  /** Starts `executions` executions of one case together and reports what the emulator saw. */
  async fire(entry: StampedeCase, executions: number): Promise<StampedeResult> {
    const cluster = this.requireCluster();
    const control = this.emulator.control;
    if (entry === 'revoked' && this.revokedToken !== '') {
      control.revokeToken(this.revokedToken);
      this.revokedToken = '';
    }
    const workers = cluster.workers();
    const before = workers.map((worker) => finishedCount(worker.log()));
    control.resetCounters();
    const url = `${cluster.url}/webhook/${webhookPath(entry)}`;
    const statuses = await Promise.all(
      Array.from({ length: executions }, async () => {
        const response = await fetch(url);
        await response.arrayBuffer();
        return response.status;
      }),
    );
    const byWorker = await this.finishedByWorker(before, statuses.length);
    const counters = control.counters();
    return {
      tokenRequests:
        counters.tokenRequests.byCredential[`mitel:prod:${CLIENT[entry].clientId}`] ?? 0,
      statuses,
      unauthorized: counters.unauthorized.total,
      byWorker,
    };
  }

  /** Everything n8n logged, for leak checks. */
  logs(): string {
    return this.cluster?.logs() ?? '';
  }

  async stop(): Promise<void> {
    try {
      await this.cluster?.stop();
    } finally {
      this.home?.remove();
      rmSync(this.packDir, { recursive: true, force: true });
    }
  }

  /** Waits (bounded) until the workers logged every execution as finished. */
  private async finishedByWorker(
    before: number[],
    expected: number,
  ): Promise<Record<string, number>> {
    const workers = this.requireCluster().workers();
    const counts = (): Record<string, number> =>
      Object.fromEntries(
        workers.map((worker, index) => [
          worker.name,
          finishedCount(worker.log()) - (before[index] ?? 0),
        ]),
      );
    if (workers.length === 0) return {};
    for (let attempt = 0; attempt < 150; attempt++) {
      const total = Object.values(counts()).reduce((sum, count) => sum + count, 0);
      if (total >= expected) break;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    return counts();
  }

  private requireCluster(): N8nCluster {
    if (this.cluster === undefined) throw new Error('Stampede.start() first');
    return this.cluster;
  }
}
