// Next-page links from a hostile server: a loop ends by itself, a link to another host never
// gets the token. Through the public connection API only (the paging loop itself may change).
import { createConnection, type Connection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import {
  isTokenRequest,
  json,
  startHostileServer,
  type HostileServer,
} from './support/hostile-server';

let server: HostileServer;
let elsewhere: HostileServer;
let next: () => string = () => '';

beforeAll(async () => {
  elsewhere = await startHostileServer((_request, response) =>
    json(response, 200, { _embedded: { items: [] } }),
  );
  server = await startHostileServer((request, response) => {
    if (isTokenRequest(request)) {
      return json(response, 200, {
        access_token: 'paging-token',
        token_type: 'Bearer',
        expires_in: 3600,
      });
    }
    return json(response, 200, { _embedded: { items: [{ id: 1 }] }, _links: { next: next() } });
  });
});
afterAll(async () => {
  await server.close();
  await elsewhere.close();
});

const open: Connection[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((connection) => connection.close()));
});

function mitel(): Connection {
  const connection = createConnection(getProfile('mitel-cloudlink'), {
    environment: 'custom',
    customBaseUrl: `${server.url}/mitel/{service}/2017-09-01`,
    grantType: 'client_credentials',
    clientId: 'paging-client',
    clientSecret: 'paging-secret',
    accountId: 'acct-1',
  });
  open.push(connection);
  return connection;
}

it('a next link that loops back ends the listing with unexpected_response', async () => {
  let page = 0;
  next = () => `${server.url}/mitel/admin/2017-09-01/users?page=${page++ % 2}`;
  await expect(
    mitel().execute('user.list', { accountId: 'acct-1' }, { returnAll: true }),
  ).rejects.toMatchObject({
    code: 'unexpected_response',
  });
});

it('a next link to another host stops paging before the token goes there', async () => {
  next = () => `${elsewhere.url}/users?page=2`;
  await expect(
    mitel().execute('user.list', { accountId: 'acct-1' }, { returnAll: true }),
  ).rejects.toMatchObject({ code: 'unexpected_response' });
  expect(elsewhere.seen).toHaveLength(0);
});
