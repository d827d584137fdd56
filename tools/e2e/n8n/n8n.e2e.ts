// A real n8n 2.41 with the packed package installed as a community package, against the
// emulator: every provider's node runs from `n8n execute`; tokens are requested once per
// credential and replaced after a revocation; the credential test tells the truth; the
// Mitel trigger subscribes, fires and unsubscribes; no secret or token leaks.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  EMULATOR_SEED,
  providerModules,
  startEmulator,
  type Emulator,
} from '@switchboard/emulator';
import { freePort } from '@switchboard/testkit';
import { API_HINTS } from '@switchboard/core/errors/api-error';
import { TOKEN_HINTS } from '@switchboard/core/errors/token-error';
import {
  continueOnFail,
  credentialJson,
  nodeItems,
  derivedCases,
  providerCases,
  triggerWorkflowJson,
  workflowId,
  workflowJson,
  type ProviderCase,
} from './fixtures';
import { N8nHome, installN8n, packPackage, type RunningN8n } from './harness';
import { RestClient } from './rest';
import { takeScreenshots } from './screenshots';

const INSTALL_TIMEOUT_MS = 20 * 60_000;
/** Typed into the credential test on purpose; must not be logged either. */
const WRONG_SECRET = 'wrong-secret-e2e-XYZ-5b1c';
const UNREACHABLE_SECRET = 'dell-down&secret=e2e+7/q';

let emulator: Emulator;
let home: N8nHome;
let cases: ProviderCase[];
let packDir: string;
const outputs: string[] = [];

function caseFor(key: string): ProviderCase {
  const found = cases.find((entry) => entry.key === key);
  if (found === undefined) throw new Error(`no case ${key}`);
  return found;
}

async function execute(id: string): Promise<Array<Record<string, unknown>>> {
  const result = await home.mustRun(['execute', `--id=${id}`, '--rawOutput']);
  outputs.push(result.stdout, result.stderr);
  return nodeItems(result.log);
}

beforeAll(async () => {
  const n8nDir = installN8n();
  emulator = await startEmulator();
  cases = providerCases(emulator.url);
  packDir = mkdtempSync(join(tmpdir(), 'switchboard-pack-'));
  home = new N8nHome(n8nDir, packPackage(packDir));
  await home.importJson('credentials', cases.map(credentialJson));
  for (const entry of cases)
    await home.importJson('workflow', workflowJson(workflowId(entry.key), entry));
}, INSTALL_TIMEOUT_MS);

afterAll(async () => {
  await emulator?.close();
  home?.remove();
  if (packDir) rmSync(packDir, { recursive: true, force: true });
});

describe('n8n execute, every provider', () => {
  it('Mitel: lists 25 users over two pages', async () => {
    const items = await execute(workflowId('mitel'));
    expect(items).toHaveLength(25);
    expect(new Set(items.map((item) => JSON.stringify(item))).size).toBe(25);
    expect(emulator.control.counters().tokenRequests.byProvider.mitel).toBe(1);
  });

  it('Dell CloudLink Center: lists machines with the secret in the token query string', async () => {
    const items = await execute(workflowId('dell'));
    expect(items.length).toBeGreaterThan(0);
    expect(emulator.control.counters().tokenRequests.byProvider.dell).toBe(1);
  });

  it('Bright Pattern: gets one user', async () => {
    const items = await execute(workflowId('bright-pattern'));
    expect(items).toHaveLength(1);
    expect(JSON.stringify(items[0])).toContain(
      caseFor('bright-pattern').parameters.loginId as string,
    );
  });

  it('Sangoma CX: places an agent call with HTTP Basic (raw) client authentication', async () => {
    const items = await execute(workflowId('sangoma'));
    expect(items).toHaveLength(1);
    expect(emulator.control.counters().tokenRequests.byProvider.sangoma).toBe(1);
  });

  it('generic OAuth2: custom request to /me', async () => {
    const items = await execute(workflowId('generic'));
    expect(items).toHaveLength(1);
    expect(emulator.control.counters().tokenRequests.byProvider.generic).toBe(1);
  });
  // Providers added after these five arrive here from their profile and emulator module alone.
  it.each(derivedCases('http://placeholder').map((entry) => entry.key))(
    '%s: its who-am-I runs with every parameter left alone, on one token',
    async (key) => {
      const items = await execute(workflowId(key));
      expect(items).toHaveLength(1);
      expect(emulator.control.counters().tokenRequests.byProvider[key]).toBe(1);
    },
  );
});

describe('token reuse and renewal across executions', () => {
  it('asks for one token per credential while it is valid', async () => {
    const before = emulator.control.counters().tokenRequests.byProvider.mitel;
    await execute(workflowId('mitel'));
    await execute(workflowId('mitel'));
    expect(emulator.control.counters().tokenRequests.byProvider.mitel).toBe(before);
  });

  it('replaces a revoked token after exactly one API 401', async () => {
    const before = emulator.control.counters();
    expect(emulator.control.revokeTokens('mitel')).toBeGreaterThan(0);
    const items = await execute(workflowId('mitel'));
    expect(items).toHaveLength(25);
    const after = emulator.control.counters();
    // Two token requests since the credential keeps its refresh token: the refresh first (the
    // revocation took the refresh token too, so it is rejected), then the full grant, once.
    expect(after.tokenRequests.byProvider.mitel).toBe(
      (before.tokenRequests.byProvider.mitel ?? 0) + 2,
    );
    // One 401 from the API, one from the token endpoint refusing the revoked refresh token.
    expect(after.unauthorized.byProvider.mitel).toBe(
      (before.unauthorized.byProvider.mitel ?? 0) + 2,
    );
  });

  it('renews a token that is about to expire before using it: no 401', async () => {
    const mitel = caseFor('mitel');
    const id = 'wfmitelwhoami000';
    await home.importJson(
      'workflow',
      workflowJson(id, mitel, { resource: 'auth', operation: 'whoAmI' }),
    );
    emulator.control.setTokenLifetime('mitel', 1);
    try {
      emulator.control.revokeTokens('mitel');
      await execute(id); // one 401, then a token that lives one second
      const before = emulator.control.counters();
      // A new n8n process takes seconds to start: by its request the token is past renewal.
      const items = await execute(id);
      expect(items).toHaveLength(1);
      const after = emulator.control.counters();
      expect(after.tokenRequests.byProvider.mitel).toBe(
        (before.tokenRequests.byProvider.mitel ?? 0) + 1,
      );
      expect(after.unauthorized.byProvider.mitel ?? 0).toBe(
        before.unauthorized.byProvider.mitel ?? 0,
      );
    } finally {
      emulator.control.setTokenLifetime('mitel', 3600);
    }
  });

  it('fails with the provider’s reason and a hint when the API rejects the request', async () => {
    const mitel = caseFor('mitel');
    const id = 'wfmitelmissing00';
    await home.importJson(
      'workflow',
      workflowJson(id, mitel, { resource: 'user', operation: 'get', userId: 'no-such-user' }),
    );
    const result = await home.run(['execute', `--id=${id}`]);
    outputs.push(result.stdout, result.stderr);
    expect(result.code).not.toBe(0);
    // The provider's own words, and core's hint on what to check.
    expect(result.log).toContain('The user was not found.');
    expect(result.log).toContain(API_HINTS.not_found ?? 'no hint');
  });
});

describe('token failures inside executions', () => {
  it('an unreachable token endpoint fails the execution with a clear reason and no secret', async () => {
    const dell = caseFor('dell');
    const down: ProviderCase = {
      ...dell,
      key: 'delldown',
      credential: {
        ...dell.credential,
        baseUrl: `http://127.0.0.1:${await freePort()}/dell`,
        clientSecret: UNREACHABLE_SECRET,
      },
    };
    await home.importJson('credentials', [credentialJson(down)]);
    await home.importJson('workflow', workflowJson(workflowId(down.key), down));
    const result = await home.run(['execute', `--id=${workflowId(down.key)}`]);
    outputs.push(result.stdout, result.stderr);
    expect(result.code).not.toBe(0);
    expect(result.log).toMatch(/refused/i);
  });

  it('a wrong secret fails the execution with the provider’s reason and a hint', async () => {
    const bright = caseFor('bright-pattern');
    const wrong: ProviderCase = {
      ...bright,
      key: 'bpwrong',
      credential: { ...bright.credential, clientSecret: WRONG_SECRET },
    };
    await home.importJson('credentials', [credentialJson(wrong)]);
    await home.importJson('workflow', workflowJson(workflowId(wrong.key), wrong));
    const result = await home.run(['execute', `--id=${workflowId(wrong.key)}`]);
    outputs.push(result.stdout, result.stderr);
    expect(result.code).not.toBe(0);
    expect(result.log).toMatch(/invalid_client/);
    // The hint is the error's description now (it was appended to the message after a dash).
    expect(result.log).toContain(TOKEN_HINTS.invalid_client ?? 'no hint');
  });
});

describe('Continue On Fail: every failure item has error, hint, code (and status)', () => {
  async function failedItem(
    key: string,
    entry: ProviderCase,
    parameters: Record<string, unknown>,
  ): Promise<Record<string, unknown>> {
    const id = workflowId(`cof${key}`);
    await home.importJson('workflow', continueOnFail(workflowJson(id, entry, parameters)));
    const items = await execute(id);
    expect(items).toHaveLength(1);
    return items[0] ?? {};
  }

  it('a token failure (wrong secret)', async () => {
    const bright = caseFor('bright-pattern');
    const wrong: ProviderCase = {
      ...bright,
      key: 'bpcof',
      credential: { ...bright.credential, clientSecret: WRONG_SECRET },
    };
    await home.importJson('credentials', [credentialJson(wrong)]);
    const item = await failedItem('token', wrong, bright.parameters);
    expect(Object.keys(item).sort()).toEqual(['code', 'error', 'hint', 'status']);
    expect(item).toMatchObject({ code: 'invalid_client', status: 401 });
    expect(String(item.hint)).not.toBe('');
    expect(JSON.stringify(item)).not.toContain(WRONG_SECRET);
  });

  it('an API failure (unknown user)', async () => {
    const item = await failedItem('api', caseFor('mitel'), {
      resource: 'user',
      operation: 'get',
      userId: 'no-such-user',
    });
    expect(Object.keys(item).sort()).toEqual(['code', 'error', 'hint', 'status']);
    expect(item).toMatchObject({ code: 'not_found', status: 404 });
    expect(item.error).toContain('The user was not found.');
  });

  it('a configuration failure (participants that are not JSON)', async () => {
    const item = await failedItem('config', caseFor('mitel'), {
      resource: 'conversation',
      operation: 'create',
      participants: 'not json',
    });
    expect(Object.keys(item).sort()).toEqual(['code', 'error', 'hint']);
    expect(item.code).toBe('invalid_configuration');
    expect(item.error).toMatch(/Participants/);
  });
});

describe('refresh tokens: Mitel password sign-in renews with its refresh token', () => {
  const admin = EMULATOR_SEED.mitel.prod.users.admin;
  let passwordCase: ProviderCase;
  const id = 'wfmitelpassword0';

  async function storedRefreshToken(): Promise<string> {
    const exportDir = mkdtempSync(join(tmpdir(), 'switchboard-export-'));
    try {
      const file = join(exportDir, 'credentials.json');
      await home.mustRun([
        'export:credentials',
        `--id=${credentialJson(passwordCase).id as string}`,
        '--decrypted',
        `--output=${file}`,
      ]);
      const [exported] = JSON.parse(readFileSync(file, 'utf8')) as Array<{
        data: { refreshToken?: string };
      }>;
      return exported?.data.refreshToken ?? '';
    } finally {
      rmSync(exportDir, { recursive: true, force: true });
    }
  }

  const tokenRequests = (): number =>
    emulator.control.counters().tokenRequests.byProvider.mitel ?? 0;

  beforeAll(async () => {
    const mitel = caseFor('mitel');
    passwordCase = {
      ...mitel,
      key: 'mitelpw',
      credential: {
        ...mitel.credential,
        grantType: 'password',
        clientSecret: '',
        username: admin.username,
        password: admin.password,
        accountId: admin.accountId,
      },
      secrets: [admin.password],
    };
    cases.push(passwordCase);
    await home.importJson('credentials', [credentialJson(passwordCase)]);
    await home.importJson(
      'workflow',
      workflowJson(id, passwordCase, { resource: 'auth', operation: 'whoAmI' }),
    );
  });

  it('signs in with the password once and keeps the refresh token', async () => {
    const before = tokenRequests();
    expect(await execute(id)).toHaveLength(1);
    expect(tokenRequests()).toBe(before + 1);
    expect(await storedRefreshToken()).not.toBe('');
  });

  it('an expired token is renewed with ONE request: the refresh, rotated', async () => {
    const first = await storedRefreshToken();
    emulator.control.advanceClock(2 * 3600); // the access token expires at the provider
    const before = tokenRequests();
    expect(await execute(id)).toHaveLength(1);
    // One token request. Had it been the refresh failing and the password after, it would be two
    // (next test); had the password been used at once, the old refresh token would still work.
    expect(tokenRequests()).toBe(before + 1);
    const second = await storedRefreshToken();
    expect(second).not.toBe('');
    expect(second).not.toBe(first);
    expect(emulator.control.revokeToken(first)).toBe(false); // single use: already spent
  });

  it('a rejected refresh token falls back to the password once', async () => {
    const current = await storedRefreshToken();
    expect(emulator.control.revokeToken(current)).toBe(true);
    emulator.control.advanceClock(2 * 3600);
    const before = tokenRequests();
    expect(await execute(id)).toHaveLength(1);
    expect(tokenRequests()).toBe(before + 2); // the rejected refresh, then the password grant
    const renewed = await storedRefreshToken();
    expect(renewed).not.toBe('');
    expect(renewed).not.toBe(current);
  });
});

describe('n8n start: credential test, trigger, editor', () => {
  let n8n: RunningN8n;
  let rest: RestClient;
  const triggerId = 'wfmiteltrigger00';

  beforeAll(async () => {
    await home.importJson(
      'workflow',
      triggerWorkflowJson(triggerId, caseFor('mitel'), 'platform-api-media'),
    );
    await home.mustRun(['publish:workflow', `--id=${triggerId}`]);
    n8n = await home.start(await freePort());
    rest = new RestClient(n8n.url);
    await rest.setupOwner();
  }, 180_000);

  afterAll(async () => {
    await n8n?.stop();
    if (n8n) outputs.push(n8n.log);
  });

  it('the Test button says OK for good credentials of every provider', async () => {
    const before = emulator.control.counters().tokenRequests.byProvider;
    for (const entry of cases) {
      const result = await rest.testCredential(credentialJson(entry));
      expect({ provider: entry.key, ...result }).toEqual(
        expect.objectContaining({ provider: entry.key, status: 'OK' }),
      );
    }
    // n8n runs the grant for every test, whatever token is stored: the test is never stale.
    const after = emulator.control.counters().tokenRequests.byProvider;
    for (const provider of providerModules.map((module) => module.name)) {
      expect(after[provider]).toBeGreaterThan(before[provider] ?? 0);
    }
  });

  it('the Test button fails for sandbox credentials pointed at production, naming the client', async () => {
    const mitel = caseFor('mitel');
    const sandbox = EMULATOR_SEED.mitel.sandbox.clients.acmeAdmin;
    const mixed = credentialJson({
      ...mitel,
      credential: {
        ...mitel.credential,
        clientId: sandbox.clientId,
        clientSecret: sandbox.clientSecret,
        accountId: sandbox.accountId,
      },
    });
    const result = await rest.testCredential(mixed);
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/client/i);
    expect(result.message).not.toContain(sandbox.clientSecret);
  });

  it('the Test button explains a wrong secret with core’s hint, without the secret', async () => {
    const mitel = caseFor('mitel');
    const wrong = credentialJson({
      ...mitel,
      credential: { ...mitel.credential, clientSecret: WRONG_SECRET },
    });
    const result = await rest.testCredential(wrong);
    expect(result.status).toBe('Error');
    expect(result.message).toMatch(/secret/i);
    expect(result.message).toContain('—');
    expect(result.message).not.toContain(WRONG_SECRET);
  });

  it('the trigger subscribes on activation, runs for its own deliveries, unsubscribes on deactivation', async () => {
    const subscriptions = emulator.control.listSubscriptions();
    expect(subscriptions).toHaveLength(1);
    const [subscription] = subscriptions;
    expect(subscription?.deviceId).toContain(`${n8n.url}/webhook/`);
    expect(subscription?.topic).toBe('platform-api-media');

    const before = await rest.executionCount(triggerId);
    // A delivery for someone else's subscription is answered without starting the workflow.
    const foreign = await fetch(subscription?.deviceId ?? '', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        topic: 'platform-api-media',
        subscription: { subscriptionId: 'not-ours' },
      }),
    });
    expect(foreign.status).toBe(200);
    const deliveries = await emulator.control.deliverNotification({ topic: 'platform-api-media' });
    expect(deliveries.map((delivery) => delivery.status)).toEqual([200]);
    await rest.waitForExecutions(triggerId, before + 1);
    expect(await rest.executionCount(triggerId)).toBe(before + 1);

    await rest.deactivate(triggerId);
    // n8n removes the webhook after answering the request: poll, bounded.
    for (
      let attempt = 0;
      attempt < 100 && emulator.control.listSubscriptions().length > 0;
      attempt++
    ) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(emulator.control.listSubscriptions()).toHaveLength(0);
  });

  it('shows the provider’s fields in the credential dialog and the node panel', async () => {
    const mitel = caseFor('mitel');
    const shown = await takeScreenshots(n8n.url, rest.owner, workflowId('mitel'), mitel);
    expect(shown.credentialDialog).toEqual(
      expect.arrayContaining(['Environment', 'Client ID', 'Client Secret']),
    );
    expect(shown.nodePanel).toEqual(
      expect.arrayContaining(['Resource', 'Operation', 'Account ID']),
    );
  });
});

describe('no secret leaks', () => {
  it('finds no client secret or access token in the database, logs or outputs', async () => {
    const exportDir = mkdtempSync(join(tmpdir(), 'switchboard-export-'));
    let tokens: string[];
    try {
      // The only way to learn the stored tokens: n8n's own decrypted export, removed at once.
      const file = join(exportDir, 'credentials.json');
      await home.mustRun(['export:credentials', '--all', '--decrypted', `--output=${file}`]);
      const exported = JSON.parse(readFileSync(file, 'utf8')) as Array<{
        data: { accessToken?: string; refreshToken?: string };
      }>;
      tokens = exported
        .flatMap((entry) => [entry.data.accessToken ?? '', entry.data.refreshToken ?? ''])
        .filter((token) => token !== '');
    } finally {
      rmSync(exportDir, { recursive: true, force: true });
    }
    expect(tokens.length).toBeGreaterThanOrEqual(cases.length);
    const secrets = [
      ...cases.flatMap((entry) => entry.secrets),
      WRONG_SECRET,
      UNREACHABLE_SECRET,
      EMULATOR_SEED.mitel.sandbox.clients.acmeAdmin.clientSecret,
    ];
    const needles = [...secrets, ...secrets.map(encodeURIComponent), ...tokens];
    const haystacks = [
      ...home.files().map((file) => ({ name: file, text: readFileSync(file).toString('latin1') })),
      ...[...outputs, ...home.allOutputs()].map((text, index) => ({
        name: `output #${index}`,
        text,
      })),
    ];
    // The scan reads n8n's real database (file or write-ahead log): it holds the credentials'
    // names in clear.
    const readsDatabase = haystacks.some(
      ({ name, text }) => /database\.sqlite/.test(name) && text.includes('mitel e2e'),
    );
    expect(readsDatabase).toBe(true);
    const leaks = haystacks.flatMap(({ name, text }) =>
      needles
        .filter((needle) => text.includes(needle))
        .map((needle) => `${name}: ${needle.slice(0, 6)}…`),
    );
    expect(leaks).toEqual([]);
  });
});
