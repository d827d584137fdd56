import { bindCredentials } from '../../src/profiles/bind';
import { createTokenSource, obtainToken } from '../../src/profiles/token-source';
import { getProfile } from '../../src/profiles/registry';
import type { HttpRequest, HttpResponse, Transport } from '../../src/transport/types';
import { SwitchboardError } from '../../src/errors/switchboard-error';
import { statusResponse as json } from '../engine/fakes';
import {
  brightPatternCredentials,
  dellCredentials,
  genericCredentials,
  mitelCredentials,
  SENTINEL,
  sangomaCredentials,
} from './helpers';

/** Records requests and answers from a script, in order. */
function scripted(...responses: HttpResponse[]): Transport & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    requests.push(request);
    const response = responses.shift();
    if (response === undefined) throw new Error('unexpected request');
    return response;
  };
  return Object.assign(transport, { requests });
}

const form = (request: HttpRequest | undefined) =>
  Object.fromEntries(new URLSearchParams(request?.body ?? ''));

describe('token requests built from profiles', () => {
  it('Mitel client credentials: form body, account id, X-Mitel-App, 201 Created', async () => {
    const transport = scripted(
      json(201, {
        access_token: 'at-1',
        refresh_token: 'rt-1',
        expires_in: 3600,
        token_type: 'bearer',
      }),
    );
    const token = await obtainToken(
      bindCredentials(getProfile('mitel-cloudlink'), mitelCredentials),
      transport,
      1_000,
    );
    expect(token).toEqual({
      accessToken: 'at-1',
      refreshToken: 'rt-1',
      tokenType: 'Bearer',
      obtainedAt: 1_000,
      expiresAt: 3_601_000,
    });
    const request = transport.requests[0];
    expect(request?.url).toBe('https://authentication.example.test/2017-09-01/token');
    expect(request?.headers['content-type']).toBe('application/x-www-form-urlencoded');
    expect(request?.headers['x-mitel-app']).toBe('app=switchboard/0.1.0;platform=switchboard');
    expect(form(request)).toEqual({
      grant_type: 'client_credentials',
      client_id: 'client-1',
      client_secret: SENTINEL.clientSecret,
      account_id: 'acct-1',
    });
  });

  it('Mitel password grant sends username and password, not a client', async () => {
    const transport = scripted(json(201, { access_token: 'at', expires_in: 60 }));
    await obtainToken(
      bindCredentials(getProfile('mitel-cloudlink'), {
        ...mitelCredentials,
        grantType: 'password',
        username: 'ann@x.test',
        password: SENTINEL.password,
      }),
      transport,
    );
    expect(form(transport.requests[0])).toEqual({
      grant_type: 'password',
      username: 'ann@x.test',
      password: SENTINEL.password,
      account_id: 'acct-1',
    });
  });

  it('Mitel refresh exchanges the refresh token', async () => {
    const source = createTokenSource(
      bindCredentials(getProfile('mitel-cloudlink'), mitelCredentials),
    );
    const transport = scripted(
      json(201, { access_token: 'at-2', refresh_token: 'rt-2', expires_in: 3600 }),
    );
    const token = await source.refresh?.(
      {
        accessToken: 'at-1',
        refreshToken: 'rt-1',
        tokenType: 'Bearer',
        obtainedAt: 0,
        expiresAt: 1,
      },
      transport,
    );
    expect(token?.accessToken).toBe('at-2');
    expect(form(transport.requests[0])).toMatchObject({
      grant_type: 'refresh_token',
      refresh_token: 'rt-1',
    });
  });

  it('Mitel declares 14-day refresh tokens; profiles without a declaration leave the default', () => {
    const mitel = createTokenSource(
      bindCredentials(getProfile('mitel-cloudlink'), mitelCredentials),
    );
    expect(mitel.refreshTokenLifetimeSec).toBe(14 * 24 * 3600);
    const generic = createTokenSource(
      bindCredentials(getProfile('generic-oauth2'), genericCredentials),
    );
    expect(generic.refreshTokenLifetimeSec).toBeUndefined();
  });

  it('Mitel assume-role exchanges the first token for a role-limited one', async () => {
    const credentials = {
      ...mitelCredentials,
      assumeRole: 'USER',
      assumeRoleAccountId: 'customer-9',
    };
    const source = createTokenSource(bindCredentials(getProfile('mitel-cloudlink'), credentials));
    expect(source.refresh).toBeUndefined();
    const transport = scripted(
      json(201, { access_token: 'partner-token', refresh_token: 'rt', expires_in: 3600 }),
      json(201, { access_token: 'user-token', expires_in: 1800 }),
    );
    const token = await source.obtain(transport);
    expect(token.accessToken).toBe('user-token');
    const second = transport.requests[1];
    expect(second?.url).toBe('https://authentication.example.test/2017-09-01/assume-role/token');
    expect(second?.headers.authorization).toBe('Bearer partner-token');
    expect(JSON.parse(second?.body ?? '')).toEqual({ role: 'USER', accountId: 'customer-9' });
  });

  it('Dell: every parameter in the query string, no body', async () => {
    const transport = scripted(
      json(200, { access_token: 'uuid', token_type: 'bearer', expires_in: 7199, scope: 'all' }),
    );
    await obtainToken(bindCredentials(getProfile('dell-cloudlink'), dellCredentials), transport);
    const url = new URL(transport.requests[0]?.url ?? '');
    expect(url.pathname).toBe('/cloudlink/oauth/token');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      grant_type: 'client_credentials',
      scope: 'all',
      client_id: 'clc-client',
      client_secret: SENTINEL.clientSecret,
    });
    expect(transport.requests[0]?.body).toBeUndefined();
  });

  it('Dell passes the CA bundle and the self-signed switch to the transport', async () => {
    const transport = scripted(json(200, { access_token: 'uuid' }));
    const ca = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----';
    await obtainToken(
      bindCredentials(getProfile('dell-cloudlink'), {
        ...dellCredentials,
        caBundle: ca,
        allowSelfSigned: true,
      }),
      transport,
    );
    expect(transport.requests[0]?.tls).toEqual({ ca, allowSelfSigned: true });
  });

  it('Bright Pattern: tenant and scope in the form, expires_in as a string', async () => {
    const transport = scripted(
      json(200, { access_token: 'bp', token_type: 'Bearer', expires_in: '3599' }),
    );
    const token = await obtainToken(
      bindCredentials(getProfile('bright-pattern'), brightPatternCredentials),
      transport,
      0,
    );
    expect(token.expiresAt).toBe(3_599_000);
    expect(form(transport.requests[0])).toEqual({
      grant_type: 'client_credentials',
      client_id: 'api-user',
      client_secret: SENTINEL.clientSecret,
      tenant: 'acme.brightpattern.com',
      scope: 'acme.brightpattern.com',
    });
  });

  it('Sangoma: HTTP Basic (raw), space-separated scopes, at-expiry renewal', async () => {
    const source = createTokenSource(bindCredentials(getProfile('sangoma-cx'), sangomaCredentials));
    expect(source.renewal).toEqual({ mode: 'at-expiry' });
    expect(source.refresh).toBeUndefined();
    const transport = scripted(json(200, { access_token: 'sg', expires_in: 31_536_000 }));
    await source.obtain(transport);
    const request = transport.requests[0];
    expect(request?.url).toBe('https://auth.sangoma.com/oauth/token');
    expect(request?.headers.authorization).toBe(
      `Basic ${Buffer.from(`sangoma-client:${SENTINEL.clientSecret}`).toString('base64')}`,
    );
    expect(form(request)).toEqual({
      grant_type: 'client_credentials',
      scope: 'cx.agent-calls cx.queue-calls cx.digital-interactions',
    });
  });

  it('Sangoma scopes typed as text are sent space-separated', async () => {
    const transport = scripted(json(200, { access_token: 'sg' }));
    await obtainToken(
      bindCredentials(getProfile('sangoma-cx'), {
        ...sangomaCredentials,
        scopes: 'cx.agent-calls, cx.queue-calls',
      }),
      transport,
    );
    expect(form(transport.requests[0]).scope).toBe('cx.agent-calls cx.queue-calls');
  });

  it('generic: chosen placement, extra parameters and password grant', async () => {
    const transport = scripted(json(200, { access_token: 'g' }));
    await obtainToken(
      bindCredentials(getProfile('generic-oauth2'), {
        ...genericCredentials,
        clientAuth: 'body',
        grantType: 'password',
        username: 'u',
        password: SENTINEL.password,
        scope: 'read write',
        extraParams: '{"audience":"api"}',
      }),
      transport,
    );
    expect(form(transport.requests[0])).toEqual({
      grant_type: 'password',
      username: 'u',
      password: SENTINEL.password,
      scope: 'read write',
      audience: 'api',
      client_id: 'generic-client',
      client_secret: SENTINEL.clientSecret,
    });
  });
});

describe('token source keys and errors', () => {
  it('keys identify the credential and hash the secret', () => {
    const profile = getProfile('mitel-cloudlink');
    const key = createTokenSource(bindCredentials(profile, mitelCredentials)).key;
    expect(key).not.toContain(SENTINEL.clientSecret);
    expect(key).toContain('client-1');
    expect(
      createTokenSource(
        bindCredentials(profile, { ...mitelCredentials, clientSecret: 'other-secret' }),
      ).key,
    ).not.toBe(key);
    expect(
      createTokenSource(bindCredentials(profile, { ...mitelCredentials, accountId: 'acct-2' })).key,
    ).not.toBe(key);
    expect(
      createTokenSource(bindCredentials(profile, { ...mitelCredentials, assumeRole: 'USER' })).key,
    ).not.toBe(key);
    expect(createTokenSource(bindCredentials(profile, mitelCredentials)).key).toBe(key);
  });

  it('incomplete credentials fail before anything is sent', () => {
    expect(() =>
      createTokenSource(bindCredentials(getProfile('sangoma-cx'), { clientId: 'x' })),
    ).toThrow(SwitchboardError);
  });

  it('a rejected sign-in is a typed error without the secret', async () => {
    const transport = scripted(
      json(401, { name: 'ClientSecretMismatch', message: `bad secret ${SENTINEL.clientSecret}` }),
    );
    const error = await obtainToken(
      bindCredentials(getProfile('mitel-cloudlink'), mitelCredentials),
      transport,
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SwitchboardError);
    expect((error as SwitchboardError).code).toBe('invalid_client');
    expect(JSON.stringify(error)).not.toContain(SENTINEL.clientSecret);
    expect((error as SwitchboardError).message).not.toContain(SENTINEL.clientSecret);
  });
});
