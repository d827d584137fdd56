import { buildTokenRequest, encodeBasicAuth, parseTokenResponse, SwitchboardError } from './engine';
import { statusResponse as json } from './fakes';

const form = (body: string | undefined): Record<string, string> =>
  Object.fromEntries(new URLSearchParams(body ?? ''));

describe('encodeBasicAuth', () => {
  const decode = (header: string) =>
    Buffer.from(header.replace(/^Basic /, ''), 'base64').toString();

  it('form-encodes id and secret in strict mode (RFC 6749 §2.3.1)', () => {
    expect(decode(encodeBasicAuth('my id', 'p@ss:w/rd+', 'strict'))).toBe(
      'my+id:p%40ss%3Aw%2Frd%2B',
    );
  });

  it('uses id and secret as they are in raw mode', () => {
    expect(decode(encodeBasicAuth('my id', 'p@ss:w/rd+', 'raw'))).toBe('my id:p@ss:w/rd+');
  });
});

describe('buildTokenRequest', () => {
  it('puts client credentials in the form body for placement body', () => {
    const request = buildTokenRequest({
      tokenUrl: 'https://auth.example.com/token',
      grant: { type: 'client_credentials' },
      client: { id: 'cid', secret: 'cs', placement: 'body' },
      scope: 'a b',
      extraParams: { account_id: '42', empty: '' },
    });
    expect(request.method).toBe('POST');
    expect(request.url).toBe('https://auth.example.com/token');
    expect(request.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request.headers['authorization']).toBeUndefined();
    expect(form(request.body)).toEqual({
      grant_type: 'client_credentials',
      scope: 'a b',
      account_id: '42',
      client_id: 'cid',
      client_secret: 'cs',
    });
  });

  it('uses HTTP Basic and keeps credentials out of the body for placement basic', () => {
    const request = buildTokenRequest({
      tokenUrl: 'https://auth.example.com/token',
      grant: { type: 'client_credentials' },
      client: { id: 'cid', secret: 's p', placement: 'basic', basicEncoding: 'raw' },
      scope: 'cx.agent-calls',
    });
    expect(request.headers['authorization']).toBe(encodeBasicAuth('cid', 's p', 'raw'));
    expect(form(request.body)).toEqual({
      grant_type: 'client_credentials',
      scope: 'cx.agent-calls',
    });
  });

  it('puts client credentials in the query for placement query, the rest in the body', () => {
    const request = buildTokenRequest({
      tokenUrl: 'https://clc.local/cloudlink/oauth/token',
      grant: { type: 'client_credentials' },
      client: { id: 'cid', secret: 'cs', placement: 'query' },
    });
    expect(new URL(request.url).searchParams.get('client_secret')).toBe('cs');
    expect(form(request.body)).toEqual({ grant_type: 'client_credentials' });
  });

  it('sends every parameter in the query and no body with paramsIn query (Dell)', () => {
    const request = buildTokenRequest({
      tokenUrl: 'https://clc.local/cloudlink/oauth/token',
      grant: { type: 'client_credentials' },
      client: { id: 'cid', secret: 'c s&x', placement: 'query' },
      scope: 'all',
      paramsIn: 'query',
    });
    const query = Object.fromEntries(new URL(request.url).searchParams);
    expect(query).toEqual({
      grant_type: 'client_credentials',
      scope: 'all',
      client_id: 'cid',
      client_secret: 'c s&x',
    });
    expect(request.body).toBeUndefined();
    expect(request.headers['content-type']).toBeUndefined();
  });

  it('appends to a token URL that already has a query', () => {
    const request = buildTokenRequest({
      tokenUrl: 'https://x.example/token?tenant=t1',
      grant: { type: 'client_credentials' },
      client: { id: 'cid', secret: 'cs', placement: 'query' },
    });
    expect(request.url).toBe('https://x.example/token?tenant=t1&client_id=cid&client_secret=cs');
  });

  it('builds password and refresh_token grants', () => {
    const password = buildTokenRequest({
      tokenUrl: 'https://a.example/token',
      grant: { type: 'password', username: 'u@x', password: 'pw' },
      extraParams: { account_id: 'acc' },
    });
    expect(form(password.body)).toEqual({
      grant_type: 'password',
      username: 'u@x',
      password: 'pw',
      account_id: 'acc',
    });
    const refresh = buildTokenRequest({
      tokenUrl: 'https://a.example/token',
      grant: { type: 'refresh_token', refreshToken: 'rt' },
    });
    expect(form(refresh.body)).toEqual({ grant_type: 'refresh_token', refresh_token: 'rt' });
  });

  it('passes method, extra headers, timeout and TLS through', () => {
    const request = buildTokenRequest({
      tokenUrl: 'https://a.example/token',
      grant: { type: 'client_credentials' },
      client: { id: 'c', secret: 's', placement: 'body' },
      headers: { 'X-Mitel-App': 'app=sb' },
      timeoutMs: 1234,
      tls: { allowSelfSigned: true },
    });
    expect(request.headers['x-mitel-app']).toBe('app=sb');
    expect(request.timeoutMs).toBe(1234);
    expect(request.tls).toEqual({ allowSelfSigned: true });
  });

  it('rejects bad input with a configuration error that names the problem', () => {
    const bad = [
      () => buildTokenRequest({ tokenUrl: 'not a url', grant: { type: 'client_credentials' } }),
      () => buildTokenRequest({ tokenUrl: 'ftp://x/token', grant: { type: 'client_credentials' } }),
      () =>
        buildTokenRequest({ tokenUrl: 'https://x/token', grant: { type: 'client_credentials' } }),
      () =>
        buildTokenRequest({
          tokenUrl: 'https://x/token',
          grant: { type: 'password', username: 'u', password: '' },
        }),
      () =>
        buildTokenRequest({
          tokenUrl: 'https://x/token',
          grant: { type: 'refresh_token', refreshToken: '' },
        }),
    ];
    for (const build of bad) {
      let caught: unknown;
      try {
        build();
      } catch (error) {
        caught = error;
      }
      expect(caught).toBeInstanceOf(SwitchboardError);
      expect((caught as SwitchboardError).code).toBe('invalid_configuration');
      expect((caught as SwitchboardError).hint.length).toBeGreaterThan(5);
    }
  });

  it('never puts a query-string secret into a URL error message', () => {
    expect(() =>
      buildTokenRequest({
        tokenUrl: 'xx://h/?client_secret=TOPSECRET',
        grant: { type: 'client_credentials' },
      }),
    ).toThrow(/client_secret=\*\*\*/);
  });
});

describe('parseTokenResponse', () => {
  const now = 1_700_000_000_000;
  const options = { now, defaultExpiresInSec: 600 };

  it('accepts 201 Created (Mitel) with a numeric expires_in', () => {
    const token = parseTokenResponse(
      json(201, {
        access_token: 'at',
        refresh_token: 'rt',
        token_type: 'Bearer',
        expires_in: 3600,
        scope: 's',
      }),
      options,
    );
    expect(token).toEqual({
      accessToken: 'at',
      refreshToken: 'rt',
      tokenType: 'Bearer',
      obtainedAt: now,
      expiresAt: now + 3_600_000,
      scope: 's',
    });
  });

  it('reads expires_in as a numeric string (Bright Pattern)', () => {
    const token = parseTokenResponse(
      json(200, { access_token: 'at', token_type: 'Bearer', expires_in: '3599' }),
      options,
    );
    expect(token.expiresAt).toBe(now + 3_599_000);
  });

  it.each([[undefined], ['soon'], [null], [-5], [0], [Number.NaN], ['Infinity']])(
    'falls back to the default lifetime when expires_in is %p',
    (expiresIn) => {
      const token = parseTokenResponse(
        json(200, { access_token: 'at', expires_in: expiresIn }),
        options,
      );
      expect(token.expiresAt).toBe(now + 600_000);
      expect(Number.isFinite(token.expiresAt)).toBe(true);
    },
  );

  it('never yields NaN even with a broken default', () => {
    const token = parseTokenResponse(json(200, { access_token: 'at' }), {
      now,
      defaultExpiresInSec: Number.NaN,
    });
    expect(Number.isFinite(token.expiresAt)).toBe(true);
    expect(token.expiresAt).toBeGreaterThan(now);
  });

  it('caps absurd lifetimes instead of overflowing', () => {
    const token = parseTokenResponse(json(200, { access_token: 'at', expires_in: 1e300 }), options);
    expect(Number.isFinite(token.expiresAt)).toBe(true);
  });

  it('normalises token_type case-insensitively to Bearer', () => {
    expect(
      parseTokenResponse(json(200, { access_token: 'a', token_type: 'bearer' }), options).tokenType,
    ).toBe('Bearer');
    expect(
      parseTokenResponse(json(200, { access_token: 'a', token_type: 'BEARER' }), options).tokenType,
    ).toBe('Bearer');
    expect(parseTokenResponse(json(200, { access_token: 'a' }), options).tokenType).toBe('Bearer');
  });

  it('keeps the previous refresh token when the response omits one', () => {
    const token = parseTokenResponse(json(200, { access_token: 'a' }), {
      ...options,
      previousRefreshToken: 'old',
    });
    expect(token.refreshToken).toBe('old');
    const rotated = parseTokenResponse(json(200, { access_token: 'a', refresh_token: 'new' }), {
      ...options,
      previousRefreshToken: 'old',
    });
    expect(rotated.refreshToken).toBe('new');
  });

  it('reads a form-encoded token response', () => {
    const token = parseTokenResponse(
      {
        status: 200,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        body: 'access_token=a1&token_type=bearer&expires_in=60',
      },
      options,
    );
    expect(token).toMatchObject({
      accessToken: 'a1',
      tokenType: 'Bearer',
      expiresAt: now + 60_000,
    });
  });

  it('throws a typed token error for a non-2xx response', () => {
    expect(() =>
      parseTokenResponse(
        json(401, { error: 'invalid_client', error_description: 'bad secret' }),
        options,
      ),
    ).toThrow(expect.objectContaining({ kind: 'token', code: 'invalid_client', status: 401 }));
  });

  it('throws unexpected_response for a 2xx without an access token or not JSON', () => {
    for (const body of ['{"token":"x"}', '<html>login</html>', '']) {
      expect(() => parseTokenResponse({ status: 200, headers: {}, body }, options)).toThrow(
        expect.objectContaining({ kind: 'token', code: 'unexpected_response' }),
      );
    }
  });
});
