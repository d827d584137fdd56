import { getProfile } from '@switchboard/core';
import type {
  ICredentialDataDecryptedObject,
  IHttpRequestHelper,
  IHttpRequestOptions,
} from 'n8n-workflow';
import { MitelCloudLinkApi } from '../credentials/MitelCloudLinkApi.credentials';
import { SangomaCxApi } from '../credentials/SangomaCxApi.credentials';
import { DellCloudLinkCenterApi } from '../credentials/DellCloudLinkCenterApi.credentials';
import {
  bearerAuthentication,
  credentialProperties,
  credentialTest,
  credentialValues,
  tokenNeedsRenewal,
} from '../lib/credential';
import {
  REFRESH_TOKEN_EXPIRES_FIELD,
  REFRESH_TOKEN_FIELD,
  REFRESH_TOKEN_FOR_FIELD,
  TOKEN_EXPIRES_FIELD,
  TOKEN_FIELD,
  TOKEN_OBTAINED_FIELD,
} from '../lib/providers';
import { SENTINEL } from './fixtures';

interface FakeResponse {
  statusCode: number;
  body: string;
  headers?: Record<string, string>;
}

/** A stand-in for n8n's `this.helpers.httpRequest` that records what it was asked to send. */
function fakeHelpers(...responses: FakeResponse[]) {
  const sent: IHttpRequestOptions[] = [];
  const helper = {
    helpers: {
      httpRequest: async (options: IHttpRequestOptions) => {
        sent.push(options);
        const next = responses.shift();
        if (next === undefined) throw new Error('unexpected request');
        return { statusCode: next.statusCode, headers: next.headers ?? {}, body: next.body };
      },
    },
  } as unknown as IHttpRequestHelper;
  return { helper, sent };
}

const mitelCredentials: ICredentialDataDecryptedObject = {
  environment: 'custom',
  customBaseUrl: 'http://127.0.0.1:9/mitel/prod/{service}/2017-09-01',
  grantType: 'client_credentials',
  clientId: 'client-1',
  clientSecret: `${SENTINEL}-secret`,
  accountId: 'acc-1',
  assumeRole: '',
  [TOKEN_FIELD]: '',
};

describe('credential preAuthentication', () => {
  // Returns the refresh token too now (it used to be dropped, so n8n signed in again hourly).
  it('runs the Mitel client-credentials grant through n8n’s helper and returns the token and its refresh token', async () => {
    const { helper, sent } = fakeHelpers({
      statusCode: 201,
      body: JSON.stringify({
        access_token: 'tok-1',
        token_type: 'bearer',
        expires_in: 3600,
        refresh_token: 'rt-1',
      }),
    });
    const credential = new MitelCloudLinkApi();
    const result = await credential.preAuthentication.call(helper, { ...mitelCredentials });
    expect(result[TOKEN_FIELD]).toBe('tok-1');
    expect(Number(result[TOKEN_EXPIRES_FIELD]) - Number(result[TOKEN_OBTAINED_FIELD])).toBe(
      3600_000,
    );
    expect(Object.keys(result).sort()).toEqual(
      [
        TOKEN_FIELD,
        TOKEN_EXPIRES_FIELD,
        TOKEN_OBTAINED_FIELD,
        REFRESH_TOKEN_FIELD,
        REFRESH_TOKEN_FOR_FIELD,
        REFRESH_TOKEN_EXPIRES_FIELD,
      ].sort(),
    );
    expect(result[REFRESH_TOKEN_FIELD]).toBe('rt-1');
    expect(sent).toHaveLength(1);
    const request = sent[0];
    expect(request?.method).toBe('POST');
    expect(request?.url).toBe('http://127.0.0.1:9/mitel/prod/authentication/2017-09-01/token');
    expect(request?.returnFullResponse).toBe(true);
    expect(request?.ignoreHttpStatusErrors).toBe(true);
    const form = new URLSearchParams(String(request?.body));
    expect(form.get('grant_type')).toBe('client_credentials');
    expect(form.get('client_id')).toBe('client-1');
    expect(form.get('client_secret')).toBe(`${SENTINEL}-secret`);
    expect(form.get('account_id')).toBe('acc-1');
  });

  it('runs assume-role after the grant when a role is set', async () => {
    const { helper, sent } = fakeHelpers(
      {
        statusCode: 201,
        body: JSON.stringify({ access_token: 'first', token_type: 'Bearer', expires_in: 3600 }),
      },
      {
        statusCode: 201,
        body: JSON.stringify({
          access_token: 'role-token',
          token_type: 'Bearer',
          expires_in: 3600,
        }),
      },
    );
    const result = await new MitelCloudLinkApi().preAuthentication.call(helper, {
      ...mitelCredentials,
      assumeRole: 'USER',
      assumeRoleAccountId: 'customer-7',
    });
    expect(result[TOKEN_FIELD]).toBe('role-token');
    expect(sent[1]?.url).toBe(
      'http://127.0.0.1:9/mitel/prod/authentication/2017-09-01/assume-role/token',
    );
    expect(sent[1]?.headers).toMatchObject({ authorization: 'Bearer first' });
  });

  it('fails with the provider’s reason and core’s hint, without the secret, status or code', async () => {
    const { helper } = fakeHelpers({
      statusCode: 401,
      body: JSON.stringify({
        name: 'ClientSecretMismatch',
        message: 'Client secret does not match',
      }),
    });
    // Another secret than the tests above: a token renewed for the same values is shared.
    const failure = await new MitelCloudLinkApi().preAuthentication
      .call(helper, { ...mitelCredentials, clientSecret: `${SENTINEL}-wrong` })
      .catch((error: unknown) => error as Error & { response?: unknown; code?: unknown });
    expect(failure).toBeInstanceOf(Error);
    expect(failure.message).toMatch(/ClientSecretMismatch|secret/i);
    expect(failure.message).toContain('—');
    expect(failure.message).not.toContain(SENTINEL);
    expect(failure.response).toBeUndefined();
    expect(failure.code).toBeUndefined();
  });

  it('reports an unreachable token endpoint as a network failure', async () => {
    const helper = {
      helpers: {
        httpRequest: async () => {
          throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:9'), {
            code: 'ECONNREFUSED',
          });
        },
      },
    } as unknown as IHttpRequestHelper;
    const failure = await new MitelCloudLinkApi().preAuthentication
      .call(helper, { ...mitelCredentials, clientId: 'client-unreachable' })
      .catch((error: unknown) => error as Error);
    expect(failure.message).toMatch(/refused/i);
  });

  it('sends Sangoma’s client credentials as HTTP Basic with the scopes in the body', async () => {
    const { helper, sent } = fakeHelpers({
      statusCode: 200,
      body: JSON.stringify({
        access_token: 'year-token',
        token_type: 'bearer',
        expires_in: 31536000,
        scope: 'cx.agent-calls',
      }),
    });
    const result = await new SangomaCxApi().preAuthentication.call(helper, {
      clientId: 'cid',
      clientSecret: `${SENTINEL}-s`,
      scopes: 'cx.agent-calls',
      tenantDomain: 'acme.cx.sangoma.com',
      tokenUrl: 'http://127.0.0.1:9/sangoma/auth/oauth/token',
      apiBaseUrl: 'http://127.0.0.1:9/sangoma/cpaas/cx/api/v1',
    });
    expect(result[TOKEN_FIELD]).toBe('year-token');
    const headers = sent[0]?.headers as Record<string, string>;
    expect(headers.authorization ?? headers.Authorization).toMatch(/^Basic /);
    expect(String(sent[0]?.body)).toContain('scope=cx.agent-calls');
    expect(String(sent[0]?.body)).not.toContain(SENTINEL);
  });

  it('puts Dell’s credentials in the token URL’s query string and keeps them out of errors', async () => {
    const { helper, sent } = fakeHelpers({ statusCode: 401, body: '{"error":"invalid_client"}' });
    const failure = await new DellCloudLinkCenterApi().preAuthentication
      .call(helper, {
        baseUrl: 'http://127.0.0.1:9/dell',
        clientId: 'clc-client',
        clientSecret: `${SENTINEL}-dell`,
        scope: 'all',
        allowSelfSigned: false,
      })
      .catch((error: unknown) => error as Error);
    expect(sent[0]?.url).toContain('client_secret=');
    expect(sent[0]?.body).toBeUndefined();
    expect(failure.message).not.toContain(SENTINEL);
  });
});

describe('renewal before expiry', () => {
  const stored = (obtainedAt: number, expiresAt: number) => ({
    [TOKEN_FIELD]: 'tok',
    [TOKEN_OBTAINED_FIELD]: obtainedAt,
    [TOKEN_EXPIRES_FIELD]: expiresAt,
  });

  it('renews Mitel tokens a little before they expire', () => {
    const mitel = getProfile('mitel-cloudlink');
    expect(tokenNeedsRenewal(mitel, stored(0, 3600_000), 1000)).toBe(false);
    expect(tokenNeedsRenewal(mitel, stored(0, 3600_000), 3600_000 - 1000)).toBe(true);
  });

  it('keeps Sangoma tokens until they have expired', () => {
    const sangoma = getProfile('sangoma-cx');
    expect(tokenNeedsRenewal(sangoma, stored(0, 3600_000), 3600_000 - 1)).toBe(false);
    expect(tokenNeedsRenewal(sangoma, stored(0, 3600_000), 3600_000)).toBe(true);
  });

  it('leaves empty tokens and tokens without a known expiry to n8n', () => {
    const mitel = getProfile('mitel-cloudlink');
    expect(tokenNeedsRenewal(mitel, { [TOKEN_FIELD]: '' }, 10)).toBe(false);
    expect(tokenNeedsRenewal(mitel, { [TOKEN_FIELD]: 'old' }, 10)).toBe(false);
  });
});

describe('credential values', () => {
  it('accepts Sangoma scopes separated by commas or spaces', () => {
    const profile = getProfile('sangoma-cx');
    expect(
      credentialValues(profile, {
        scopes: 'cx.agent-calls, cx.queue-calls  cx.digital-interactions',
      }).scopes,
    ).toEqual(['cx.agent-calls', 'cx.queue-calls', 'cx.digital-interactions']);
  });

  it('keeps only the profile’s fields (not the stored token)', () => {
    const values = credentialValues(getProfile('dell-cloudlink'), {
      baseUrl: 'https://clc',
      [TOKEN_FIELD]: 'tok',
      other: 1,
    });
    expect(values).toEqual({ baseUrl: 'https://clc' });
  });
});

describe('credential form and test request', () => {
  it('has a hidden expirable token field and password-typed secrets', () => {
    const properties = credentialProperties(getProfile('mitel-cloudlink'));
    const token = properties.find((property) => property.name === TOKEN_FIELD);
    expect(token?.type).toBe('hidden');
    expect(token?.typeOptions?.expirable).toBe(true);
    const secret = properties.find((property) => property.name === 'clientSecret');
    expect(secret?.typeOptions?.password).toBe(true);
    const environment = properties.find((property) => property.name === 'environment');
    expect(environment?.options).toHaveLength(4);
  });

  it('adds the bearer header from the token field, keeping the other headers', async () => {
    expect(new MitelCloudLinkApi().authenticate).toBe(bearerAuthentication);
    const options = await bearerAuthentication(
      { [TOKEN_FIELD]: 'tok-9', clientSecret: `${SENTINEL}-x` },
      { url: 'https://admin.api.mitel.io/x', headers: { 'X-Mitel-App': 'app=a' } },
    );
    expect(options.headers).toEqual({ 'X-Mitel-App': 'app=a', Authorization: 'Bearer tok-9' });
    expect(JSON.stringify(options)).not.toContain(SENTINEL);
  });

  it('tests Mitel with who-am-I and explains a rejected token with core’s hint', () => {
    const test = credentialTest(getProfile('mitel-cloudlink'));
    expect(test.request.method).toBe('GET');
    expect(String(test.request.url)).toContain('"/token"');
    const rule401 = test.rules?.find((rule) => rule.properties.value === 401);
    expect(String(rule401?.properties.message)).toMatch(/environment/i);
  });

  it('tests providers without who-am-I by the grant alone', () => {
    const test = credentialTest(getProfile('sangoma-cx'));
    expect(test.request.ignoreHttpStatusErrors).toBe(true);
    expect(test.rules).toBeUndefined();
  });
});
