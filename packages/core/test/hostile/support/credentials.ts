// Every profile's credentials, pointed at one hostile server, with sentinel secrets.
import type { CredentialValues, ProviderProfile } from '../../../src/profiles/types';
import { profiles } from '../../../src/profiles/registry';

export interface HostileCase {
  label: string;
  profile: ProviderProfile;
  credentials: CredentialValues;
}

export interface Sentinels {
  client: string;
  password: string;
}

function profile(id: string): ProviderProfile {
  const found = profiles.find((candidate) => candidate.id === id);
  if (found === undefined) throw new Error(`no profile ${id}`);
  return found;
}

/**
 * One case per way a secret goes on the wire: form body, HTTP Basic (strict and raw), the
 * query string (Dell), the password grant; for every profile.
 */
export function hostileCases(url: string, secrets: Sentinels): HostileCase[] {
  const generic = (extra: CredentialValues): CredentialValues => ({
    tokenUrl: `${url}/oauth/token`,
    clientId: 'client id&1',
    clientSecret: secrets.client,
    apiBaseUrl: `${url}/api`,
    ...extra,
  });
  return [
    {
      label: 'mitel client credentials',
      profile: profile('mitel-cloudlink'),
      credentials: {
        environment: 'custom',
        customBaseUrl: `${url}/mitel/{service}/2017-09-01`,
        grantType: 'client_credentials',
        clientId: 'mitel-client',
        clientSecret: secrets.client,
        accountId: 'acct-1',
      },
    },
    {
      label: 'mitel password',
      profile: profile('mitel-cloudlink'),
      credentials: {
        environment: 'custom',
        customBaseUrl: `${url}/mitel/{service}/2017-09-01`,
        grantType: 'password',
        clientId: 'mitel-client',
        username: 'alice@example.com',
        password: secrets.password,
        accountId: 'acct-1',
      },
    },
    {
      label: 'dell (query string)',
      profile: profile('dell-cloudlink'),
      credentials: {
        baseUrl: `${url}/dell`,
        clientId: 'dell-client',
        clientSecret: secrets.client,
      },
    },
    {
      label: 'bright pattern',
      profile: profile('bright-pattern'),
      credentials: {
        baseUrl: `${url}/bp`,
        tenant: 'acme.example.com',
        clientId: 'bp-client',
        clientSecret: secrets.client,
      },
    },
    ...(['strict', 'raw'] as const).map((basicEncoding) => ({
      label: `sangoma basic ${basicEncoding}`,
      profile: profile('sangoma-cx'),
      credentials: {
        clientId: 'sangoma client',
        clientSecret: secrets.client,
        scopes: ['agent.read'],
        tenantDomain: 'acme.example.com',
        tokenUrl: `${url}/sangoma/token`,
        apiBaseUrl: `${url}/sangoma/api`,
        basicEncoding,
      },
    })),
    ...(['strict', 'raw'] as const).map((basicEncoding) => ({
      label: `generic basic ${basicEncoding}`,
      profile: profile('generic-oauth2'),
      credentials: generic({ clientAuth: 'basic', basicEncoding }),
    })),
    {
      label: 'generic form body',
      profile: profile('generic-oauth2'),
      credentials: generic({ clientAuth: 'body' }),
    },
    {
      label: 'generic password grant',
      profile: profile('generic-oauth2'),
      credentials: generic({
        clientAuth: 'basic',
        grantType: 'password',
        username: 'bob',
        password: secrets.password,
      }),
    },
  ];
}
