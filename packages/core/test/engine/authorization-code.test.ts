// Mitel's headless authorization-code sign-in: the pure builders and the two-step token source.
import { buildAuthorizeRequest, parseAuthorizeResponse } from '../../src/oauth/authorization-code';
import { createOAuthTokenSource } from '../../src/oauth/token-source';
import { SwitchboardError } from '../../src/errors/switchboard-error';
import type { HttpResponse } from '../../src/transport/types';
import { fakeTransport } from './fakes';

const json = (status: number, body: unknown): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify(body),
});

describe('authorization request', () => {
  it('posts response_type=code, username, password, client_id and the extra parameters as a form', () => {
    const request = buildAuthorizeRequest({
      authorizeUrl: 'https://authentication.api.mitel.io/2017-09-01/authorize',
      username: 'ada@example.com',
      password: 'p&ss word',
      clientId: 'app-1',
      extraParams: { account_id: 'acc-1', empty: '' },
      headers: { 'X-Mitel-App': 'app=x/1' },
    });
    expect(request.method).toBe('POST');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['x-mitel-app']).toBe('app=x/1');
    expect(Object.fromEntries(new URLSearchParams(request.body))).toEqual({
      response_type: 'code',
      username: 'ada@example.com',
      password: 'p&ss word',
      client_id: 'app-1',
      account_id: 'acc-1',
    });
  });

  it('says which value is missing, and refuses a URL that is not http(s)', () => {
    const spec = { authorizeUrl: 'https://a.example/authorize', username: 'u', password: 'p' };
    expect(() => buildAuthorizeRequest({ ...spec, clientId: ' ' })).toThrow(/client id/);
    expect(() => buildAuthorizeRequest({ ...spec, clientId: 'c', username: '' })).toThrow(
      /username/,
    );
    expect(() =>
      buildAuthorizeRequest({ ...spec, clientId: 'c', authorizeUrl: 'ftp://a/authorize' }),
    ).toThrow(/not a valid http\(s\) URL/);
  });

  it('reads {code} (JSON or form-encoded); a 2xx without one, or an error, is a typed error', () => {
    expect(parseAuthorizeResponse(json(200, { code: 'c-1' }), { now: 0 })).toBe('c-1');
    expect(
      parseAuthorizeResponse({ status: 200, headers: {}, body: 'code=c-2&state=x' }, { now: 0 }),
    ).toBe('c-2');
    const noCode = (() => {
      try {
        return parseAuthorizeResponse(json(200, { ok: true }), {
          now: 0,
          provider: 'mitel-cloudlink',
        });
      } catch (error) {
        return error;
      }
    })();
    expect(noCode).toBeInstanceOf(SwitchboardError);
    expect(noCode).toMatchObject({ code: 'unexpected_response' });
    const refused = (() => {
      try {
        return parseAuthorizeResponse(
          json(401, { name: 'InvalidLoginCredentials', message: 'bad p&ss word' }),
          { now: 0, provider: 'mitel-cloudlink', secrets: ['p&ss word'] },
        );
      } catch (error) {
        return error as SwitchboardError;
      }
    })() as SwitchboardError;
    expect(refused).toMatchObject({ code: 'invalid_grant', status: 401 });
    expect(JSON.stringify(refused)).not.toContain('p&ss word');
    expect(refused.message).not.toContain('p&ss word');
  });
});

describe('token source with the headless authorization code', () => {
  it('authorizes, then exchanges only grant_type, code and client_id; refreshes with client_id', async () => {
    const transport = fakeTransport((request, index) =>
      index === 0
        ? json(200, { code: 'one-time' })
        : json(201, {
            access_token: `at-${index}`,
            refresh_token: `rt-${index}`,
            expires_in: 3600,
          }),
    );
    const source = createOAuthTokenSource({
      key: 'k',
      provider: 'mitel-cloudlink',
      renewal: { mode: 'early', skewMs: 0, maxSkewFraction: 0.2 },
      grant: {
        type: 'headless_authorization_code',
        authorizeUrl: 'https://auth.example.test/authorize',
        username: 'ada',
        password: 'secret-pw',
      },
      request: {
        tokenUrl: 'https://auth.example.test/token',
        client: { id: 'app-1', placement: 'body' },
        extraParams: { account_id: 'acc-1' },
      },
      defaultExpiresInSec: 3600,
    });
    const token = await source.obtain(transport);
    expect(token.accessToken).toBe('at-1');
    const [authorize, exchange] = transport.requests;
    expect(authorize?.url).toBe('https://auth.example.test/authorize');
    expect(new URLSearchParams(authorize?.body).get('account_id')).toBe('acc-1');
    expect(Object.fromEntries(new URLSearchParams(exchange?.body))).toEqual({
      grant_type: 'authorization_code',
      code: 'one-time',
      client_id: 'app-1',
    });
    await source.refresh?.(token, transport);
    expect(Object.fromEntries(new URLSearchParams(transport.requests[2]?.body))).toEqual({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
      client_id: 'app-1',
    });
  });
});
