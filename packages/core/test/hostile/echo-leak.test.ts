// Item 7: servers and proxies that echo what they were sent (the Authorization header, the
// form body, the URL) into error bodies, correlation-id headers and odd success answers. No
// sentinel, in any wire form, may reach an error view, a log line or diagnose().
import { errorViews, expectNoSecrets, sentinelSecret, sentinelSecrets } from '@switchboard/testkit';
import { createConnection } from '../../src/connection/connection';
import { recordingLogger } from '../engine/fakes';
import { hostileCases } from './support/credentials';
import {
  isTokenRequest,
  json,
  startHostileServer,
  type HostileServer,
  type SeenRequest,
} from './support/hostile-server';

type Mode =
  'token-echo-json' | 'token-echo-text' | 'api-echo-json' | 'api-invalid-json' | 'api-echo-text';

const sentinels = sentinelSecrets('client', 'password');
const issued = { access: sentinelSecret('access'), refresh: sentinelSecret('refresh') };
const allSecrets = [sentinels.client, sentinels.password, issued.access, issued.refresh];
let mode: Mode = 'token-echo-json';
let server: HostileServer;

/** Everything the server was sent, as a hostile server would reflect it. */
function echo(request: SeenRequest): string {
  return `auth=${request.headers.authorization ?? ''} url=${request.url} body=${request.body}`;
}

function echoHeaders(request: SeenRequest): Record<string, string> {
  const auth = String(request.headers.authorization ?? request.url);
  return { 'x-correlation-id': auth, 'x-mitel-correlation-id': auth, 'x-request-id': auth };
}

beforeAll(async () => {
  server = await startHostileServer((request, response) => {
    const token = isTokenRequest(request) || /assume|token/.test(request.url);
    if (token && mode.startsWith('token-')) {
      if (mode === 'token-echo-text') {
        response.writeHead(400, { 'content-type': 'text/plain', ...echoHeaders(request) });
        response.end(echo(request));
        return;
      }
      json(
        response,
        401,
        { error: 'invalid_client', error_description: echo(request), message: echo(request) },
        echoHeaders(request),
      );
      return;
    }
    if (token) {
      json(response, 200, {
        access_token: issued.access,
        refresh_token: issued.refresh,
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 'agent.read',
      });
      return;
    }
    if (mode === 'api-invalid-json') {
      response.writeHead(200, { 'content-type': 'application/json', ...echoHeaders(request) });
      response.end(`{"echo": "${echo(request)}", broken`);
      return;
    }
    if (mode === 'api-echo-text') {
      response.writeHead(403, { 'content-type': 'text/plain', ...echoHeaders(request) });
      response.end(echo(request));
      return;
    }
    json(
      response,
      500,
      { error: { code: 'Boom', message: echo(request) }, detail: echo(request) },
      echoHeaders(request),
    );
  });
});
afterAll(() => server.close());

const modes: Mode[] = [
  'token-echo-json',
  'token-echo-text',
  'api-echo-json',
  'api-invalid-json',
  'api-echo-text',
];

describe.each(modes)('a server that echoes what it was sent (%s)', (current) => {
  it.each(hostileCases('http://placeholder', sentinels).map((c) => c.label))(
    '%s leaks nothing',
    async (label) => {
      mode = current;
      const hostile = hostileCases(server.url, sentinels).find((c) => c.label === label);
      if (hostile === undefined) throw new Error(label);
      const logger = recordingLogger();
      const connection = createConnection(hostile.profile, hostile.credentials, {
        logger,
        retry: { retries: 1, baseDelayMs: 1, maxDelayMs: 2 },
      });
      const outputs: string[] = [];
      let failures = 0;
      const attempt = async (run: () => Promise<unknown>): Promise<void> => {
        try {
          outputs.push(JSON.stringify(await run()));
        } catch (error) {
          failures += 1;
          outputs.push(errorViews(error));
        }
      };
      try {
        await attempt(() => connection.execute('custom.request', { method: 'GET', path: '/echo' }));
        await attempt(() =>
          connection.execute('custom.request', { method: 'POST', path: '/echo', body: { a: 1 } }),
        );
        const diagnosis = await connection.diagnose();
        outputs.push(JSON.stringify(diagnosis));
        // Sign-in fails in the token modes; in the API modes only profiles with a who-am-I fail.
        if (current.startsWith('token-')) expect(diagnosis.ok).toBe(false);
      } finally {
        await connection.close();
      }
      // Every call failed in this mode, and the server did see the secrets it then echoed.
      expect(failures).toBe(2);
      expect(server.seen.length).toBeGreaterThan(0);
      expectNoSecrets([...outputs, ...logger.lines].join('\n'), allSecrets);
    },
  );
});
