// The registry is the one list of providers: ids, lookups and each profile's platform manifest.
import { getProfile, profiles, type ProviderId } from '../../src/profiles/registry';

/** Fails to compile when a profile is typed plain `ProviderProfile` and widens the ids. */
const idsAreLiterals: string extends ProviderId ? false : true = true;

describe('profile registry', () => {
  it('derives ProviderId from the registered profiles, one literal per profile', () => {
    expect(idsAreLiterals).toBe(true);
    const first: ProviderId = profiles[0].id;
    expect(getProfile(first)).toBe(profiles[0]);
  });

  it('refuses an unknown id and names the known ones', () => {
    expect(() => getProfile('no-such-provider')).toThrow(
      expect.objectContaining({
        message: 'Unknown provider "no-such-provider".',
        hint: `Use one of: ${profiles.map((profile) => profile.id).join(', ')}.`,
      }),
    );
  });

  it('gives every profile distinct n8n names, an icon and a documentation link', () => {
    const names = profiles.flatMap((profile) => [
      profile.platform.n8n.nodeName,
      profile.platform.n8n.credentialName,
      profile.platform.n8n.nodeClassName,
      profile.platform.n8n.credentialClassName,
    ]);
    expect(new Set(names).size).toBe(names.length);
    for (const profile of profiles) {
      expect(profile.platform.icon).toMatch(/^[a-z0-9-]+$/);
      expect(profile.docsUrl).toMatch(/^https:\/\//);
      expect(profile.platform.n8n.nodeClassName).toMatch(/^[A-Z][A-Za-z0-9]*$/);
      expect(profile.platform.n8n.credentialClassName).toMatch(/^[A-Z][A-Za-z0-9]*Api$/);
    }
  });
});
