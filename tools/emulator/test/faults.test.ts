import { request } from 'node:http';
import { call, EMULATOR_SEED, sendJson, useEmulator } from './helpers';

const dell = EMULATOR_SEED.dell.clients.admin;

describe('fault injection', () => {
  const emulator = useEmulator();
  const tokenUrl = () =>
    `${emulator().url}/dell/cloudlink/oauth/token?${new URLSearchParams({ grant_type: 'client_credentials', client_id: dell.clientId, client_secret: dell.clientSecret, scope: 'all' }).toString()}`;
  const getToken = () => call(tokenUrl(), { method: 'POST' });

  it('answers the next N token requests with a 5xx, then recovers', async () => {
    emulator().control.injectFault({
      provider: 'dell',
      kind: 'status',
      status: 503,
      count: 2,
      target: 'token',
    });
    expect((await getToken()).status).toBe(503);
    expect((await getToken()).status).toBe(503);
    expect((await getToken()).status).toBe(200);
    const counters = emulator().control.counters();
    expect(counters.tokenRequests.byProvider.dell).toBe(3);
    expect(counters.faultsApplied.byKind.status).toBe(2);
  });

  it('answers 429 with Retry-After in seconds', async () => {
    emulator().control.injectFault({ provider: 'dell', kind: 'rate-limit', retryAfterSec: 7 });
    const answer = await getToken();
    expect(answer.status).toBe(429);
    expect(answer.headers.get('retry-after')).toBe('7');
  });

  it('answers 429 with Retry-After as an HTTP date when asked', async () => {
    emulator().control.injectFault({
      provider: 'dell',
      kind: 'rate-limit',
      retryAfterSec: 30,
      retryAfterFormat: 'date',
    });
    const answer = await getToken();
    expect(answer.status).toBe(429);
    const date = Date.parse(answer.headers.get('retry-after') ?? '');
    expect(date - Date.now()).toBeGreaterThan(20_000);
    expect(date - Date.now()).toBeLessThanOrEqual(31_000);
    expect(() =>
      emulator().control.injectFault({
        provider: 'dell',
        kind: 'rate-limit',
        retryAfterFormat: 'soon' as never,
      }),
    ).toThrow('retryAfterFormat');
  });

  it('serves malformed JSON and an HTML error page', async () => {
    emulator().control.injectFault({ provider: 'dell', kind: 'malformed-json' });
    emulator().control.injectFault({ provider: 'dell', kind: 'html' });
    const malformed = await fetch(tokenUrl(), { method: 'POST' });
    expect(malformed.status).toBe(200);
    expect(malformed.headers.get('content-type')).toContain('application/json');
    await expect(malformed.json()).rejects.toThrow();
    const html = await call(tokenUrl(), { method: 'POST' });
    expect(html.status).toBe(502);
    expect(html.headers.get('content-type')).toContain('text/html');
    expect(html.text).toContain('<html>');
  });

  it('resets the connection', async () => {
    emulator().control.injectFault({ provider: 'dell', kind: 'reset' });
    const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
      const req = request(tokenUrl(), { method: 'POST', agent: false }, () =>
        reject(new Error('expected a reset')),
      );
      req.on('error', resolve);
      req.end();
    });
    expect(error.code).toBe('ECONNRESET');
    expect((await getToken()).status).toBe(200);
  });

  it('delays a request by the given latency and then answers normally', async () => {
    emulator().control.injectFault({ provider: 'dell', kind: 'latency', latencyMs: 50 });
    const answer = await getToken();
    expect(answer.status).toBe(200);
    expect(emulator().control.counters().faultsApplied.byKind.latency).toBe(1);
  });

  it('targets token or API traffic and only the named provider', async () => {
    emulator().control.injectFault({
      provider: 'dell',
      kind: 'status',
      status: 500,
      target: 'api',
    });
    emulator().control.injectFault({ provider: 'mitel', kind: 'status', status: 500 });
    const token = await getToken();
    expect(token.status).toBe(200);
    const api = await call(`${emulator().url}/dell/cloudlink/rest/users`, {
      headers: { authorization: `Bearer ${String(token.body.access_token)}` },
    });
    expect(api.status).toBe(500);
    expect(emulator().control.pendingFaults()).toEqual([
      expect.objectContaining({ provider: 'mitel', remaining: 1 }),
    ]);
  });

  it('adds the Mitel correlation id to faulted answers too', async () => {
    emulator().control.injectFault({ provider: 'mitel', kind: 'status', status: 500 });
    const answer = await call(`${emulator().url}/mitel/prod/authentication/2017-09-01/token`, {
      method: 'POST',
    });
    expect(answer.status).toBe(500);
    expect(answer.headers.get('x-mitel-correlation-id')).toBeTruthy();
  });

  it('takes faults over HTTP, validates them and clears them', async () => {
    const control = `${emulator().url}/_control/faults`;
    const added = await sendJson<unknown[]>(control, 'POST', {
      faults: [{ provider: 'sangoma-cx', kind: 'status', count: 3 }],
    });
    expect(added.status).toBe(201);
    expect(added.body).toEqual([expect.objectContaining({ provider: 'sangoma', remaining: 3 })]);
    const invalid = await sendJson(control, 'POST', { provider: 'dell', kind: 'explode' });
    expect(invalid.status).toBe(400);
    expect(invalid.body.error_description).toContain('fault.kind');
    expect((await sendJson(control, 'POST', { provider: 'dell', kind: 'latency' })).status).toBe(
      400,
    );
    expect((await call(control, { method: 'DELETE' })).status).toBe(204);
    expect((await call(control)).body).toEqual([]);
  });
});

describe('fault bodies in the provider shape', () => {
  const emulator = useEmulator();

  it('answers Mitel faults with {name, message}', async () => {
    emulator().control.injectFault({ provider: 'mitel', kind: 'rate-limit', retryAfterSec: 2 });
    const answer = await call(`${emulator().url}/mitel/prod/authentication/2017-09-01/token`, {
      method: 'POST',
    });
    expect(answer.status).toBe(429);
    expect(answer.body).toEqual({
      name: 'TooManyRequests',
      message: expect.stringContaining('2 s'),
    });
  });

  it('answers Sangoma API faults like the CX API and token faults like RFC 6749', async () => {
    emulator().control.injectFault({ provider: 'sangoma', kind: 'status', status: 500, count: 2 });
    const api = await call(`${emulator().url}/sangoma/cpaas/cx/api/v1/agents/call/`, {
      method: 'POST',
    });
    expect(api.body).toEqual({ detail: expect.any(String) });
    const token = await call(`${emulator().url}/sangoma/auth/oauth/token`, { method: 'POST' });
    expect(token.body).toEqual({ error: 'server_error', error_description: expect.any(String) });
  });

  it('answers Bright Pattern API faults with {error: {code, message}}', async () => {
    emulator().control.injectFault({
      provider: 'bright-pattern',
      kind: 'status',
      status: 503,
      target: 'api',
    });
    const answer = await call(`${emulator().url}/bright-pattern/configapi/v2/phone/ext`);
    expect(answer.body).toEqual({ error: { code: 503, message: expect.any(String) } });
  });
});
