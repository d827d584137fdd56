// Turns what Node-RED stores for a config node (plain properties + encrypted credentials) into
// the credential values core expects, converting each field to its declared type.
import type { CredentialValues, FieldDef, FieldValue, ProviderProfile } from '@switchboard/core';

export type StoredValues = Record<string, unknown>;

function toFieldValue(field: FieldDef, raw: unknown): FieldValue | undefined {
  if (raw === undefined || raw === null || raw === '') return undefined;
  switch (field.type) {
    case 'boolean':
      return raw === true || raw === 'true';
    case 'number': {
      const value = typeof raw === 'number' ? raw : Number(String(raw).trim());
      return Number.isFinite(value) ? value : String(raw);
    }
    case 'multiOptions': {
      const list = Array.isArray(raw) ? raw.map(String) : String(raw).split(/[\s,]+/);
      const values = list.filter((item) => item !== '');
      return values.length > 0 ? values : undefined;
    }
    default:
      return typeof raw === 'string' ? raw : String(raw);
  }
}

/**
 * Secret fields come from the encrypted credentials, every other field from the node's
 * properties. Empty values are left out so core applies the profile's defaults.
 */
export function credentialValues(
  profile: ProviderProfile,
  properties: StoredValues,
  secrets: StoredValues,
): CredentialValues {
  const values: CredentialValues = {};
  for (const field of profile.fields) {
    const value = toFieldValue(field, field.secret ? secrets[field.name] : properties[field.name]);
    if (value !== undefined) values[field.name] = value;
  }
  return values;
}

/** Node-RED sends this instead of a password the editor never received. */
export const UNCHANGED_PASSWORD = '__PWRD__';

/**
 * For "test connection": the dialog's secret fields are `__PWRD__` (or empty) when the person
 * did not retype them; use the stored credential then, as Node-RED itself does on deploy.
 */
export function mergeDialogSecrets(
  profile: ProviderProfile,
  dialog: StoredValues,
  stored: StoredValues | undefined,
): StoredValues {
  const merged: StoredValues = {};
  for (const field of profile.fields) {
    if (!field.secret) continue;
    const typed = dialog[field.name];
    merged[field.name] =
      typed === UNCHANGED_PASSWORD || typed === undefined ? stored?.[field.name] : typed;
  }
  return merged;
}

/** Fields that decide where a secret is sent: a stored secret is never sent somewhere new. */
const DESTINATION_FIELD = /url|host|environment|region/i;

/**
 * True when the dialog points the stored secret at another address than the deployed node does
 * (someone could otherwise test a stored secret against a server of their choice).
 */
export function destinationChanged(
  profile: ProviderProfile,
  dialog: StoredValues,
  deployed: StoredValues,
): boolean {
  return profile.fields.some(
    (field) =>
      !field.secret &&
      DESTINATION_FIELD.test(field.name) &&
      String(dialog[field.name] ?? '') !== String(deployed[field.name] ?? ''),
  );
}

/** Whether the dialog relies on at least one stored (not retyped) secret. */
export function usesStoredSecret(profile: ProviderProfile, dialog: StoredValues): boolean {
  return profile.fields.some((field) => field.secret && dialog[field.name] === UNCHANGED_PASSWORD);
}
