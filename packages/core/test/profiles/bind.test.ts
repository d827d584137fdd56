// bindCredentials: one validation and one resolution per credential, consumed by the token
// source, the API client, the operation builder and diagnose.
import * as baseUrlModule from '../../src/profiles/base-url';
import * as validateModule from '../../src/profiles/validate';
import { bindCredentials } from '../../src/profiles/bind';
import { compileTemplate } from '../../src/profiles/template';
import { createConnection } from '../../src/connection/connection';
import { buildOperationRequest } from '../../src/operations/build-request';
import { createTokenSource } from '../../src/profiles/token-source';
import { getProfile, profiles } from '../../src/profiles/registry';
import { fakeTransport, statusResponse } from '../engine/fakes';
import { SENTINEL, dellCredentials, mitelCredentials, thrown } from './helpers';
import { emulatorCredentials } from './support/emulator-credentials';

const mitel = getProfile('mitel-cloudlink');

afterEach(() => jest.restoreAllMocks());

describe('bindCredentials', () => {
  it('names every problem of incomplete settings in one invalid_configuration error', () => {
    const error = thrown(() => bindCredentials(mitel, { environment: 'production' }));
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toMatch(/Client ID \(clientId\) is required/);
    expect(error.message).toMatch(/Client Secret \(clientSecret\) is required/);
  });

  it('resolves headers, secrets, TLS, the cache key and the API origins once', () => {
    const bound = bindCredentials(getProfile('dell-cloudlink'), {
      ...dellCredentials,
      allowSelfSigned: true,
    });
    expect(bound.secrets).toEqual([SENTINEL.clientSecret]);
    expect(bound.tls).toEqual({ allowSelfSigned: true });
    expect(bound.token.request.tls).toEqual({ allowSelfSigned: true });
    expect(bound.apiOrigins).toEqual(['https://clc.example.test']);
    expect(bound.cacheKey).toContain('clientId=clc-client');
    expect(bound.cacheKey).not.toContain(SENTINEL.clientSecret);
    expect(bindCredentials(mitel, mitelCredentials).headers['X-Mitel-App']).toMatch(
      /^app=switchboard\//,
    );
    expect(
      bindCredentials(mitel, { ...mitelCredentials, application: 'erp-sync' }).headers,
    ).toEqual({ 'X-Mitel-App': 'erp-sync' });
  });

  it('resolves a base URL once per service, however many requests use it', () => {
    const resolve = jest.spyOn(baseUrlModule, 'resolveBaseUrl');
    const bound = bindCredentials(mitel, mitelCredentials);
    for (let index = 0; index < 5; index++)
      buildOperationRequest(bound, 'user.list', { accountId: 'acct-1' });
    expect(bound.baseUrl('admin')).toBe('https://admin.example.test/2017-09-01');
    const admin = resolve.mock.calls.filter(([, , service]) => service === 'admin');
    expect(admin).toHaveLength(1);
  });

  it('keeps its own copy: changing the values afterwards changes nothing', () => {
    const values = { ...mitelCredentials };
    const bound = bindCredentials(mitel, values);
    values.clientId = 'someone-else';
    expect(bound.values.clientId).toBe('client-1');
    expect(Object.isFrozen(bound.values)).toBe(true);
    expect(bound.token.request.client?.id).toBe('client-1');
  });

  it('is not changed by a token source that sets its own timeout', () => {
    const bound = bindCredentials(mitel, mitelCredentials);
    createTokenSource(bound, { timeoutMs: 1234, allowInsecureHttp: true });
    expect(bound.token.request.timeoutMs).toBeUndefined();
    expect(bound.token.request.allowInsecureHttp).toBeUndefined();
  });

  it.each(profiles.map((profile) => [profile.id, profile] as const))(
    '%s: binds the emulator module’s connection and builds its who-am-I from it',
    (_id, profile) => {
      const bound = bindCredentials(profile, emulatorCredentials(profile.id, 'https://emu.test'));
      expect(bound.apiOrigins).toContain('https://emu.test');
      if (profile.whoAmI !== undefined) {
        const request = buildOperationRequest(bound, profile.whoAmI, {});
        expect(new URL(request.url).origin).toBe('https://emu.test');
      }
    },
  );
});

describe('a connection validates its credentials once', () => {
  it('however many operations, pages and diagnoses it runs', async () => {
    const validate = jest.spyOn(validateModule, 'validateCredentials');
    const transport = fakeTransport((request) =>
      request.url.endsWith('/token')
        ? statusResponse(201, { access_token: 'at-1', token_type: 'bearer', expires_in: 3600 })
        : statusResponse(200, { claims: { accountId: 'acct-1' }, _embedded: { items: [] } }),
    );
    const connection = createConnection(mitel, mitelCredentials, { transport });
    try {
      await connection.execute('auth.whoAmI', {});
      await connection.execute('user.list', { accountId: 'acct-1' }, { returnAll: true });
      await connection.execute('auth.whoAmI', {});
      expect((await connection.diagnose()).ok).toBe(true);
    } finally {
      await connection.close();
    }
    expect(validate).toHaveBeenCalledTimes(1);
  });
});

describe('compileTemplate', () => {
  it('parses a template once per profile and names what each placeholder is', () => {
    const parts = compileTemplate(mitel, '{service:authentication}/token');
    expect(compileTemplate(mitel, '{service:authentication}/token')).toBe(parts);
    expect(parts).toEqual([{ kind: 'baseUrl', service: 'authentication' }, '/token']);
    expect(compileTemplate(mitel, 'https://{service}.x/{region}')).toEqual([
      'https://',
      { kind: 'service' },
      '.x/',
      { kind: 'field', field: mitel.fields.find((field) => field.name === 'region') },
    ]);
  });

  it('reports a placeholder that is not a field as a profile error', () => {
    const error = thrown(() => compileTemplate(mitel, 'https://{nope}.example.test'));
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toContain('refers to "{nope}", which is not defined');
  });
});
