// The guard core puts around every transport: a deadline for transports that hang, errors
// without the request's secrets, the response size limit. Fake transports: this is a unit test
// of the wrapper (the hostile suite runs the same properties over real HTTP).
import { guardHostTransport, guardTransport } from '../../src/transport/guard-transport';
import type { HttpRequest, HttpResponse, Transport } from '../../src/transport/types';

const SECRET = 'guard-client-secret-0123456789';
const TOKEN = 'guard-access-token-abcdefghij';
const request: HttpRequest = {
  method: 'POST',
  url: 'https://api.example.com/v1/things?api_key=query-secret-value',
  headers: { authorization: `Bearer ${TOKEN}` },
  body: `client_secret=${SECRET}`,
  timeoutMs: 20,
};
const ok: HttpResponse = { status: 200, headers: {}, body: '{"ok":true}' };

/** A library error that carries the whole request, as HTTP libraries' errors do. */
function leakyError(): Error {
  const error = new Error(`socket hang up sending Bearer ${TOKEN} with ${SECRET}`);
  Object.assign(error, { code: 'ECONNRESET', config: request });
  return error;
}

describe.each([
  ['guardTransport', guardTransport],
  ['guardHostTransport', guardHostTransport],
])('%s', (_name, guard) => {
  it('passes a response through unchanged', async () => {
    await expect(guard(() => Promise.resolve(ok), [SECRET])(request)).resolves.toBe(ok);
  });

  it('turns a leaky rejection into a network error without any secret', async () => {
    const error: unknown = await guard(
      () => Promise.reject(leakyError()),
      [SECRET],
    )(request).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: 'network', code: 'network_reset' });
    const text = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack ?? ''}`;
    for (const secret of [SECRET, TOKEN, 'query-secret-value']) expect(text).not.toContain(secret);
    expect(error).not.toHaveProperty('config');
  });

  it('turns a transport that throws instead of rejecting into the same safe error', async () => {
    const throwing: Transport = () => {
      throw leakyError();
    };
    const error: unknown = await guard(throwing, [SECRET])(request).catch(
      (caught: unknown) => caught,
    );
    expect(error).toMatchObject({ kind: 'network', code: 'network_reset' });
    expect((error as Error).message).not.toContain(SECRET);
  });

  it('refuses a body over maxResponseBytes with response_too_large', async () => {
    await expect(
      guard(() => Promise.resolve(ok))({ ...request, maxResponseBytes: 5 }),
    ).rejects.toMatchObject({ code: 'response_too_large' });
  });
});

it('guardTransport ends a transport that never answers with network_timeout', async () => {
  const hanging: Transport = () => new Promise<HttpResponse>(() => undefined);
  await expect(guardTransport(hanging)(request)).rejects.toMatchObject({
    kind: 'network',
    code: 'network_timeout',
  });
}, 30_000);

it('guardTransport keeps the answer of a transport that answers before its deadline', async () => {
  const slow: Transport = () => new Promise((resolve) => setTimeout(() => resolve(ok), 5));
  await expect(guardTransport(slow)(request)).resolves.toBe(ok);
});
