// Small loopback HTTP servers that misbehave on purpose. Every socket is destroyed on close,
// so a server in the middle of a slow answer never keeps the test process alive.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

export interface SeenRequest {
  method: string;
  url: string;
  headers: IncomingMessage['headers'];
  body: string;
}

export type Handler = (request: SeenRequest, response: ServerResponse) => void | Promise<void>;

export interface HostileServer {
  url: string;
  /** Every request received, in order. */
  seen: SeenRequest[];
  close(): Promise<void>;
}

export async function startHostileServer(handler: Handler): Promise<HostileServer> {
  const sockets = new Set<Socket>();
  const seen: SeenRequest[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const request: SeenRequest = {
        method: req.method ?? 'GET',
        url: req.url ?? '/',
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      };
      seen.push(request);
      Promise.resolve(handler(request, res)).catch(() => res.destroy());
    });
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address !== null ? address.port : 0;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Sends the headers at once, then one byte every `everyMs` for `totalMs`: each chunk arrives
 * well within any socket idle timeout, the whole body never within the request's deadline.
 */
export function drip(response: ServerResponse, everyMs: number, totalMs: number): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  response.write('{"access_token":"');
  const end = Date.now() + totalMs;
  const timer = setInterval(() => {
    if (response.destroyed || Date.now() > end) {
      clearInterval(timer);
      if (!response.destroyed) response.end('x","token_type":"Bearer","expires_in":3600}');
      return;
    }
    response.write('x');
  }, everyMs);
  response.on('close', () => clearInterval(timer));
}

/** Streams `bytes` of a JSON string body without ever holding it in memory. */
export function giant(response: ServerResponse, bytes: number, prefix = '{"access_token":"'): void {
  response.writeHead(200, { 'content-type': 'application/json' });
  const chunk = Buffer.alloc(64 * 1024, 'a');
  let sent = 0;
  response.write(prefix);
  const pump = (): void => {
    while (sent < bytes) {
      sent += chunk.length;
      if (!response.write(chunk)) {
        response.once('drain', pump);
        return;
      }
    }
    response.end('","token_type":"Bearer","expires_in":3600}');
  };
  response.on('close', () => (sent = bytes));
  pump();
}

export function json(response: ServerResponse, status: number, body: unknown, headers = {}): void {
  response.writeHead(status, { 'content-type': 'application/json', ...headers });
  response.end(JSON.stringify(body));
}

/** Whether a request is a token request (form body or Dell's query string with a grant). */
export function isTokenRequest(request: SeenRequest): boolean {
  return /grant_type=/.test(request.body) || /grant_type=/.test(request.url);
}
