import { inspect } from 'node:util';
import {
  apiErrorFromResponse,
  parseRetryAfter,
  redactText,
  redactUrl,
  tokenErrorFromResponse,
} from './engine';
import { statusResponse as json } from './fakes';

describe('redaction', () => {
  it('masks credential query parameters and keeps the rest of the URL', () => {
    expect(
      redactUrl(
        'https://clc/cloudlink/oauth/token?grant_type=client_credentials&client_id=me&client_secret=s3cr%20t&scope=all',
      ),
    ).toBe(
      'https://clc/cloudlink/oauth/token?grant_type=client_credentials&client_id=me&client_secret=***&scope=all',
    );
    expect(redactUrl('https://x/?access_token=a&refresh_token=b&password=c&token=d#f')).toBe(
      'https://x/?access_token=***&refresh_token=***&password=***&token=***#f',
    );
    expect(redactUrl('redis://:hunter22@127.0.0.1:6379')).toBe('redis://:***@127.0.0.1:6379');
  });

  it('masks given secrets in every encoded form, and JSON token fields', () => {
    const secret = 'a b/c+d';
    const text = `raw ${secret} pct ${encodeURIComponent(secret)} form a+b%2Fc%2Bd {"access_token":"xyz","x":1}`;
    expect(redactText(text, [secret])).toBe(
      'raw *** pct *** form *** {"access_token":"***","x":1}',
    );
  });

  it('ignores empty and very short secrets rather than mangling text', () => {
    expect(redactText('a bc', ['', 'a', undefined])).toBe('a bc');
  });
});

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it('reads delta seconds and HTTP dates', () => {
    expect(parseRetryAfter('120', now)).toBe(120);
    expect(parseRetryAfter(' 0 ', now)).toBe(0);
    expect(parseRetryAfter('Thu, 01 Jan 2026 00:00:30 GMT', now)).toBe(30);
    expect(parseRetryAfter('Wed, 31 Dec 2025 23:00:00 GMT', now)).toBe(0);
  });
  it('returns undefined for absent or unusable values', () => {
    expect(parseRetryAfter(undefined, now)).toBeUndefined();
    expect(parseRetryAfter('', now)).toBeUndefined();
    expect(parseRetryAfter('soon', now)).toBeUndefined();
    expect(parseRetryAfter('-5', now)).toBeUndefined();
  });
});

describe('tokenErrorFromResponse', () => {
  it('maps RFC 6749 §5.2 bodies to their codes with a hint', () => {
    const error = tokenErrorFromResponse(
      json(400, { error: 'invalid_scope', error_description: 'nope' }),
      {
        provider: 'generic-oauth2',
      },
    );
    expect(error).toMatchObject({
      kind: 'token',
      code: 'invalid_scope',
      status: 400,
      providerCode: 'invalid_scope',
    });
    expect(error.message).toContain('nope');
    expect(error.hint).toMatch(/scope/i);
  });

  it.each([
    [401, 'ClientSecretMismatch', 'invalid_client'],
    [401, 'InvalidLoginCredentials', 'invalid_grant'],
    [403, 'UserNotActive', 'user_not_active'],
    [404, 'AccountNotFound', 'account_not_found'],
    [400, 'InvalidGrantType', 'unsupported_grant_type'],
  ])('maps Mitel %i {name: %s} to %s', (status, name, code) => {
    const error = tokenErrorFromResponse(json(status, { name, message: 'text' }), {
      provider: 'mitel-cloudlink',
    });
    expect(error.code).toBe(code);
    expect(error.providerCode).toBe(name);
  });

  it('maps Mitel 409 to account_ambiguous and 422 sub-codes', () => {
    expect(
      tokenErrorFromResponse(json(409, { name: 'Conflict', message: 'Multiple accounts' })).code,
    ).toBe('account_ambiguous');
    expect(tokenErrorFromResponse(json(422, { message: 'Locked', error: '401' })).code).toBe(
      'account_locked',
    );
    expect(tokenErrorFromResponse(json(422, { message: 'Change', error: '451' })).code).toBe(
      'password_change_required',
    );
    expect(tokenErrorFromResponse(json(422, { message: 'Rules', error: '452' })).code).toBe(
      'password_rules',
    );
  });

  it('says what to check on a Mitel 401: environment', () => {
    const error = tokenErrorFromResponse(
      json(401, { name: 'ClientSecretMismatch', message: 'x' }),
      {
        provider: 'mitel-cloudlink',
      },
    );
    expect(error.hint).toMatch(/sandbox/);
  });

  it('recognises a JSON-instead-of-form mistake', () => {
    const error = tokenErrorFromResponse(
      json(400, {
        name: 'MissingParameters',
        message: 'Content-Type must be application/x-www-form-urlencoded',
      }),
    );
    expect(error.code).toBe('invalid_request');
    expect(error.hint).toMatch(/form-urlencoded/);
    expect(tokenErrorFromResponse({ status: 415, headers: {}, body: '' }).hint).toMatch(
      /form-urlencoded/,
    );
  });

  it('points at trailing whitespace in the secret', () => {
    const error = tokenErrorFromResponse(json(401, { error: 'invalid_client' }), {
      secrets: ['secret\n'],
    });
    expect(error.hint).toMatch(/whitespace/);
  });

  it('explains HTML pages and empty bodies', () => {
    const html = tokenErrorFromResponse({
      status: 404,
      headers: { 'content-type': 'text/html' },
      body: '<html><head><title>404 Not Found</title></head><body>nginx</body></html>',
    });
    expect(html.code).toBe('not_found');
    expect(html.message).toContain('HTML');
    expect(html.hint).toMatch(/HTML page/);
    const empty = tokenErrorFromResponse({ status: 401, headers: {}, body: '' });
    expect(empty.code).toBe('invalid_client');
    expect(empty.message).toContain('empty body');
  });

  it('classifies 429 and 5xx and parses Retry-After', () => {
    const limited = tokenErrorFromResponse({
      status: 429,
      headers: { 'retry-after': '7' },
      body: '',
    });
    expect(limited).toMatchObject({ code: 'rate_limited', retryAfterMs: 7000 });
    expect(tokenErrorFromResponse({ status: 503, headers: {}, body: 'busy' }).code).toBe(
      'server_error',
    );
  });

  it('keeps the correlation id and attaches the response non-enumerably, redacted', () => {
    const response = json(
      401,
      { error: 'invalid_client', error_description: 'client_secret SENTINEL-xyz is wrong' },
      { 'x-mitel-correlation-id': 'corr-1', 'set-cookie': 'sid=abc' },
    );
    const error = tokenErrorFromResponse(response, {
      correlationHeader: 'X-Mitel-Correlation-Id',
      secrets: ['SENTINEL-xyz'],
    });
    expect(error.correlationId).toBe('corr-1');
    expect(error.response?.status).toBe(401);
    expect(error.response?.headers['set-cookie']).toBe('***');
    expect(Object.keys(error)).not.toContain('response');
    for (const text of [
      error.message,
      JSON.stringify(error),
      inspect(error),
      error.response?.body ?? '',
    ]) {
      expect(text).not.toContain('SENTINEL-xyz');
    }
    expect(JSON.stringify(error)).not.toContain('set-cookie');
  });

  it('recognises unknown tenants and wrong environments from the description', () => {
    expect(
      tokenErrorFromResponse(json(400, { error: 'x_error', error_description: 'Unknown tenant' }))
        .code,
    ).toBe('unknown_tenant');
    expect(
      tokenErrorFromResponse(
        json(401, { name: 'Unauthorized', message: 'Token issued for another environment' }),
      ).code,
    ).toBe('wrong_environment');
  });
});

describe('apiErrorFromResponse', () => {
  it.each([
    [400, 'validation_failed'],
    [401, 'unauthorized'],
    [403, 'forbidden'],
    [404, 'not_found'],
    [409, 'conflict'],
    [422, 'validation_failed'],
    [429, 'rate_limited'],
    [500, 'server_error'],
    [302, 'unexpected_response'],
  ])('maps %i to %s', (status, code) => {
    const error = apiErrorFromResponse(json(status, { name: 'X', message: 'm' }));
    expect(error).toMatchObject({ kind: 'api', code, status });
    expect(error.hint.length).toBeGreaterThan(10);
  });

  it('recognises insufficient_scope from WWW-Authenticate or the body', () => {
    const fromHeader = apiErrorFromResponse({
      status: 403,
      headers: { 'www-authenticate': 'Bearer error="insufficient_scope", scope="cx.queue-calls"' },
      body: '',
    });
    expect(fromHeader.code).toBe('insufficient_scope');
    expect(apiErrorFromResponse(json(403, { error: 'insufficient_scope' })).code).toBe(
      'insufficient_scope',
    );
  });

  it('mentions the environment for a Mitel 401', () => {
    const error = apiErrorFromResponse(json(401, { name: 'Unauthorized', message: 'bad token' }), {
      provider: 'mitel-cloudlink',
    });
    expect(error.hint).toMatch(/sandbox/);
  });

  it('never puts the token or secrets in the message', () => {
    const error = apiErrorFromResponse(json(400, { message: 'token SENTINEL-tok invalid' }), {
      secrets: ['SENTINEL-tok'],
    });
    expect(error.message).not.toContain('SENTINEL-tok');
    expect(error.response?.body).not.toContain('SENTINEL-tok');
  });
});
