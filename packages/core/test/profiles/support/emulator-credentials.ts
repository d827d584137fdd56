// Connection settings that point each profile at the emulator, from the emulator's provider
// list (each provider declares its connection) and EMULATOR_SEED for the per-test variants.
import { EMULATOR_SEED, providerModules } from '@switchboard/emulator';
import { profiles } from '../../../src/profiles/registry';
import type { CredentialValues, ProviderProfile } from '../../../src/profiles/types';

/** The credentials the emulator declares for core's profile `profileId`, at `url`. */
export function emulatorCredentials(profileId: string, url: string): CredentialValues {
  const provider = providerModules.find((candidate) => candidate.profileId === profileId);
  if (provider === undefined) {
    throw new Error(
      `Profile ${profileId} has no emulator provider: add one to tools/emulator/src/providers/index.ts.`,
    );
  }
  return provider.connection(url).values;
}

/** Every core profile with its emulator credentials; fails on a profile the emulator lacks. */
export function everyProfileAt(
  url: string,
): Array<{ profile: ProviderProfile; credentials: CredentialValues }> {
  return profiles.map((profile) => ({
    profile,
    credentials: emulatorCredentials(profile.id, url),
  }));
}

export type MitelEnv = 'prod' | 'sandbox';

export function mitelAt(
  url: string,
  env: MitelEnv = 'prod',
  client: 'acmeAdmin' | 'partnerAdmin' | 'acmeUser' = 'acmeAdmin',
): CredentialValues {
  const seed = EMULATOR_SEED.mitel[env].clients[client];
  return {
    environment: 'custom',
    customBaseUrl: `${url}/mitel/${env}/{service}/2017-09-01`,
    grantType: 'client_credentials',
    clientId: seed.clientId,
    clientSecret: seed.clientSecret,
    accountId: seed.accountId,
  };
}

export const dellAt = (url: string): CredentialValues => emulatorCredentials('dell-cloudlink', url);

export const brightPatternAt = (url: string): CredentialValues =>
  emulatorCredentials('bright-pattern', url);

export function sangomaAt(
  url: string,
  client: 'full' | 'agentOnly' | 'rawSecret' = 'full',
): CredentialValues {
  const seed = EMULATOR_SEED.sangoma.clients[client];
  return {
    clientId: seed.clientId,
    clientSecret: seed.clientSecret,
    scopes: [...seed.scopes],
    tenantDomain: seed.tenantDomain,
    tokenUrl: `${url}/sangoma/auth/oauth/token`,
    apiBaseUrl: `${url}/sangoma/cpaas/cx/api/v1`,
  };
}

export const genericAt = (url: string): CredentialValues =>
  emulatorCredentials('generic-oauth2', url);

/** Every secret of the seed, for leak checks. */
export function seedSecrets(): string[] {
  return providerModules.flatMap((provider) => [...provider.secrets]);
}
