// The n8n nodes and the trigger against a hostile provider, through n8n's REAL request stack
// (n8n-core's httpRequestWithAuthentication and @n8n/backend-network from the installed n8n):
// no credential crosses origins on a redirect, no secret survives in any error form, and
// looping next links stop instead of paging forever.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { inspect } from 'node:util';

import type {
  ICredentialDataDecryptedObject,
  IExecuteFunctions,
  IHookFunctions,
  INode,
  INodeExecutionData,
} from 'n8n-workflow';
import { MitelCloudLinkApi } from '../../../packages/n8n/credentials/MitelCloudLinkApi.credentials';
import { MitelCloudLink } from '../../../packages/n8n/nodes/MitelCloudLink/MitelCloudLink.node';
import { MitelCloudLinkTrigger } from '../../../packages/n8n/nodes/MitelCloudLinkTrigger/MitelCloudLinkTrigger.node';
import {
  REDIRECT_STATUSES,
  sentinelSecrets,
  startAttacker,
  startHostileProvider,
} from '@switchboard/testkit';
import type { LoopbackServer } from '@switchboard/testkit';
import { n8nTransport } from '../../../packages/n8n/lib/transport';
import { realN8nHelpers } from './real-helpers';

const SECRETS = sentinelSecrets('access-token', 'client-secret');
const ALL_SECRETS = Object.values(SECRETS);
const NODE: INode = {
  id: 'hostile-node',
  name: 'Mitel CloudLink',
  type: 'n8n-nodes-switchboard.mitelCloudLink',
  typeVersion: 1,
  position: [0, 0],
  parameters: {},
  credentials: { mitelCloudLinkApi: { id: 'cred-1', name: 'Mitel' } },
};

let provider: LoopbackServer;
let attacker: LoopbackServer;

beforeAll(async () => {
  realN8nHelpers();
  attacker = await startAttacker();
  provider = await startHostileProvider({
    token: SECRETS['access-token'],
    attackerUrl: attacker.url,
  });
});

afterAll(async () => {
  await provider?.close();
  await attacker?.close();
});

beforeEach(() => {
  provider.received.length = 0;
  attacker.received.length = 0;
});

function credentials(clientId = 'client-1'): ICredentialDataDecryptedObject {
  return {
    environment: 'custom',
    customBaseUrl: `${provider.url}/{service}`,
    grantType: 'client_credentials',
    clientId,
    clientSecret: SECRETS['client-secret'],
    accountId: '',
    application: 'app=hostile/1',
    accessToken: '',
  };
}

function withAuthentication(): ReturnType<ReturnType<typeof realN8nHelpers>['withAuthentication']> {
  return realN8nHelpers().withAuthentication(new MitelCloudLinkApi(), NODE);
}

function executeContext(
  parameters: Record<string, unknown>,
  options: { continueOnFail?: boolean; clientId?: string } = {},
): IExecuteFunctions {
  const stored = credentials(options.clientId);
  return {
    getInputData: (): INodeExecutionData[] => [{ json: {} }],
    getNodeParameter: (name: string, _item: number, fallback?: unknown) =>
      name in parameters ? parameters[name] : fallback,
    getCredentials: async () => stored,
    getNode: () => NODE,
    continueOnFail: () => options.continueOnFail === true,
    getExecutionCancelSignal: () => undefined,
    logger: { warn: () => undefined },
    helpers: { httpRequestWithAuthentication: withAuthentication() },
  } as unknown as IExecuteFunctions;
}

function hookContext(staticData: Record<string, unknown>): IHookFunctions {
  const stored = credentials();
  return {
    getNodeParameter: (name: string, fallback?: unknown) =>
      name === 'topic' ? 'platform-api-media' : fallback,
    getCredentials: async () => stored,
    getNode: () => NODE,
    getWorkflowStaticData: () => staticData,
    getNodeWebhookUrl: () => 'https://n8n.example.test/webhook/hostile',
    logger: { warn: () => undefined },
    helpers: { httpRequestWithAuthentication: withAuthentication() },
  } as unknown as IHookFunctions;
}

/** Every form an error takes in n8n: message, description, stack, JSON, inspect, and its cause. */
function errorForms(error: unknown): string {
  const record = error as { message?: unknown; description?: unknown; stack?: unknown };
  return [
    String(record.message),
    String(record.description),
    String(record.stack),
    JSON.stringify(error),
    inspect(error, { showHidden: true, depth: 12 }),
  ].join('\n');
}

function expectClean(text: string): void {
  for (const secret of ALL_SECRETS) expect(text).not.toContain(secret);
}

async function failureOf(run: Promise<unknown>): Promise<unknown> {
  try {
    await run;
  } catch (error) {
    return error;
  }
  throw new Error('expected a failure, but it succeeded');
}

const USERS = { resource: 'user', operation: 'list', returnAll: true };

describe('n8n nodes through n8n’s real request helper against a hostile provider', () => {
  it.each(REDIRECT_STATUSES)(
    'does not send the bearer token across origins on a %i redirect',
    async (status) => {
      const context = executeContext({ ...USERS, accountId: `redirect-${status}` });
      const error = await failureOf(new MitelCloudLink().execute.call(context));
      // The token was issued (so there was a token to leak), and the API call was answered.
      expect(provider.received.some((request) => request.url.includes('/users'))).toBe(true);
      expectClean(attacker.received.map((request) => request.headers).join('\n'));
      expect(attacker.received).toHaveLength(0);
      expect(String((error as Error).message)).toMatch(/redirect/i);
      expectClean(errorForms(error));
    },
  );

  it('keeps the token out of every form of the error when the provider echoes it', async () => {
    const context = executeContext({ ...USERS, accountId: 'echo' });
    const error = await failureOf(new MitelCloudLink().execute.call(context));
    // The provider did echo it: the test would prove nothing otherwise.
    expect(JSON.stringify(provider.received)).toContain(SECRETS['access-token']);
    expectClean(errorForms(error));
  });

  it('keeps the token out of items when a successful answer echoes it', async () => {
    const context = executeContext({ ...USERS, accountId: 'echo-ok' });
    const output = await new MitelCloudLink().execute.call(context);
    const text = inspect(output, { showHidden: true, depth: 12 });
    expect(text).toContain('Bearer ***');
    expectClean(text);
  });

  it('keeps the token out of continueOnFail items', async () => {
    const context = executeContext({ ...USERS, accountId: 'echo' }, { continueOnFail: true });
    const output = await new MitelCloudLink().execute.call(context);
    expect(JSON.stringify(output)).toContain('error');
    expectClean(inspect(output, { showHidden: true, depth: 12 }));
  });

  it('keeps the client secret out of a token failure whose body echoes the request', async () => {
    const context = executeContext({ ...USERS, accountId: 'a' }, { clientId: 'echo-client' });
    const error = await failureOf(new MitelCloudLink().execute.call(context));
    expect(JSON.stringify(provider.received)).toContain(SECRETS['client-secret']);
    expectClean(errorForms(error));
  });

  it('stops "Return All" when next links loop A → B → A, after two requests', async () => {
    const context = executeContext({ ...USERS, accountId: 'loop' });
    const error = await failureOf(new MitelCloudLink().execute.call(context));
    expect(String((error as Error).message)).toMatch(/Pagination loop/);
    expect(provider.received.filter((request) => request.url.includes('/users'))).toHaveLength(2);
  });
});

describe('the credential test request through n8n’s real request helper', () => {
  it('does not follow a redirected who-am-I with the token', async () => {
    // What n8n's RoutingNode does with a credential's test request: copy every key of
    // `request` into the options (the URL expression resolved), then send it authenticated.
    const { request } = new MitelCloudLinkApi().test;
    const options = { ...request, url: `${provider.url}/authentication/token`, headers: {} };
    const context = executeContext({});
    const error = await failureOf(
      withAuthentication().call(context, 'mitelCloudLinkApi', options as never, {
        credentialsDecrypted: { data: credentials() },
      }),
    );
    expect(provider.received.some((sent) => sent.method === 'GET')).toBe(true);
    expect(attacker.received).toHaveLength(0);
    // n8n's tester turns this into "Received HTTP status code: 302" (its own error object,
    // which it only logs at debug level, is n8n's, not built by this package).
    expect(String((error as Error).message)).toMatch(/302/);
  });
});

describe('the Mitel CloudLink Trigger through n8n’s real request helper', () => {
  const trigger = new MitelCloudLinkTrigger();

  it('stops the subscription listing when next links loop', async () => {
    const context = hookContext({ subscriptionId: 'not-there' });
    const error = await failureOf(trigger.webhookMethods.default.checkExists.call(context));
    expect(String((error as Error).message)).toMatch(/Pagination loop/);
    expect(
      provider.received.filter((request) => request.url.startsWith('/notifications/subscriptions')),
    ).toHaveLength(2);
  });

  it('does not send the token across origins when creating the subscription is redirected', async () => {
    const error = await failureOf(trigger.webhookMethods.default.create.call(hookContext({})));
    expect(attacker.received).toHaveLength(0);
    expectClean(errorForms(error));
  });

  it('keeps the token out of a failed delete whose body echoes it', async () => {
    const context = hookContext({ subscriptionId: 'sub-1' });
    const error = await failureOf(trigger.webhookMethods.default.delete.call(context));
    expect(JSON.stringify(provider.received)).toContain(SECRETS['access-token']);
    expectClean(errorForms(error));
  });
});

describe('token requests through n8n’s real request helper against a dripping provider', () => {
  it('end at the deadline although every byte arrives within any idle timeout', async () => {
    const server = createServer((_request, response) => {
      response.writeHead(200, { 'content-type': 'application/json' });
      response.write('{"access_token":"');
      const timer = setInterval(() => response.write('x'), 100);
      response.on('close', () => clearInterval(timer));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as AddressInfo;
    const transport = n8nTransport(realN8nHelpers().httpRequest);
    const started = Date.now();
    try {
      const failure = await transport({
        method: 'POST',
        url: `http://127.0.0.1:${port}/oauth/token`,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'grant_type=client_credentials',
        timeoutMs: 500,
      }).then(
        () => undefined,
        (error: unknown) => error,
      );
      expect(failure).toMatchObject({ kind: 'network', code: 'network_timeout' });
      // The drip never ends by itself: only the deadline stops it (10× the deadline: generous on a busy machine; without the signal it took ~10 s).
      expect(Date.now() - started).toBeLessThan(5_000);
    } finally {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
});
