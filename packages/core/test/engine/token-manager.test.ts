import {
  backoffDelay,
  DEFAULT_REFRESH_TOKEN_LIFETIME_SEC,
  isExpired,
  keepTokenUntil,
  needsRenewal,
  SwitchboardError,
  TokenManager,
  withRefreshExpiry,
} from './engine';
import type { HttpResponse, TokenSet, TokenStore } from './engine';
import {
  EARLY,
  FakeClock,
  brokenStore,
  deferred,
  fakeTransport,
  formOf,
  recordingLogger,
  recordingSleep,
  statusResponse,
  testSource,
  tokenResponse,
} from './fakes';

const YEAR_SEC = 365 * 24 * 3600;

describe('needsRenewal / isExpired', () => {
  const token = (obtainedAt: number, lifetimeMs: number): TokenSet => ({
    accessToken: 'a',
    tokenType: 'Bearer',
    obtainedAt,
    expiresAt: obtainedAt + lifetimeMs,
  });

  it('early: renews when less than the skew remains', () => {
    const t = token(0, 3_600_000);
    expect(needsRenewal(t, EARLY, 3_600_000 - 60_001)).toBe(false);
    expect(needsRenewal(t, EARLY, 3_600_000 - 60_000)).toBe(true);
  });

  it('early: clamps the skew to a fraction of short lifetimes', () => {
    const t = token(0, 100_000); // 100 s token, 60 s skew would renew after 40 s
    expect(needsRenewal(t, EARLY, 80_000)).toBe(false);
    expect(needsRenewal(t, EARLY, 90_000)).toBe(true);
  });

  it('at-expiry: keeps the token until it has expired', () => {
    const t = token(0, 1000);
    expect(needsRenewal(t, { mode: 'at-expiry' }, 999)).toBe(false);
    expect(needsRenewal(t, { mode: 'at-expiry' }, 1000)).toBe(true);
    expect(isExpired(t, 999)).toBe(false);
    expect(isExpired(t, 1000)).toBe(true);
  });
});

describe('backoffDelay', () => {
  const policy = { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 };
  it('grows exponentially with jitter between half and the whole ceiling, capped', () => {
    expect(backoffDelay(0, policy, () => 0)).toBe(50);
    expect(backoffDelay(0, policy, () => 1)).toBe(100);
    expect(backoffDelay(2, policy, () => 0)).toBe(200);
    expect(backoffDelay(2, policy, () => 1)).toBe(400);
    expect(backoffDelay(10, policy, () => 1)).toBe(1000);
    expect(backoffDelay(1000, policy, () => 0.5)).toBe(750);
  });
});

describe('TokenManager', () => {
  const retry = { retries: 3, baseDelayMs: 100, maxDelayMs: 1000 };

  function setup(
    responder: Parameters<typeof fakeTransport>[0],
    renewal = EARLY,
    extra: Partial<ConstructorParameters<typeof TokenManager>[0]> = {},
  ) {
    const clock = new FakeClock();
    const transport = fakeTransport(responder);
    const sleep = recordingSleep();
    const logger = recordingLogger();
    const manager = new TokenManager({
      source: testSource(clock, renewal),
      transport,
      clock,
      sleep,
      logger,
      retry,
      random: () => 0.5,
      ...extra,
    });
    return { clock, transport, sleep, logger, manager };
  }

  it('caches the token', async () => {
    const { manager, transport } = setup(() => tokenResponse('t1', 3600));
    expect((await manager.getToken()).accessToken).toBe('t1');
    expect((await manager.getToken()).accessToken).toBe('t1');
    expect(transport.requests).toHaveLength(1);
  });

  it('1,000 concurrent cold callers make exactly one token request', async () => {
    const gate = deferred<HttpResponse>();
    const { manager, transport } = setup(() => gate.promise);
    const callers = Array.from({ length: 1000 }, () => manager.getToken());
    gate.resolve(tokenResponse('shared', 3600));
    const tokens = await Promise.all(callers);
    expect(new Set(tokens.map((token) => token.accessToken))).toEqual(new Set(['shared']));
    expect(transport.requests).toHaveLength(1);
  });

  it('a failed request does not poison the cache: the next caller retries', async () => {
    const { manager, transport } = setup((_request, index) =>
      index === 0 ? statusResponse(400, { error: 'invalid_request' }) : tokenResponse('t2', 3600),
    );
    const concurrent = [manager.getToken(), manager.getToken()];
    for (const call of concurrent)
      await expect(call).rejects.toMatchObject({ code: 'invalid_request' });
    expect(transport.requests).toHaveLength(1);
    expect((await manager.getToken()).accessToken).toBe('t2');
    expect(transport.requests).toHaveLength(2);
  });

  it('early: renews shortly before expiry, not before', async () => {
    let n = 0;
    const { manager, clock, transport } = setup(() => tokenResponse(`t${++n}`, 3600));
    await manager.getToken();
    clock.advance(3_600_000 - 60_001);
    expect((await manager.getToken()).accessToken).toBe('t1');
    clock.advance(2);
    expect((await manager.getToken()).accessToken).toBe('t2');
    expect(transport.requests).toHaveLength(2);
  });

  it('at-expiry: reuses a 1-year token until it has expired, without any timer', async () => {
    let n = 0;
    const { manager, clock, transport } = setup(() => tokenResponse(`y${++n}`, YEAR_SEC), {
      mode: 'at-expiry',
    });
    const spy = jest.spyOn(global, 'setTimeout');
    try {
      await manager.getToken();
      for (let day = 0; day < 364; day += 1) {
        clock.advance(24 * 3600 * 1000);
        expect((await manager.getToken()).accessToken).toBe('y1');
      }
      clock.advance(24 * 3600 * 1000);
      expect((await manager.getToken()).accessToken).toBe('y2');
      expect(spy).not.toHaveBeenCalled();
    } finally {
      spy.mockRestore();
    }
    expect(transport.requests).toHaveLength(2);
  });

  it('uses and rotates the refresh token', async () => {
    const { manager, clock, transport } = setup((request, index) => {
      const form = formOf(request);
      if (form['grant_type'] === 'client_credentials') return tokenResponse('a0', 60, 'r0');
      return tokenResponse(`a${index}`, 60, `r${index}`);
    });
    await manager.getToken();
    clock.advance(61_000);
    await manager.getToken();
    clock.advance(61_000);
    await manager.getToken();
    const forms = transport.requests.map(formOf);
    expect(forms.map((form) => form['grant_type'])).toEqual([
      'client_credentials',
      'refresh_token',
      'refresh_token',
    ]);
    expect(forms[1]?.['refresh_token']).toBe('r0');
    expect(forms[2]?.['refresh_token']).toBe('r1');
  });

  it('keeps the refresh token when the refresh response omits it', async () => {
    const { manager, clock, transport } = setup((request) =>
      formOf(request)['grant_type'] === 'client_credentials'
        ? tokenResponse('a0', 60, 'keep')
        : tokenResponse('a1', 60),
    );
    await manager.getToken();
    clock.advance(61_000);
    await manager.getToken();
    clock.advance(61_000);
    await manager.getToken();
    expect(transport.requests.map((request) => formOf(request)['refresh_token'])).toEqual([
      undefined,
      'keep',
      'keep',
    ]);
  });

  it('falls back to the full grant once when the refresh is rejected', async () => {
    const { manager, clock, transport } = setup((request) => {
      const grant = formOf(request)['grant_type'];
      if (grant === 'refresh_token') return statusResponse(400, { error: 'invalid_grant' });
      return tokenResponse(`full${transport.requests.length}`, 60, 'r');
    });
    await manager.getToken();
    clock.advance(61_000);
    expect((await manager.getToken()).accessToken).toBe('full3');
    expect(transport.requests.map((request) => formOf(request)['grant_type'])).toEqual([
      'client_credentials',
      'refresh_token',
      'client_credentials',
    ]);
  });

  it('does not try a rejected refresh token again when the full grant failed too', async () => {
    let fullGrants = 0;
    const { manager, clock, transport } = setup((request) => {
      const grant = formOf(request)['grant_type'];
      if (grant === 'refresh_token') return statusResponse(400, { error: 'invalid_grant' });
      fullGrants += 1;
      if (fullGrants === 2) return statusResponse(401, { error: 'invalid_client' });
      return tokenResponse(`full${fullGrants}`, 60, `r${fullGrants}`);
    });
    await manager.getToken();
    clock.advance(61_000);
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'invalid_client' });
    expect((await manager.getToken()).accessToken).toBe('full3');
    expect(transport.requests.map((request) => formOf(request)['grant_type'])).toEqual([
      'client_credentials',
      'refresh_token',
      'client_credentials',
      'client_credentials',
    ]);
  });

  it('retries a refresh that failed with 5xx instead of dropping the refresh token', async () => {
    const { manager, clock, transport } = setup((request, index) => {
      if (formOf(request)['grant_type'] === 'client_credentials')
        return tokenResponse('a0', 60, 'r0');
      return index === 1 ? statusResponse(502) : tokenResponse('a2', 60, 'r2');
    });
    await manager.getToken();
    clock.advance(61_000);
    expect((await manager.getToken()).accessToken).toBe('a2');
    expect(transport.requests.map((request) => formOf(request)['grant_type'])).toEqual([
      'client_credentials',
      'refresh_token',
      'refresh_token',
    ]);
  });

  it('invalidate drops the current token; a late 401 with an old token keeps the fresh one', async () => {
    let n = 0;
    const { manager, transport } = setup(() => tokenResponse(`t${++n}`, 3600));
    const old = await manager.getToken();
    await manager.invalidate(old.accessToken);
    const fresh = await manager.getToken();
    expect(fresh.accessToken).toBe('t2');
    await manager.invalidate(old.accessToken); // late 401 carrying t1
    expect((await manager.getToken()).accessToken).toBe('t2');
    expect(transport.requests).toHaveLength(2);
  });

  it('retries 5xx, 429 and network errors with backoff, honouring Retry-After in both forms', async () => {
    const date = new Date(new FakeClock().now() + 5_000).toUTCString();
    const { manager, transport, sleep } = setup(
      (_request, index) => {
        switch (index) {
          case 0:
            return statusResponse(503);
          case 1:
            return statusResponse(429, {}, { 'retry-after': '7' });
          case 2:
            return statusResponse(429, {}, { 'retry-after': date });
          default:
            return tokenResponse('ok', 3600);
        }
      },
      EARLY,
      { retry: { retries: 5, baseDelayMs: 100, maxDelayMs: 1000 } },
    );
    expect((await manager.getToken()).accessToken).toBe('ok');
    expect(transport.requests).toHaveLength(4);
    expect(sleep.calls[0]).toBe(75); // backoff(0) with random 0.5
    expect(sleep.calls[1]).toBe(7000);
    expect(sleep.calls[2]).toBeGreaterThanOrEqual(4000);
    expect(sleep.calls[2]).toBeLessThanOrEqual(6000);
  });

  it('retries network errors', async () => {
    const { manager, transport } = setup((_request, index) => {
      if (index < 2) {
        throw new SwitchboardError({
          kind: 'network',
          code: 'network_reset',
          message: 'reset',
          hint: '',
        });
      }
      return tokenResponse('ok', 3600);
    });
    expect((await manager.getToken()).accessToken).toBe('ok');
    expect(transport.requests).toHaveLength(3);
  });

  it.each([400, 401])('never retries a token-endpoint %i', async (status) => {
    const { manager, transport, sleep } = setup(() =>
      statusResponse(status, { error: 'invalid_client' }),
    );
    await expect(manager.getToken()).rejects.toMatchObject({ status, kind: 'token' });
    expect(transport.requests).toHaveLength(1);
    expect(sleep.calls).toEqual([]);
  });

  it('gives up after the configured retries and reports the last error', async () => {
    const { manager, transport } = setup(() => statusResponse(500));
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'server_error' });
    expect(transport.requests).toHaveLength(retry.retries + 1);
  });

  it('does not wait for a Retry-After longer than a minute', async () => {
    const { manager, transport } = setup(() => statusResponse(429, {}, { 'retry-after': '3600' }));
    await expect(manager.getToken()).rejects.toMatchObject({
      code: 'rate_limited',
      retryAfterMs: 3_600_000,
    });
    expect(transport.requests).toHaveLength(1);
  });

  it('emits requesting / obtained / failed events', async () => {
    const { manager } = setup((_request, index) =>
      index === 0 ? statusResponse(401) : tokenResponse('t', 3600),
    );
    const events: string[] = [];
    const off = manager.on((event) =>
      events.push(event.type === 'failed' ? `failed:${event.code}` : event.type),
    );
    await expect(manager.getToken()).rejects.toBeInstanceOf(SwitchboardError);
    await manager.getToken();
    off();
    expect(events).toEqual(['requesting', 'failed:invalid_client', 'requesting', 'obtained']);
  });

  it('keeps working with a failing store and warns once', async () => {
    let n = 0;
    const { manager, logger, clock } = setup(() => tokenResponse(`t${++n}`, 60), EARLY, {
      store: brokenStore(),
    });
    expect((await manager.getToken()).accessToken).toBe('t1');
    await manager.invalidate('t1');
    expect((await manager.getToken()).accessToken).toBe('t2');
    clock.advance(61_000);
    expect((await manager.getToken()).accessToken).toBe('t3');
    expect(logger.lines.filter((line) => line.startsWith('warn'))).toHaveLength(1);
  });

  it('with a locking store: read → lock → re-read → fetch → store → release', async () => {
    const calls: string[] = [];
    const tokens = new Map<string, TokenSet>();
    const store: TokenStore = {
      get: async (key) => (calls.push('get'), tokens.get(key)),
      set: async (key, token) => (calls.push('set'), void tokens.set(key, token)),
      delete: async () => undefined,
      deleteIf: async () => undefined,
      lock: async () => (calls.push('lock'), async () => void calls.push('release')),
      close: async () => undefined,
    };
    const { manager } = setup(() => (calls.push('fetch'), tokenResponse('t', 3600)), EARLY, {
      store,
    });
    await manager.getToken();
    expect(calls).toEqual(['get', 'lock', 'get', 'fetch', 'set', 'release']);
  });

  it('uses a token another process stored while it waited for the lock', async () => {
    const fresh: TokenSet = {
      accessToken: 'other',
      tokenType: 'Bearer',
      obtainedAt: 0,
      expiresAt: Number.MAX_SAFE_INTEGER,
    };
    let stored: TokenSet | undefined;
    const store: TokenStore = {
      get: async () => stored,
      set: async () => undefined,
      delete: async () => undefined,
      deleteIf: async () => undefined,
      lock: async () => {
        stored = fresh;
        return async () => undefined;
      },
      close: async () => undefined,
    };
    const { manager, transport } = setup(() => tokenResponse('mine', 3600), EARLY, { store });
    expect((await manager.getToken()).accessToken).toBe('other');
    expect(transport.requests).toHaveLength(0);
  });

  it('rejects after close and cancels a pending retry wait', async () => {
    const clock = new FakeClock();
    const manager = new TokenManager({
      source: testSource(clock),
      transport: fakeTransport(() => statusResponse(503)),
      clock,
      retry: { retries: 3, baseDelayMs: 60_000, maxDelayMs: 60_000 },
    });
    const pending = manager.getToken();
    await new Promise((resolve) => setImmediate(resolve));
    await manager.close();
    await expect(pending).rejects.toMatchObject({ code: 'invalid_configuration' });
    await expect(manager.getToken()).rejects.toMatchObject({
      message: expect.stringMatching(/closed/),
    });
  });
});

describe('TokenManager: an early renewal that fails while the token is still valid', () => {
  const SECRET = 'SENTINEL-renewal-secret';
  const LIFETIME_MS = 3_600_000;
  /** 30 s before expiry: inside the 60 s early-renewal window. */
  const INTO_WINDOW_MS = LIFETIME_MS - 30_000;

  function setup(renewalResponse: () => HttpResponse) {
    const clock = new FakeClock();
    let issued = 0;
    const transport = fakeTransport((_request, index) =>
      index === 0 ? tokenResponse(`SENTINEL-access-${++issued}`, 3600) : renewalResponse(),
    );
    const logger = recordingLogger();
    const manager = new TokenManager({
      source: testSource(clock, EARLY, SECRET),
      transport,
      clock,
      logger,
      retry: { retries: 2, baseDelayMs: 100, maxDelayMs: 1000 },
      sleep: recordingSleep(),
      random: () => 0.5,
      secrets: [SECRET],
    });
    const events: string[] = [];
    manager.on((event) =>
      events.push(event.type === 'failed' ? `failed:${event.code}` : event.type),
    );
    const warnings = () => logger.lines.filter((line) => line.startsWith('warn'));
    return { clock, transport, logger, manager, events, warnings };
  }

  it('returns the valid token after 5xx retries, warns once, and retries after the cool-down', async () => {
    let renewal = statusResponse(503);
    const { clock, transport, logger, manager, events, warnings } = setup(() => renewal);
    const first = await manager.getToken();
    clock.advance(INTO_WINDOW_MS);
    expect(await manager.getToken()).toBe(first);
    expect(transport.requests).toHaveLength(1 + 3); // the grant, then one attempt + 2 retries
    expect(events).toContain('failed:server_error');
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toContain(new Date(first.expiresAt).toISOString());
    expect(warnings()[0]).toMatch(/retried on the next use/);
    expect(logger.lines.join('\n')).not.toMatch(/SENTINEL/);

    // Cool-down: 10% of the 30 s left. Within it, no request at all.
    expect(await manager.getToken()).toBe(first);
    clock.advance(2_999);
    expect(await manager.getToken()).toBe(first);
    expect(transport.requests).toHaveLength(4);

    // After it, the next use tries again; a second failure does not warn again.
    clock.advance(1);
    expect(await manager.getToken()).toBe(first);
    expect(transport.requests).toHaveLength(7);
    expect(warnings()).toHaveLength(1);

    renewal = tokenResponse('SENTINEL-access-renewed', 3600);
    clock.advance(3_000);
    expect((await manager.getToken()).accessToken).toBe('SENTINEL-access-renewed');
    expect(events.at(-1)).toBe('obtained');
  });

  it('also for 400/401 from the token endpoint; concurrent callers share one attempt', async () => {
    const { clock, transport, manager, events, warnings } = setup(() =>
      statusResponse(401, { error: 'invalid_client' }),
    );
    const first = await manager.getToken();
    clock.advance(INTO_WINDOW_MS);
    const tokens = await Promise.all(Array.from({ length: 10 }, () => manager.getToken()));
    expect(tokens.every((token) => token === first)).toBe(true);
    expect(transport.requests).toHaveLength(2);
    expect(events.filter((event) => event === 'failed:invalid_client')).toHaveLength(1);
    expect(warnings()).toHaveLength(1);
    expect(warnings()[0]).toMatch(/invalid_client/);
  });

  it('once the token has expired, the failure reaches the caller as before', async () => {
    const { clock, manager } = setup(() => statusResponse(503));
    const first = await manager.getToken();
    clock.advance(INTO_WINDOW_MS);
    expect(await manager.getToken()).toBe(first);
    clock.advance(30_000);
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'server_error' });
  });

  it('never falls back to a token the provider rejected (invalidated after a 401)', async () => {
    const { clock, manager } = setup(() => statusResponse(503));
    const first = await manager.getToken();
    clock.advance(INTO_WINDOW_MS);
    await manager.invalidate(first.accessToken);
    await expect(manager.getToken()).rejects.toMatchObject({ code: 'server_error' });
  });
});

describe('refresh-token lifetime (how long stores keep a token)', () => {
  const HOUR_MS = 3_600_000;
  const DAY_MS = 24 * HOUR_MS;

  function setup(lifetimeSec?: number) {
    const clock = new FakeClock();
    const transport = fakeTransport((request, index) =>
      formOf(request)['grant_type'] === 'refresh_token' && index === 2
        ? tokenResponse(`a${index}`, 3600) // refresh answer without a new refresh token
        : tokenResponse(`a${index}`, 3600, `r${index}`),
    );
    const base = testSource(clock);
    const source =
      lifetimeSec === undefined ? base : { ...base, refreshTokenLifetimeSec: lifetimeSec };
    const manager = new TokenManager({ source, transport, clock, random: () => 0.5 });
    return { clock, manager };
  }

  it('stamps refreshExpiresAt from the declared lifetime, keeping it when the refresh token is kept', async () => {
    const { clock, manager } = setup(14 * 24 * 3600);
    const first = await manager.getToken();
    expect(first.refreshExpiresAt).toBe(first.obtainedAt + 14 * DAY_MS);
    expect(keepTokenUntil(first)).toBe(first.obtainedAt + 14 * DAY_MS);
    clock.advance(HOUR_MS);
    const rotated = await manager.getToken();
    expect(rotated.refreshToken).toBe('r1');
    expect(rotated.refreshExpiresAt).toBe(rotated.obtainedAt + 14 * DAY_MS);
    clock.advance(HOUR_MS);
    const kept = await manager.getToken();
    expect(kept.refreshToken).toBe('r1');
    expect(kept.refreshExpiresAt).toBe(rotated.refreshExpiresAt);
  });

  it('assumes 24 hours when the source declares no lifetime; no refresh token, no extension', async () => {
    const { manager } = setup();
    const token = await manager.getToken();
    expect(DEFAULT_REFRESH_TOKEN_LIFETIME_SEC).toBe(24 * 3600);
    expect(token.refreshExpiresAt).toBe(token.obtainedAt + DAY_MS);
    const plain: TokenSet = {
      accessToken: 'x',
      tokenType: 'Bearer',
      obtainedAt: 0,
      expiresAt: HOUR_MS,
    };
    expect(withRefreshExpiry(plain, undefined, 60)).toBe(plain);
    expect(keepTokenUntil(plain)).toBe(HOUR_MS);
    // A token stored by someone else with a refresh token but no stamp is kept a day too.
    expect(keepTokenUntil({ ...plain, refreshToken: 'r' })).toBe(DAY_MS);
  });
});
