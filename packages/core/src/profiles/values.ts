import type { CredentialValues, FieldDef, FieldValue, ProviderProfile } from './types';

/**
 * A credential value as text: the stored value, else the field's default. Non-secret text is
 * trimmed (ids and URLs pasted with a stray space); secrets are used exactly as entered, and
 * `credentialWarnings` tells the person about surrounding whitespace instead.
 */
export function credentialText(
  profile: Pick<ProviderProfile, 'fields'>,
  credentials: CredentialValues,
  name: string,
): string {
  const field = profile.fields.find((candidate) => candidate.name === name);
  const value = credentials[name] ?? field?.default;
  if (field?.type === 'multiOptions' && typeof value === 'string') {
    // Lists typed as text ("a, b" or "a b"), as Node-RED and n8n expressions often give them.
    return valueToText(splitList(value));
  }
  const text = valueToText(value);
  if (field?.secret === true) return text;
  // URL fields are joined with paths: `https://host/` + `/cloudlink` must not give `//`.
  return field?.format === 'url' ? text.trim().replace(/\/+$/, '') : text.trim();
}

export function credentialBoolean(
  credentials: CredentialValues,
  field: FieldDef | undefined,
): boolean {
  if (field === undefined) return false;
  const value = credentials[field.name] ?? field.default;
  return value === true || value === 'true';
}

/** A list typed as text ("a, b" or "a b"), as forms and expressions give it; no empty items. */
export function splitList(text: string): string[] {
  return text.split(/[\s,]+/).filter((item) => item !== '');
}

/** Lists are space-separated (scopes); numbers and booleans as JSON would print them. */
export function valueToText(value: FieldValue | undefined): string {
  if (value === undefined) return '';
  if (Array.isArray(value))
    return value
      .map((item) => item.trim())
      .filter(Boolean)
      .join(' ');
  return String(value);
}

/** Is the field shown (and so required, when it is) for these values? */
export function isFieldActive(
  profile: Pick<ProviderProfile, 'fields'>,
  credentials: CredentialValues,
  field: FieldDef,
): boolean {
  if (field.displayWhen === undefined) return true;
  return Object.entries(field.displayWhen).every(([name, allowed]) => {
    const current = credentialText(profile, credentials, name);
    return allowed.some((value) => String(value) === current);
  });
}
