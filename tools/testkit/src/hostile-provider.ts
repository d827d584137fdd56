// A hostile "Mitel CloudLink" on loopback and an "attacker" on another origin (localhost
// instead of 127.0.0.1): redirects across origins, error bodies that echo the request's
// Authorization header and body, and next-page links that loop (A → B → A).
import { createServer } from 'node:http';
import type { IncomingMessage, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Recorded {
  method: string;
  url: string;
  headers: string;
  body: string;
}

export interface LoopbackServer {
  /** http://127.0.0.1:<port> (the provider) or http://localhost:<port> (the attacker). */
  url: string;
  received: Recorded[];
  close(): Promise<void>;
}

type Handler = (request: Recorded, res: ServerResponse) => void;

async function listen(host: string, handler: Handler): Promise<LoopbackServer> {
  const received: Recorded[] = [];
  const server: Server = createServer((req: IncomingMessage, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const recorded = {
        method: req.method ?? '',
        url: req.url ?? '',
        headers: JSON.stringify(req.headers),
        body,
      };
      received.push(recorded);
      handler(recorded, res);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    received,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function json(res: ServerResponse, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json');
  res.end(JSON.stringify(body));
}

/** Anything it is sent is recorded; it answers 200 `{}` so a leak looks like success. */
export function startAttacker(): Promise<LoopbackServer> {
  return listen('localhost', (_request, res) => json(res, 200, { _embedded: { items: [] } }));
}

export const REDIRECT_STATUSES = [301, 302, 303, 307, 308] as const;

/**
 * The provider. Paths (Mitel custom base URL `<url>/{service}`):
 * - POST /authentication/token: a token (`token`), or for client id `echo-client` a 400 that
 *   echoes the request body (which holds the client secret); GET (who-am-I) redirects;
 * - /admin/accounts/redirect-<status>/users and POST /notifications/subscriptions: a redirect
 *   to the attacker;
 * - /admin/accounts/echo-ok/users: 200, echoing Authorization in an item and a header;
 * - /admin/accounts/echo/users, DELETE /notifications/subscriptions/*: an error echoing headers;
 * - /admin/accounts/loop/users and GET /notifications/subscriptions: next links A → B → A.
 */
export function startHostileProvider(options: {
  token: string;
  attackerUrl: string;
}): Promise<LoopbackServer> {
  let loopRequests = 0;
  return listen('127.0.0.1', (request, res) => {
    const url = new URL(request.url, 'http://provider');
    const path = url.pathname;
    if (path === '/authentication/token' && request.method === 'GET') {
      // Who-am-I (the credential test's request) redirected to the attacker.
      res.statusCode = 302;
      res.setHeader('location', `${options.attackerUrl}/steal${path}`);
      res.end();
      return;
    }
    if (path === '/authentication/token') {
      if (request.body.includes('client_id=echo-client')) {
        json(res, 400, { name: 'InvalidRequest', message: `Bad request: ${request.body}` });
        return;
      }
      json(res, 201, { access_token: options.token, token_type: 'Bearer', expires_in: 3600 });
      return;
    }
    const redirect = /^\/admin\/accounts\/redirect-(\d+)\/users$/.exec(path);
    if (redirect || (path === '/notifications/subscriptions' && request.method === 'POST')) {
      res.statusCode = redirect ? Number(redirect[1]) : 307;
      res.setHeader('location', `${options.attackerUrl}/steal${path}`);
      res.end();
      return;
    }
    if (path === '/admin/accounts/echo-ok/users') {
      const sent = (JSON.parse(request.headers) as { authorization?: string }).authorization;
      res.setHeader('x-echo-authorization', String(sent));
      json(res, 200, { _links: {}, _embedded: { items: [{ id: 'u-1', youSent: sent }] } });
      return;
    }
    if (path === '/admin/accounts/echo/users' || request.method === 'DELETE') {
      json(res, 500, {
        name: 'InternalError',
        message: `Could not handle request with headers ${request.headers}`,
      });
      return;
    }
    if (path === '/admin/accounts/loop/users' || path === '/notifications/subscriptions') {
      // A safety stop so the suite itself cannot hang: after 20 requests, no next link.
      // Page A is the bare path, page B `?page=b`, whose next link is A again.
      const page = url.searchParams.get('page') ?? 'a';
      loopRequests += 1;
      const next = page === 'a' ? `${path}?page=b` : path;
      const links = loopRequests < 20 ? { next: { href: next } } : {};
      json(res, 200, { _links: links, _embedded: { items: [{ id: `${page}-1` }] } });
      return;
    }
    json(res, 404, { name: 'NotFound', message: 'no such path' });
  });
}
