import { profiles, resolveBaseUrl } from '@switchboard/core';
import type { CredentialValues, ProviderProfile } from '@switchboard/core';
import { baseUrlExpression, urlExpression } from '../lib/url-expression';
import { sampleCredentials } from './fixtures';

// Evaluates a generated expression the way n8n does for `={{ ... }}`: plain JavaScript with
// `$credentials` in scope.
function evaluate(expression: string, credentials: CredentialValues): unknown {
  return new Function('$credentials', `return ${expression};`)(credentials);
}

function environmentVariants(profile: ProviderProfile): CredentialValues[] {
  const base = sampleCredentials(profile);
  if (profile.environment === undefined) return [base];
  return Object.keys(profile.environment.urls).map((choice) => ({
    ...base,
    [profile.environment?.field ?? '']: choice,
    customBaseUrl: 'https://gateway.example.test/{service}/v1/',
  }));
}

describe('URL expressions for the credential test', () => {
  for (const profile of profiles) {
    for (const service of Object.keys(profile.baseUrls)) {
      it(`${profile.id} ${service}: the same URL as core for every environment`, () => {
        for (const credentials of environmentVariants(profile)) {
          const fromExpression = evaluate(baseUrlExpression(profile, service), credentials);
          expect(fromExpression).toBe(resolveBaseUrl(profile, credentials, service));
        }
      });
    }
  }

  for (const profile of profiles) {
    it(`${profile.id}: URL fields typed with spaces and a trailing slash give core's URL`, () => {
      const typed: CredentialValues = { ...sampleCredentials(profile) };
      for (const field of profile.fields.filter((candidate) => candidate.format === 'url')) {
        const value = typed[field.name];
        if (typeof value === 'string' && value !== '') typed[field.name] = `  ${value}/ `;
      }
      for (const service of Object.keys(profile.baseUrls)) {
        const fromExpression = evaluate(baseUrlExpression(profile, service), typed);
        expect(fromExpression).toBe(resolveBaseUrl(profile, typed, service));
        expect(String(fromExpression)).not.toMatch(/\/\/[^/]*\/\/|\s/);
      }
    });
  }

  it('wraps the URL in an n8n expression and appends the path', () => {
    const mitel = profiles.find((profile) => profile.id === 'mitel-cloudlink');
    if (mitel === undefined) throw new Error('no Mitel profile');
    const expression = urlExpression(mitel, 'authentication', '/token');
    expect(expression.startsWith('={{ ')).toBe(true);
    const url = evaluate(
      expression.slice(3, -2),
      sampleCredentials(mitel, { environment: 'sandbox' }),
    );
    expect(url).toBe('https://authentication.dev.api.mitel.io/2017-09-01/token');
  });

  it('uses a field default when the credential has no value', () => {
    const mitel = profiles.find((profile) => profile.id === 'mitel-cloudlink');
    if (mitel === undefined) throw new Error('no Mitel profile');
    const url = evaluate(baseUrlExpression(mitel, 'admin'), {});
    expect(url).toBe('https://admin.api.mitel.io/2017-09-01');
  });
});
