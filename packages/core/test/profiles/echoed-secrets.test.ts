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
});
