import { inspect } from 'node:util';
import { EMULATOR_SEED, startEmulator, type Emulator } from '@switchboard/emulator';
import { expectNoSecrets, freePort, sentinelSecrets } from '@switchboard/testkit';
import {
  ApiClient,
  createAxiosTransport,
  createOAuthTokenSource,
  RedisTokenStore,
  TokenManager,
} from './engine';
import type { OAuthTokenSourceOptions, TokenSet } from './engine';
import { EARLY, recordingLogger } from './fakes';

/**
 * Runs the failure scenarios with sentinel secrets and checks that no error message, hint,
 * serialized or inspected error, stack or log line contains a secret or a token.
 */
describe('no secret or token leaks', () => {
  let emulator: Emulator;
  const transport = createAxiosTransport({ timeoutMs: 300 });
  const sentinels = sentinelSecrets('client', 'password', 'query');
  const secrets: string[] = Object.values(sentinels);
  const errors: unknown[] = [];
  const logger = recordingLogger();

  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(() => emulator.close());

  const tokens = (
    grant: OAuthTokenSourceOptions['grant'],
    request: OAuthTokenSourceOptions['request'],
    store?: RedisTokenStore,
  ) =>
    new TokenManager({
      source: createOAuthTokenSource({
        key: `leak:${request.tokenUrl}:${request.client?.placement ?? grant.type}`,
        provider: 'generic-oauth2',
        renewal: EARLY,
        grant,
        request,
        defaultExpiresInSec: 3600,
      }),
      transport,
      logger,
      secrets,
      retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      ...(store ? { store } : {}),
    });

  async function collect(run: () => Promise<unknown>): Promise<void> {
    try {
      const result = await run();
      if (result && typeof result === 'object' && 'accessToken' in result) {
        secrets.push((result as TokenSet).accessToken);
      }
    } catch (error) {
      errors.push(error);
    }
  }

  it('runs every scenario and leaks nothing', async () => {
    const tokenUrl = `${emulator.url}/generic/oauth/token`;
    const id = EMULATOR_SEED.generic.clients.service.clientId;
    for (const placement of ['body', 'basic', 'query'] as const) {
      await collect(() =>
        tokens(
          { type: 'client_credentials' },
          { tokenUrl, client: { id, secret: sentinels.client, placement } },
        ).getToken(),
      );
    }
    await collect(() =>
      tokens(
        { type: 'password', username: 'alice', password: sentinels.password },
        {
          tokenUrl,
          client: { id, secret: sentinels.client, placement: 'body' },
        },
      ).getToken(),
    );
    // Dell-style query credentials to a port where nothing listens, and to a server that hangs.
    const closed = `http://127.0.0.1:${await freePort()}/oauth/token`;
    await collect(() =>
      tokens(
        { type: 'client_credentials' },
        {
          tokenUrl: `${closed}?secret=${sentinels.query}`,
          client: { id, secret: sentinels.client, placement: 'query' },
          paramsIn: 'query',
        },
      ).getToken(),
    );
    emulator.control.injectFault({
      provider: 'generic',
      kind: 'latency',
      latencyMs: 2_000,
      target: 'token',
      count: 2,
    });
    await collect(() =>
      tokens(
        { type: 'client_credentials' },
        {
          tokenUrl,
          client: { id, secret: sentinels.client, placement: 'query' },
          paramsIn: 'query',
        },
      ).getToken(),
    );
    emulator.control.clearFaults();
    emulator.control.injectFault({ provider: 'generic', kind: 'html', target: 'token', count: 2 });
    await collect(() =>
      tokens(
        { type: 'client_credentials' },
        { tokenUrl, client: { id, secret: sentinels.client, placement: 'body' } },
      ).getToken(),
    );

    // A real token, then API failures that carry it: revoked (401 twice), scope, malformed JSON.
    const good = EMULATOR_SEED.generic.clients.readOnly;
    const store = new RedisTokenStore({
      url: `redis://:${sentinels.password}@127.0.0.1:${await freePort()}`,
      encryptionKey: 'leak-test-encryption-key-012345',
      logger,
    });
    const manager = tokens(
      { type: 'client_credentials' },
      {
        tokenUrl,
        client: { id: good.clientId, secret: good.clientSecret, placement: 'basic' },
        scope: 'read',
      },
      store,
    );
    secrets.push(good.clientSecret);
    await collect(() => manager.getToken());
    const api = new ApiClient({
      tokens: manager,
      transport,
      logger,
      secrets,
      retry: { retries: 0, baseDelayMs: 1, maxDelayMs: 1 },
    });
    emulator.control.injectFault({ provider: 'generic', kind: 'malformed-json', target: 'api' });
    await collect(() => api.send({ method: 'GET', url: `${emulator.url}/generic/api/me` }));
    emulator.control.revokeTokens('generic');
    const revoked = new Promise<void>((resolve) => {
      // Revoke again right after the retry obtains its fresh token, so both attempts get 401.
      manager.on((event) => {
        if (event.type === 'obtained') {
          emulator.control.revokeTokens('generic');
          resolve();
        }
      });
    });
    await collect(() =>
      api.send({
        method: 'GET',
        url: `${emulator.url}/generic/api/items`,
        query: { access_token: sentinels.query },
      }),
    );
    await revoked;
    secrets.push(
      ...(await manager
        .getToken()
        .then((token) => [token.accessToken])
        .catch(() => [])),
    );
    await store.close();

    const codes = errors.map((error) => (error as { code?: string }).code);
    expect(codes).toEqual(
      expect.arrayContaining([
        'invalid_client',
        'network_refused',
        'network_timeout',
        'server_error',
        'unexpected_response',
        'unauthorized',
      ]),
    );
    for (const error of errors) {
      const e = error as Error & { hint?: string };
      for (const text of [
        e.message,
        e.hint ?? '',
        String(e),
        e.stack ?? '',
        JSON.stringify(e),
        inspect(e, { depth: 10 }),
      ]) {
        expectNoSecrets(text, secrets);
      }
    }
    expect(logger.lines.length).toBeGreaterThan(0);
    expectNoSecrets(logger.lines.join('\n'), secrets);
  }, 30_000);
});
