import { readRegion } from '../../src/diagnose/region';
import { getProfile } from '../../src/profiles/registry';
import type { CredentialValues } from '../../src/profiles/types';

const mitel = getProfile('mitel-cloudlink');
const regionAt = (region: string): CredentialValues => ({
  environment: 'region',
  region,
  clientId: 'c',
  clientSecret: 's',
});
const who = (domain: string) => JSON.stringify({ claims: { accountId: 'a1', domain } });

describe('the account region from the token’s domain claim', () => {
  it('reads it from who-am-I claims and compares it with the region of the base URL', () => {
    expect(readRegion(mitel, regionAt('eu'), who('a1.eu.api.mitel.io'), 'opaque')).toMatchObject({
      region: 'eu',
      ok: true,
    });
    expect(readRegion(mitel, regionAt('us'), who('a1.eu.api.mitel.io'), 'opaque')).toMatchObject({
      region: 'eu',
      ok: false,
      detail: expect.stringContaining('set Region to eu'),
    });
    // A regional host such as media.us-west-2.us.api.mitel.io lies in region us.
    expect(
      readRegion(mitel, regionAt('us-west-2.us'), who('a1.us.api.mitel.io'), 'opaque')?.ok,
    ).toBe(true);
    // Sandbox domains carry .dev; it is not part of the region.
    expect(
      readRegion(
        mitel,
        { ...regionAt('x'), environment: 'sandbox' },
        who('a1.us.dev.api.mitel.io'),
        '',
      )?.detail,
    ).toContain('global host');
  });

  it('reads a JWT access token’s claims when who-am-I has none', () => {
    const payload = Buffer.from(JSON.stringify({ domain: 'a1.eu.api.mitel.io' })).toString(
      'base64url',
    );
    expect(readRegion(mitel, regionAt('eu'), '{}', `e30.${payload}.sig`)?.region).toBe('eu');
  });

  it('says nothing without a domain claim, or for profiles without a region claim', () => {
    expect(readRegion(mitel, regionAt('eu'), '{"claims": {}}', 'opaque')).toBeUndefined();
    expect(readRegion(mitel, regionAt('eu'), 'not json', 'opaque')).toBeUndefined();
    expect(
      readRegion(getProfile('dell-cloudlink'), {}, who('a1.eu.api.mitel.io'), 'opaque'),
    ).toBeUndefined();
  });

  it('shows the region without judging a custom base URL that is not a Mitel host', () => {
    const custom = { environment: 'custom', customBaseUrl: 'http://127.0.0.1:9/{service}' };
    expect(readRegion(mitel, custom, who('a1.eu.api.mitel.io'), 'opaque')).toMatchObject({
      ok: true,
      detail: 'The token’s domain claim (a1.eu.api.mitel.io) puts the account in region eu.',
    });
  });
});
