// A provider that echoes what it was sent in a SUCCESSFUL answer (the bearer token in the body
// and in a response header, the client secret in the body): results carry none of them, over
// real HTTP with core’s own client.
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { expectNoSecrets, sentinelSecrets } from '@switchboard/testkit';
import { createConnection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';

const SECRETS = sentinelSecrets('echoed-token', 'echoed-secret');

describe('secrets echoed in successful answers', () => {
  const server = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/token') {
        res.end(JSON.stringify({ access_token: SECRETS['echoed-token'], token_type: 'Bearer' }));
        return;
      }
      res.setHeader('x-echo-authorization', String(req.headers.authorization));
      res.end(
        JSON.stringify({
          you: { sent: req.headers.authorization, list: [`secret ${SECRETS['echoed-secret']}`] },
        }),
      );
    });
  });
  let url = '';
  beforeAll(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  it('masks them in data and headers of operation results', async () => {
    const connection = createConnection(getProfile('generic-oauth2'), {
      tokenUrl: `${url}/token`,
      clientId: 'c',
      clientSecret: SECRETS['echoed-secret'],
      apiBaseUrl: url,
    });
    try {
      const response = await connection.execute('custom.request', { method: 'GET', path: '/echo' });
      const text = JSON.stringify(response);
      // The provider did echo them: the check below could fail.
      expect(text).toContain('Bearer ***');
      expect(text).toContain('secret ***');
      expectNoSecrets(text, Object.values(SECRETS));
    } finally {
      await connection.close();
    }
  });

  it('masks a renewed token on long pages after the first token was searched for', async () => {
    // Each token request gets a new token; the first token is refused after one page. Every
    // page is long (probed search) and echoes the token it was sent, at its end.
    const tokens = sentinelSecrets('renewed-token-1', 'renewed-token-2');
    let issued = 0;
    const filler = Array.from({ length: 300 }, (_, index) => `{"name":"item-${index}"}`);
    const renewing = createServer((req, res) => {
      res.setHeader('content-type', 'application/json');
      if (req.url === '/token') {
        issued += 1;
        const token = tokens[issued === 1 ? 'renewed-token-1' : 'renewed-token-2'];
        res.end(JSON.stringify({ access_token: token, token_type: 'Bearer', expires_in: 3600 }));
        return;
      }
      const sent = String(req.headers.authorization);
      if (req.url === '/second' && sent.includes(tokens['renewed-token-1'])) {
        res.statusCode = 401;
        res.end('{}');
        return;
      }
      res.end(JSON.stringify({ items: filler, sent }));
    });
    await new Promise<void>((resolve) => renewing.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(renewing.address() as AddressInfo).port}`;
    const connection = createConnection(getProfile('generic-oauth2'), {
      tokenUrl: `${base}/token`,
      clientId: 'c',
      clientSecret: SECRETS['echoed-secret'],
      apiBaseUrl: base,
    });
    try {
      const texts: string[] = [];
      for (const path of ['/first', '/second', '/third']) {
        const response = await connection.execute('custom.request', { method: 'GET', path });
        texts.push(JSON.stringify(response));
      }
      expect(issued).toBe(2);
      for (const text of texts) {
        expect(text.length).toBeGreaterThan(4096);
        expect(text).toContain('"sent":"Bearer ***"');
        expectNoSecrets(text, Object.values(tokens));
      }
    } finally {
      await connection.close();
      renewing.closeAllConnections();
      await new Promise((resolve) => renewing.close(resolve));
    }
  });
});
