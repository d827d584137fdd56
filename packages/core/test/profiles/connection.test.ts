// createConnection's options reach every request it makes, diagnose included.
import { createConnection } from '../../src/connection/connection';
import { getProfile } from '../../src/profiles/registry';
import { fakeTransport, statusResponse } from '../engine/fakes';
import { mitelCredentials } from './helpers';

describe('createConnection options', () => {
  it('diagnose uses the connection’s timeout, like its token and API requests', async () => {
    const transport = fakeTransport((request) =>
      request.url.endsWith('/token') && request.method === 'POST'
        ? statusResponse(201, { access_token: 'at-1', token_type: 'bearer', expires_in: 3600 })
        : statusResponse(200, { claims: { accountId: 'acct-1' } }),
    );
    const connection = createConnection(getProfile('mitel-cloudlink'), mitelCredentials, {
      transport,
      timeoutMs: 1234,
    });
    try {
      await connection.execute('auth.whoAmI', {});
      const diagnosis = await connection.diagnose();
      expect(diagnosis.ok).toBe(true);
      // token + who-am-I for execute, the same two for diagnose
      expect(transport.requests).toHaveLength(4);
      expect(transport.requests.map((request) => request.timeoutMs)).toEqual([
        1234, 1234, 1234, 1234,
      ]);
    } finally {
      await connection.close();
    }
  });
});
