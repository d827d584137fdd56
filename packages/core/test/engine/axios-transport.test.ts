import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { createServer as createHttpsServer } from 'node:https';
import type { AddressInfo, Socket } from 'node:net';
import { join } from 'node:path';
import { freePort } from '@switchboard/testkit';
import { createAxiosTransport, SwitchboardError } from './engine';
import { networkCodeOf } from '../../src/transport/network-error';

type Handler = (request: IncomingMessage, body: string, response: ServerResponse) => void;

const sockets = new Set<Socket>();
async function listen(server: Server, handler: Handler): Promise<string> {
  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    let body = '';
    request.on('data', (chunk: Buffer) => (body += chunk.toString()));
    request.on('end', () => handler(request, body, response));
  });
  server.on('connection', (socket: Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return String((server.address() as AddressInfo).port);
}

function close(server: Server): Promise<void> {
  for (const socket of sockets) socket.destroy();
  return new Promise((resolve) => server.close(() => resolve()));
}

async function rejection(promise: Promise<unknown>): Promise<SwitchboardError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof SwitchboardError) return error;
    throw error;
  }
  throw new Error('expected a rejection');
}

describe('createAxiosTransport (real HTTP on 127.0.0.1)', () => {
  const transport = createAxiosTransport({ timeoutMs: 5_000 });
  let server: Server;
  let dripClosed = 0;
  let base: string;
  const seen: {
    method?: string;
    headers?: IncomingMessage['headers'];
    body?: string;
    url?: string;
  } = {};

  beforeAll(async () => {
    server = createServer();
    const port = await listen(server, (request, body, response) => {
      Object.assign(seen, {
        method: request.method,
        headers: request.headers,
        body,
        url: request.url,
      });
      if (request.url?.startsWith('/hang')) return; // never answers
      if (request.url?.startsWith('/reset')) return void request.socket.destroy();
      if (request.url?.startsWith('/drip')) {
        // Headers at once, then a space every 20 ms, forever: only a deadline ends it.
        response.writeHead(200, { 'Content-Type': 'application/json' });
        const drip = setInterval(() => response.write(' '), 20);
        response.on('close', () => {
          clearInterval(drip);
          dripClosed += 1;
        });
        return;
      }
      if (request.url?.startsWith('/redirect')) {
        response.writeHead(302, { Location: '/elsewhere' });
        return void response.end();
      }
      response.writeHead(request.url === '/missing' ? 404 : 201, {
        'Content-Type': 'application/json',
        'X-Mitel-Correlation-Id': 'corr-9',
        'Set-Cookie': ['a=1', 'b=2'],
      });
      response.end(request.url === '/missing' ? '<html>nope</html>' : '{"n":1}');
    });
    base = `http://127.0.0.1:${port}`;
  });
  afterAll(() => close(server));

  it('resolves with the raw body and lower-case headers for any status', async () => {
    const ok = await transport({
      method: 'POST',
      url: `${base}/ok`,
      headers: { 'content-type': 'text/plain' },
      body: 'hi',
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toBe('{"n":1}');
    expect(ok.headers['x-mitel-correlation-id']).toBe('corr-9');
    expect(ok.headers['set-cookie']).toBe('a=1, b=2');
    expect(seen).toMatchObject({ method: 'POST', body: 'hi' });
    expect(seen.headers?.['content-type']).toBe('text/plain');
    const missing = await transport({ method: 'GET', url: `${base}/missing`, headers: {} });
    expect(missing).toMatchObject({ status: 404, body: '<html>nope</html>' });
  });

  it('does not follow redirects (a redirected token request would drop its body)', async () => {
    expect((await transport({ method: 'GET', url: `${base}/redirect`, headers: {} })).status).toBe(
      302,
    );
  });

  it('times out with network_timeout and a redacted URL', async () => {
    const error = await rejection(
      transport({
        method: 'POST',
        url: `${base}/hang?client_secret=SENTINEL-q`,
        headers: {},
        timeoutMs: 200,
      }),
    );
    expect(error).toMatchObject({ kind: 'network', code: 'network_timeout' });
    expect(error.message).toContain('client_secret=***');
    expect(error.message).not.toContain('SENTINEL');
    expect(error.hint).toMatch(/timeout/);
  });

  it('ends a body dripped forever at its own deadline, closing the connection', async () => {
    // No guard around this transport: without its deadline the promise would never settle.
    const error = await rejection(
      transport({ method: 'GET', url: `${base}/drip`, headers: {}, timeoutMs: 300 }),
    );
    expect(error).toMatchObject({ kind: 'network', code: 'network_timeout' });
    await new Promise<void>((resolve) => {
      const poll = () => (dripClosed > 0 ? resolve() : setImmediate(poll));
      poll();
    });
    expect(dripClosed).toBe(1);
  });

  it('reports a reset connection as network_reset', async () => {
    expect(
      await rejection(transport({ method: 'GET', url: `${base}/reset`, headers: {} })),
    ).toMatchObject({
      kind: 'network',
      code: 'network_reset',
    });
  });

  it('reports a refused connection as network_refused', async () => {
    const port = await freePort();
    const error = await rejection(
      transport({ method: 'GET', url: `http://127.0.0.1:${port}/`, headers: {} }),
    );
    expect(error).toMatchObject({ kind: 'network', code: 'network_refused' });
    expect(error.hint).toMatch(/port/);
  });

  it('never carries the request (headers, body) on a network error', async () => {
    const port = await freePort();
    const error = await rejection(
      transport({
        method: 'POST',
        url: `http://127.0.0.1:${port}/`,
        headers: { authorization: 'Bearer SENTINEL-bearer' },
        body: 'client_secret=SENTINEL-body',
      }),
    );
    const { inspect } = await import('node:util');
    for (const text of [error.message, JSON.stringify(error), inspect(error, { depth: 5 })]) {
      expect(text).not.toContain('SENTINEL');
    }
  });
});

describe('createAxiosTransport TLS', () => {
  const fixtures = join(__dirname, 'fixtures');
  const cert = readFileSync(join(fixtures, 'localhost-cert.pem'), 'utf8');
  const key = readFileSync(join(fixtures, 'localhost-key.pem'), 'utf8');
  const transport = createAxiosTransport();
  let server: Server;
  let url: string;

  beforeAll(async () => {
    server = createHttpsServer({ cert, key }) as unknown as Server;
    const port = await listen(server, (_request, _body, response) => response.end('secure'));
    url = `https://127.0.0.1:${port}/`;
  });
  afterAll(() => close(server));

  it('rejects a self-signed certificate by default with tls_untrusted', async () => {
    const error = await rejection(transport({ method: 'GET', url, headers: {} }));
    expect(error).toMatchObject({ kind: 'network', code: 'tls_untrusted' });
    expect(error.hint).toMatch(/CA certificate/);
  });

  it('trusts a custom CA bundle', async () => {
    expect((await transport({ method: 'GET', url, headers: {}, tls: { ca: cert } })).body).toBe(
      'secure',
    );
  });

  it('accepts a self-signed certificate only when explicitly allowed', async () => {
    expect(
      (await transport({ method: 'GET', url, headers: {}, tls: { allowSelfSigned: true } })).body,
    ).toBe('secure');
  });
});

describe('network error codes', () => {
  it.each([
    ['ENOTFOUND', false, 'network_dns'],
    ['EAI_AGAIN', false, 'network_dns'],
    ['ECONNREFUSED', false, 'network_refused'],
    ['ECONNRESET', false, 'network_reset'],
    ['EPIPE', false, 'network_reset'],
    ['ETIMEDOUT', false, 'network_timeout'],
    [undefined, true, 'network_timeout'],
    ['DEPTH_ZERO_SELF_SIGNED_CERT', false, 'tls_untrusted'],
    ['CERT_HAS_EXPIRED', false, 'tls_untrusted'],
    ['EHOSTUNREACH', false, 'network_error'],
  ])('%s (timed out: %s) → %s', (systemCode, timedOut, code) => {
    expect(networkCodeOf(systemCode, timedOut)).toBe(code);
  });
});
