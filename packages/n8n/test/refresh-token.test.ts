import type {
  ICredentialDataDecryptedObject,
  IDataObject,
  IHttpRequestHelper,
  IHttpRequestOptions,
} from 'n8n-workflow';
import { MitelCloudLinkApi } from '../credentials/MitelCloudLinkApi.credentials';
import { SwitchboardOAuth2Api } from '../credentials/SwitchboardOAuth2Api.credentials';
import { REFRESH_TOKEN_FIELD, REFRESH_TOKEN_FOR_FIELD, TOKEN_FIELD } from '../lib/providers';
import { SENTINEL } from './fixtures';

interface Answer {
  statusCode: number;
  body: Record<string, unknown>;
}

/** n8n's `this.helpers.httpRequest`: records each token request's form, answers in turn. */
function tokenEndpoint(...answers: Answer[]) {
  const forms: URLSearchParams[] = [];
  const helper = {
    helpers: {
      httpRequest: async (options: IHttpRequestOptions) => {
        forms.push(new URLSearchParams(String(options.body)));
        const next = answers.shift();
        if (next === undefined) throw new Error('unexpected token request');
        return { statusCode: next.statusCode, headers: {}, body: JSON.stringify(next.body) };
      },
    },
  } as unknown as IHttpRequestHelper;
  return { helper, forms };
}

const issued = (access: string, refresh?: string): Answer => ({
  statusCode: 201,
  body: {
    access_token: access,
    token_type: 'Bearer',
    expires_in: 3600,
    ...(refresh === undefined ? {} : { refresh_token: refresh }),
  },
});
const rejected: Answer = {
  statusCode: 401,
  body: { error: 'invalid_grant', error_description: 'InvalidRefreshToken' },
};

const mitelPassword: ICredentialDataDecryptedObject = {
  environment: 'custom',
  customBaseUrl: 'http://127.0.0.1:9/mitel/prod/{service}/2017-09-01',
  grantType: 'password',
  clientId: 'client-1',
  username: 'alice@example.test',
  password: `${SENTINEL}-password`,
  accountId: 'acc-1',
  assumeRole: '',
  [TOKEN_FIELD]: '',
};

const genericPassword: ICredentialDataDecryptedObject = {
  tokenUrl: 'http://127.0.0.1:9/generic/oauth/token',
  grantType: 'password',
  clientId: 'client-1',
  clientSecret: `${SENTINEL}-secret`,
  username: 'bob',
  password: `${SENTINEL}-password`,
  clientAuth: 'body',
  apiBaseUrl: 'http://127.0.0.1:9/generic/api',
  [TOKEN_FIELD]: '',
};

const cases = [
  { name: 'Mitel password sign-in', credential: new MitelCloudLinkApi(), data: mitelPassword },
  {
    name: 'generic OAuth2 password grant',
    credential: new SwitchboardOAuth2Api(),
    data: genericPassword,
  },
];

// Each renewal here comes when the token is due, as in n8n (the node empties a token about to
// expire): the clock moves two hours before every call, past the one-hour tokens, so the
// process's single flight (single-flight.ts) does not hand back the token it renewed last.
const TWO_HOURS_MS = 2 * 3_600_000;
beforeEach(() => {
  jest.useFakeTimers({ doNotFake: ['nextTick', 'setImmediate', 'setTimeout', 'clearTimeout'] });
  jest.setSystemTime(Date.parse('2026-12-01T08:00:00Z'));
});
afterEach(() => jest.useRealTimers());

describe.each(cases)('$name keeps and uses its refresh token', ({ credential, data }) => {
  const preAuth = (
    helper: IHttpRequestHelper,
    values: ICredentialDataDecryptedObject,
  ): Promise<IDataObject> => {
    jest.setSystemTime(Date.now() + TWO_HOURS_MS);
    return credential.preAuthentication.call(helper, { ...values });
  };

  it('signs in once, then renews with the refresh token (rotated), not the password', async () => {
    const { helper, forms } = tokenEndpoint(
      issued('a1', 'r1'),
      issued('a2', 'r2'),
      issued('a3', 'r3'),
    );
    const first = await preAuth(helper, data);
    expect(first[REFRESH_TOKEN_FIELD]).toBe('r1');
    const second = await preAuth(helper, { ...data, ...first, [TOKEN_FIELD]: '' });
    const third = await preAuth(helper, { ...data, ...second, [TOKEN_FIELD]: '' });
    expect(forms.map((form) => form.get('grant_type'))).toEqual([
      'password',
      'refresh_token',
      'refresh_token',
    ]);
    expect(forms[1]?.get('refresh_token')).toBe('r1');
    expect(forms[2]?.get('refresh_token')).toBe('r2');
    expect(forms[1]?.get('password')).toBeNull();
    expect(third[TOKEN_FIELD]).toBe('a3');
    expect(third[REFRESH_TOKEN_FIELD]).toBe('r3');
  });

  it('a rejected refresh token falls back to the full grant, once', async () => {
    const { helper, forms } = tokenEndpoint(issued('a1', 'r1'), rejected, issued('a2', 'r2'));
    const first = await preAuth(helper, data);
    const second = await preAuth(helper, { ...data, ...first, [TOKEN_FIELD]: '' });
    expect(forms.map((form) => form.get('grant_type'))).toEqual([
      'password',
      'refresh_token',
      'password',
    ]);
    expect(second[TOKEN_FIELD]).toBe('a2');
    expect(second[REFRESH_TOKEN_FIELD]).toBe('r2');
  });

  it('a failing full grant after a rejected refresh is reported, not retried', async () => {
    const { helper, forms } = tokenEndpoint(issued('a1', 'r1'), rejected, {
      statusCode: 401,
      body: { error: 'invalid_grant', error_description: 'bad password' },
    });
    const first = await preAuth(helper, data);
    await expect(preAuth(helper, { ...data, ...first, [TOKEN_FIELD]: '' })).rejects.toThrow();
    expect(forms).toHaveLength(3);
  });

  it('never sends a refresh token issued for other values (a changed user)', async () => {
    const { helper, forms } = tokenEndpoint(issued('a1', 'r1'), issued('a2', 'r2'));
    const first = await preAuth(helper, data);
    expect(first[REFRESH_TOKEN_FOR_FIELD]).not.toBe('');
    await preAuth(helper, { ...data, ...first, username: 'someone-else', [TOKEN_FIELD]: '' });
    expect(forms.map((form) => form.get('grant_type'))).toEqual(['password', 'password']);
  });

  it('clears a stored refresh token when the grant returns none', async () => {
    const { helper } = tokenEndpoint(issued('a1', 'r1'), rejected, issued('a2'));
    const first = await preAuth(helper, data);
    const second = await preAuth(helper, { ...data, ...first, [TOKEN_FIELD]: '' });
    expect(second[REFRESH_TOKEN_FIELD]).toBe('');
    expect(second[REFRESH_TOKEN_FOR_FIELD]).toBe('');
  });
});

it('the refresh token is a hidden password field of every credential', () => {
  for (const credential of [new MitelCloudLinkApi(), new SwitchboardOAuth2Api()]) {
    const field = credential.properties.find((property) => property.name === REFRESH_TOKEN_FIELD);
    expect(field).toMatchObject({ type: 'hidden', typeOptions: { password: true }, default: '' });
  }
});
