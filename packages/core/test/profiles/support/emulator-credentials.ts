// Connection settings that point each profile at the emulator, from EMULATOR_SEED.
import { EMULATOR_SEED } from '@switchboard/emulator';
import type { CredentialValues } from '../../../src/profiles/types';

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

export function dellAt(url: string): CredentialValues {
  const seed = EMULATOR_SEED.dell.clients.admin;
  return { baseUrl: `${url}/dell`, clientId: seed.clientId, clientSecret: seed.clientSecret };
}

export function brightPatternAt(url: string): CredentialValues {
  const seed = EMULATOR_SEED.brightpattern.clients.acme;
  return {
    baseUrl: `${url}/brightpattern`,
    tenant: seed.tenant,
    clientId: seed.clientId,
    clientSecret: seed.clientSecret,
  };
}

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

export function genericAt(url: string): CredentialValues {
  const seed = EMULATOR_SEED.generic.clients.service;
  return {
    tokenUrl: `${url}/generic/oauth/token`,
    clientId: seed.clientId,
    clientSecret: seed.clientSecret,
    scope: seed.scopes.join(' '),
    apiBaseUrl: `${url}/generic/api`,
  };
}

/** Every secret of the seed, for leak checks. */
export function seedSecrets(): string[] {
  const secrets: string[] = [];
  for (const env of ['prod', 'sandbox'] as const) {
    for (const client of Object.values(EMULATOR_SEED.mitel[env].clients))
      secrets.push(client.clientSecret);
    for (const user of Object.values(EMULATOR_SEED.mitel[env].users)) secrets.push(user.password);
  }
  for (const client of Object.values(EMULATOR_SEED.dell.clients)) secrets.push(client.clientSecret);
  for (const client of Object.values(EMULATOR_SEED.brightpattern.clients))
    secrets.push(client.clientSecret);
  for (const client of Object.values(EMULATOR_SEED.sangoma.clients))
    secrets.push(client.clientSecret);
  for (const client of Object.values(EMULATOR_SEED.generic.clients))
    secrets.push(client.clientSecret);
  return secrets;
}
