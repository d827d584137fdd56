// The provider list is the only place a provider is registered: routing, the control API,
// lifetimes and the connection data tests use all follow it.
import { DEFAULT_LIFETIMES, PROVIDERS, providerModules } from '../src';
import { call, useEmulator } from './helpers';

describe('the provider list', () => {
  const emulator = useEmulator();

  it('has unique names and profile ids', () => {
    const names = providerModules.map((provider) => provider.name);
    const profileIds = providerModules.map((provider) => provider.profileId);
    expect(new Set(names).size).toBe(names.length);
    expect(new Set(profileIds).size).toBe(profileIds.length);
    expect(PROVIDERS).toEqual(names);
  });

  it.each(providerModules.map((provider) => [provider.name, provider] as const))(
    '%s: is mounted, named in the 404, configurable by name and profile id',
    async (name, provider) => {
      const url = emulator().url;
      const mounted = await call(`${url}/${name}/no-such-path`);
      // The emulator's own 404 lists the providers; a mounted provider answers in its own words.
      expect(mounted.text).not.toContain('control: /_control');
      const unknown = await call(`${url}/no-such-provider`);
      expect(unknown.status).toBe(404);
      expect(unknown.text).toContain(`/${name}`);
      expect(emulator().control.tokenLifetime(name)).toBe(provider.tokenLifetimeSec);
      expect(DEFAULT_LIFETIMES[name]).toBe(provider.tokenLifetimeSec);
      emulator().control.setTokenLifetime(provider.profileId, 77);
      expect(emulator().control.tokenLifetime(name)).toBe(77);
    },
  );

  it.each(providerModules.map((provider) => [provider.name, provider] as const))(
    '%s: its connection points at its mount and its secrets are in its seed',
    async (name, provider) => {
      const url = emulator().url;
      const connection = provider.connection(url);
      expect(connection.profileId).toBe(provider.profileId);
      const urls = Object.values(connection.values).filter(
        (value): value is string => typeof value === 'string' && value.startsWith('http'),
      );
      expect(urls.length).toBeGreaterThan(0);
      for (const value of urls) expect(value.startsWith(`${url}/${name}`)).toBe(true);
      expect(provider.secrets.length).toBeGreaterThan(0);
      const seed = await call<Record<string, unknown>>(`${url}/_control/seed`);
      const ownSeed = JSON.stringify(seed.body[name]);
      for (const secret of provider.secrets) expect(ownSeed).toContain(JSON.stringify(secret));
      const connectionSecrets = Object.values(connection.values).filter((value) =>
        provider.secrets.includes(String(value)),
      );
      expect(connectionSecrets.length).toBeGreaterThan(0);
    },
  );

  it('names every listed provider when a control call names an unknown one', () => {
    expect(() => emulator().control.setTokenLifetime('nobody', 5)).toThrow(
      new RegExp(PROVIDERS.join('.*')),
    );
  });
});
