// Config node definitions and credentials that point each provider at a running emulator,
// from the emulator's seeded credentials. Shared by the unit tests, the e2e suite and `npm start`.
import { EMULATOR_SEED, providerModules } from '@switchboard/emulator';
import { getProfile, profiles } from '@switchboard/core';
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

/** Where these tests deliberately go beyond the emulator's plain connection. */
const EXTRA_PROPERTIES: Partial<Record<ProviderId, Record<string, unknown>>> = {
  'dell-cloudlink': { scope: EMULATOR_SEED.dell.scope },
  'generic-oauth2': { grantType: 'client_credentials', clientAuth: 'basic' },
};

/** The emulator's declared connection values, split into config node properties and secrets. */
function splitValues(
  provider: ProviderId,
  values: Record<string, unknown>,
): { properties: Record<string, unknown>; credentials: Record<string, string> } {
  const secret = new Set(
    getProfile(provider)
      .fields.filter((f) => f.secret)
      .map((f) => f.name),
  );
  const properties: Record<string, unknown> = {};
  const credentials: Record<string, string> = {};
  for (const [name, value] of Object.entries(values)) {
    const text = Array.isArray(value) ? value.join(' ') : value;
    if (secret.has(name)) credentials[name] = String(text);
    else properties[name] = text;
  }
  return { properties, credentials };
}

/**
 * One connection per registered provider against the emulator at `url`, from the connection
 * each emulator module declares; a profile without an emulator module fails here, by name.
 */
export function emulatorConnections(
  url: string,
  stores: Partial<Record<ProviderId, Store>> = {},
): Record<ProviderId, ConnectionFixture> {
  const entries = profiles.map((profile) => {
    const provider: ProviderId = profile.id;
    const module = providerModules.find((candidate) => candidate.profileId === provider);
    if (module === undefined) {
      throw new Error(`No emulator provider declares profile "${provider}": add its module.`);
    }
    const { properties, credentials } = splitValues(provider, module.connection(url).values);
    const store = stores[provider] ?? { tokenStore: 'memory' };
    const extra = EXTRA_PROPERTIES[provider] ?? {};
    return [
      provider,
      fixture(provider, `conn-${module.name}`, { ...properties, ...extra }, credentials, store),
    ];
  });
  return Object.fromEntries(entries) as Record<ProviderId, ConnectionFixture>;
}

/** Every seeded secret, for asserting that none of them leaks. */
export const SEEDED_SECRETS: string[] = providerModules.flatMap((module) => [...module.secrets]);
