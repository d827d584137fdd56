import { getProfile, profiles } from '../../src/profiles/registry';
import { credentialWarnings, validateCredentials } from '../../src/profiles/validate';
import { resolveBaseUrl } from '../../src/profiles/base-url';
import { mitelCredentials, SENTINEL, sangomaCredentials, dellCredentials, thrown } from './helpers';

describe('validateCredentials', () => {
  it('accepts complete credentials', () => {
    expect(() =>
      validateCredentials(getProfile('mitel-cloudlink'), mitelCredentials),
    ).not.toThrow();
    expect(() => validateCredentials(getProfile('sangoma-cx'), sangomaCredentials)).not.toThrow();
  });

  it('names every missing field, and only the fields shown for the chosen options', () => {
    const error = thrown(() =>
      validateCredentials(getProfile('mitel-cloudlink'), { environment: 'region' }),
    );
    expect(error.code).toBe('invalid_configuration');
    expect(error.message).toContain('Region (region) is required');
    expect(error.message).toContain('Client ID (clientId) is required');
    expect(error.message).toContain('Client Secret (clientSecret) is required');
    expect(error.message).not.toContain('username');
    expect(error.message).not.toContain('customBaseUrl');
    expect(error.hint).toContain('correct the fields');
  });

  it('rejects bad URLs, options, patterns, JSON, CA bundles and an empty scope list', () => {
    const mitel = getProfile('mitel-cloudlink');
    expect(
      thrown(() => validateCredentials(mitel, { ...mitelCredentials, customBaseUrl: 'ftp://x' }))
        .message,
    ).toContain('must start with https://');
    expect(
      thrown(() => validateCredentials(mitel, { ...mitelCredentials, environment: 'moon' }))
        .message,
    ).toContain('use one of: production, sandbox, region, custom');
    expect(
      thrown(() =>
        validateCredentials(mitel, {
          ...mitelCredentials,
          environment: 'region',
          region: 'eu/evil',
        }),
      ).message,
    ).toContain('unexpected format');
    const generic = getProfile('generic-oauth2');
    expect(
      thrown(() =>
        validateCredentials(generic, {
          tokenUrl: 'https://a.test/t',
          clientId: 'c',
          apiBaseUrl: 'https://b.test',
          extraParams: '[1]',
        }),
      ).message,
    ).toContain('must be a JSON object');
    expect(
      thrown(() =>
        validateCredentials(getProfile('dell-cloudlink'), {
          ...dellCredentials,
          caBundle: 'not a pem',
        }),
      ).message,
    ).toContain('PEM');
    expect(
      thrown(() =>
        validateCredentials(getProfile('sangoma-cx'), { ...sangomaCredentials, scopes: [] }),
      ).message,
    ).toContain('Scopes (scopes) is required');
    expect(
      thrown(() =>
        validateCredentials(generic, {
          tokenUrl: `https://user:${SENTINEL.password}@a.test/t`,
          clientId: 'c',
          apiBaseUrl: 'https://b.test',
        }),
      ).message,
    ).not.toContain(SENTINEL.password);
  });

  it('never puts a secret value into the error', () => {
    const error = thrown(() =>
      validateCredentials(getProfile('mitel-cloudlink'), {
        grantType: 'password',
        password: SENTINEL.password,
      }),
    );
    expect(JSON.stringify(error)).not.toContain(SENTINEL.password);
    expect(error.message).not.toContain(SENTINEL.password);
  });
});

describe('credentialWarnings', () => {
  it('reports whitespace around a secret without changing or showing it', () => {
    const credentials = { ...mitelCredentials, clientSecret: ` ${SENTINEL.clientSecret}\n` };
    expect(() => validateCredentials(getProfile('mitel-cloudlink'), credentials)).not.toThrow();
    const warnings = credentialWarnings(getProfile('mitel-cloudlink'), credentials);
    expect(warnings).toEqual([
      expect.stringContaining('Client Secret starts or ends with whitespace'),
    ]);
    expect(warnings.join()).not.toContain(SENTINEL.clientSecret);
    expect(credentialWarnings(getProfile('mitel-cloudlink'), mitelCredentials)).toEqual([]);
  });
});

describe('registry and base URLs', () => {
  it('finds every profile by id and explains unknown ids', () => {
    for (const profile of profiles) expect(getProfile(profile.id)).toBe(profile);
    const error = thrown(() => getProfile('avaya'));
    expect(error.message).toContain('Unknown provider "avaya"');
    expect(error.hint).toContain(
      'mitel-cloudlink, dell-cloudlink, bright-pattern, sangoma-cx, generic-oauth2',
    );
  });

  it('resolves service base URLs and explains unknown services', () => {
    const mitel = getProfile('mitel-cloudlink');
    const emulator = {
      ...mitelCredentials,
      customBaseUrl: 'http://127.0.0.1:1234/mitel/prod/{service}/2017-09-01/',
    };
    expect(resolveBaseUrl(mitel, emulator, 'media')).toBe(
      'http://127.0.0.1:1234/mitel/prod/media/2017-09-01',
    );
    expect(
      resolveBaseUrl(getProfile('dell-cloudlink'), {
        ...dellCredentials,
        baseUrl: ' https://clc.test/ ',
      }),
    ).toBe('https://clc.test/cloudlink/rest');
    expect(thrown(() => resolveBaseUrl(mitel, emulator, 'billing')).hint).toContain(
      'authentication, admin, media, chat, notifications',
    );
  });
});
