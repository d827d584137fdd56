// Zoom Phone's two mechanisms core gained for it, on the profile itself: the account_credentials
// token request (account id in the form, id and secret in HTTP Basic) and next_page_token paging.
import { buildTokenRequest } from '../../src/oauth/build-token-request';
import { readPage } from '../../src/operations/read-page';
import type { ApiRequest, ApiResponse } from '../../src/operations/types';
import { resolveTokenSpec } from '../../src/profiles/bind';
import { zoomPhone } from '../../src/profiles/zoom-phone';

const credentials = { accountId: 'acct-1', clientId: 'client-1', clientSecret: 's3cret:x' };

describe('Zoom Phone token request', () => {
  it('posts grant_type=account_credentials and account_id, the client in HTTP Basic', () => {
    const spec = resolveTokenSpec(zoomPhone, credentials);
    expect(spec.grant).toEqual({ type: 'account_credentials' });
    const request = buildTokenRequest({ ...spec.request, grant: { type: 'account_credentials' } });
    expect(request.url).toBe('https://zoom.us/oauth/token');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(new URLSearchParams(String(request.body))).toEqual(
      new URLSearchParams({ grant_type: 'account_credentials', account_id: 'acct-1' }),
    );
    const basic = Buffer.from('client-1:s3cret:x').toString('base64');
    expect(request.headers['authorization']).toBe(`Basic ${basic}`);
    expect(spec.secrets).toEqual(['s3cret:x']);
  });

  it('refuses a credential without an account id', () => {
    expect(() => resolveTokenSpec(zoomPhone, { ...credentials, accountId: '' })).toThrow(
      /Account ID/,
    );
  });
});

describe('Zoom Phone next_page_token paging', () => {
  const first: ApiRequest = {
    method: 'GET',
    url: 'https://api.zoom.us/v2/phone/users',
    query: { page_size: 2 },
  };
  const respond = (data: unknown): ApiResponse => ({ status: 200, headers: {}, data });

  it('sends the body token back as the next_page_token query parameter', () => {
    const page = readPage(
      zoomPhone,
      'phoneUser.list',
      first,
      respond({ users: [{ id: 'a' }, { id: 'b' }], next_page_token: 'tok2', page_size: 2 }),
    );
    expect(page.items).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(page.next?.query).toEqual({ page_size: 2, next_page_token: 'tok2' });
  });

  it('ends at an empty token', () => {
    const page = readPage(
      zoomPhone,
      'callHistory.list',
      first,
      respond({ call_history: [{ id: 'c' }], next_page_token: '' }),
    );
    expect(page.items).toEqual([{ id: 'c' }]);
    expect(page.next).toBeUndefined();
  });
});
