// Turns what Node-RED stores for a config node (plain properties + encrypted credentials) into
// the credential values core expects, converting each field to its declared type.
import type { CredentialValues, FieldDef, FieldValue, ProviderProfile } from '@switchboard/core';
import { splitList } from '@switchboard/core';

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
      const values = Array.isArray(raw)
        ? raw.map(String).filter((item) => item !== '')
        : splitList(String(raw));
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
 * For "test connection": a secret field the person did not retype arrives as `__PWRD__`; only
 * then is the stored credential used (as Node-RED itself does on deploy). A missing or empty
 * field stays empty: it never means "whatever is stored".
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
    merged[field.name] = typed === UNCHANGED_PASSWORD ? stored?.[field.name] : typed;
  }
  return merged;
}

/**
 * True when the dialog's settings differ from the deployed ones. Every non-secret field counts:
 * token URL, environment, base URL templates, region, account, client id, TLS choices... each
 * of them decides where (or with what) a secret is sent, so a stored secret is only ever tested
 * with exactly the settings it was deployed with.
 */
export function settingsChanged(
  profile: ProviderProfile,
  dialog: StoredValues,
  deployed: StoredValues,
): boolean {
  // An absent value means the field's default (false for a checkbox), as core reads it.
  const effective = (field: FieldDef, values: StoredValues) =>
    JSON.stringify(
      toFieldValue(field, values[field.name]) ??
        toFieldValue(field, field.default) ??
        (field.type === 'boolean' ? false : null),
    );
  return profile.fields.some(
    (field) => !field.secret && effective(field, dialog) !== effective(field, deployed),
  );
}

/** Whether the dialog relies on at least one stored (not retyped) secret. */
export function usesStoredSecret(profile: ProviderProfile, dialog: StoredValues): boolean {
  return profile.fields.some((field) => field.secret && dialog[field.name] === UNCHANGED_PASSWORD);
}
