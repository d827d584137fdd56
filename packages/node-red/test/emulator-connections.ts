// Config node definitions and credentials that point each provider at a running emulator,
// from the emulator's seeded credentials. Shared by the unit tests, the e2e suite and `npm start`.
import { EMULATOR_SEED } from '@switchboard/emulator';
import { getProfile } from '@switchboard/core';
import type { ProviderId } from '@switchboard/core';
import { configNodeType } from '../src/names';

export interface ConnectionFixture {
  provider: ProviderId;
  /** Config node properties (everything but the secrets). */
  node: Record<string, unknown> & { id: string; type: string };
  /** Node-RED credentials of that node: the secrets. */
  credentials: Record<string, string>;
}

const mitel = EMULATOR_SEED.mitel.prod;
const sangoma = EMULATOR_SEED.sangoma.clients.full;
const bright = EMULATOR_SEED.brightpattern.clients.acme;
const dell = EMULATOR_SEED.dell.clients.admin;
const generic = EMULATOR_SEED.generic.clients.service;

export const MITEL_ACCOUNT_ID = mitel.accounts.acme.accountId;

/** The values the editor gives a new config node: every non-secret field's default. */
function editorDefaults(provider: ProviderId): Record<string, unknown> {
  const defaults: Record<string, unknown> = {};
  for (const field of getProfile(provider).fields) {
    if (field.secret || field.default === undefined) continue;
    defaults[field.name] = Array.isArray(field.default) ? field.default.join(' ') : field.default;
  }
  return defaults;
}

type Store =
  { tokenStore: 'memory' } | { tokenStore: 'file'; tokenStorePath: string; encryptionKey: string };

function fixture(
  provider: ProviderId,
  id: string,
  properties: Record<string, unknown>,
  credentials: Record<string, string>,
  store: Store,
): ConnectionFixture {
  const { tokenStore, ...rest } = store as Store & {
    tokenStorePath?: string;
    encryptionKey?: string;
  };
  const storeCredentials: Record<string, string> = rest.encryptionKey
    ? { encryptionKey: rest.encryptionKey }
    : {};
  return {
    provider,
    node: {
      id,
      type: configNodeType(provider),
      name: `${provider} (emulator)`,
      ...editorDefaults(provider),
      ...properties,
      tokenStore,
      tokenStorePath: rest.tokenStorePath ?? '',
    },
    credentials: { ...credentials, ...storeCredentials },
  };
}

/** One connection per provider against the emulator at `url`. */
export function emulatorConnections(
  url: string,
  stores: Partial<Record<ProviderId, Store>> = {},
): Record<ProviderId, ConnectionFixture> {
  const store = (provider: ProviderId): Store => stores[provider] ?? { tokenStore: 'memory' };
  return {
    'mitel-cloudlink': fixture(
      'mitel-cloudlink',
      'conn-mitel',
      {
        environment: 'custom',
        customBaseUrl: `${url}/mitel/prod/{service}/${EMULATOR_SEED.mitel.apiVersion}`,
        grantType: 'client_credentials',
        clientId: mitel.clients.acmeAdmin.clientId,
        accountId: MITEL_ACCOUNT_ID,
      },
      { clientSecret: mitel.clients.acmeAdmin.clientSecret },
      store('mitel-cloudlink'),
    ),
    'dell-cloudlink': fixture(
      'dell-cloudlink',
      'conn-dell',
      { baseUrl: `${url}/dell`, clientId: dell.clientId, scope: EMULATOR_SEED.dell.scope },
      { clientSecret: dell.clientSecret },
      store('dell-cloudlink'),
    ),
    'bright-pattern': fixture(
      'bright-pattern',
      'conn-bright',
      { baseUrl: `${url}/brightpattern`, tenant: bright.tenant, clientId: bright.clientId },
      { clientSecret: bright.clientSecret },
      store('bright-pattern'),
    ),
    'sangoma-cx': fixture(
      'sangoma-cx',
      'conn-sangoma',
      {
        tokenUrl: `${url}/sangoma/auth/oauth/token`,
        apiBaseUrl: `${url}/sangoma/cpaas/cx/api/v1`,
        clientId: sangoma.clientId,
        scopes: sangoma.scopes.join(' '),
        tenantDomain: sangoma.tenantDomain,
      },
      { clientSecret: sangoma.clientSecret },
      store('sangoma-cx'),
    ),
    'generic-oauth2': fixture(
      'generic-oauth2',
      'conn-generic',
      {
        tokenUrl: `${url}/generic/oauth/token`,
        apiBaseUrl: `${url}/generic/api`,
        grantType: 'client_credentials',
        clientId: generic.clientId,
        clientAuth: 'basic',
        scope: generic.scopes.join(' '),
      },
      { clientSecret: generic.clientSecret },
      store('generic-oauth2'),
    ),
  };
}

/** Every seeded secret, for asserting that none of them leaks. */
export const SEEDED_SECRETS: string[] = [
  mitel.clients.acmeAdmin.clientSecret,
  sangoma.clientSecret,
  bright.clientSecret,
  dell.clientSecret,
  generic.clientSecret,
];
