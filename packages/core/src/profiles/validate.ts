import { configurationError } from '../errors/configuration-error';
import type { CredentialValues, FieldDef, FieldValue, ProviderProfile } from './types';
import { isFieldActive, splitList } from './values';

/**
 * Checks credential values against the profile's fields and throws one
 * `invalid_configuration` error naming every problem. Fields hidden by `displayWhen` are not
 * checked.
 *
 * Whitespace around a secret is NOT an error and is never trimmed: a secret is sent exactly
 * as entered (some secrets may legitimately end in a space, and silently changing a secret
 * makes failures impossible to reason about). `credentialWarnings` reports it, and
 * `diagnose` names it as the likely cause when the provider rejects the credentials.
 */
export function validateCredentials(profile: ProviderProfile, credentials: CredentialValues): void {
  const problems: string[] = [];
  for (const field of profile.fields) {
    if (!isFieldActive(profile, credentials, field)) continue;
    const problem = fieldProblem(field, credentials[field.name] ?? field.default);
    if (problem !== undefined) problems.push(`${field.displayName} (${field.name}) ${problem}`);
  }
  if (problems.length > 0) {
    throw configurationError(
      `${profile.displayName} connection settings are incomplete or invalid: ${problems.join('; ')}.`,
      'Open the connection (credential) settings and correct the fields named above.',
      profile.id,
    );
  }
}

/** Problems that do not stop a request but often explain a failure. Never contain a value. */
export function credentialWarnings(
  profile: ProviderProfile,
  credentials: CredentialValues,
): string[] {
  const warnings: string[] = [];
  for (const field of profile.fields) {
    const value = credentials[field.name];
    if (field.secret !== true || typeof value !== 'string' || value === '') continue;
    if (!isFieldActive(profile, credentials, field)) continue;
    if (value !== value.trim()) {
      warnings.push(
        `${field.displayName} starts or ends with whitespace (it is sent exactly as entered); if sign-in fails, paste it again without the spaces.`,
      );
    }
  }
  return warnings;
}

function isEmpty(value: FieldValue | undefined): boolean {
  if (value === undefined) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.every((item) => item.trim() === '');
  return false;
}

/** What is wrong with one value, phrased to follow the field name; undefined when fine. */
export function fieldProblem(field: FieldDef, value: FieldValue | undefined): string | undefined {
  if (value === undefined || isEmpty(value))
    return field.required === true ? 'is required' : undefined;
  switch (field.type) {
    case 'number':
      return Number.isFinite(Number(value)) && typeof value !== 'boolean' && !Array.isArray(value)
        ? undefined
        : 'must be a number';
    case 'boolean':
      return typeof value === 'boolean' || value === 'true' || value === 'false'
        ? undefined
        : 'must be true or false';
    case 'options':
      return optionProblem(field, [String(value)]);
    case 'multiOptions':
      return optionProblem(field, Array.isArray(value) ? value : splitList(String(value)));
    case 'json':
      return jsonProblem(value);
    default:
      return textProblem(field, String(value));
  }
}

function optionProblem(field: FieldDef, values: string[]): string | undefined {
  if (field.allowCustomValues === true || field.options === undefined) return undefined;
  const allowed = field.options.map((option) => option.value);
  const unknown = values.filter((value) => value !== '' && !allowed.includes(value));
  if (unknown.length === 0) return undefined;
  return `has "${unknown.join('", "')}"; use one of: ${allowed.filter(Boolean).join(', ')}`;
}

function jsonProblem(value: FieldValue): string | undefined {
  if (typeof value !== 'string') return 'must be a JSON object';
  try {
    const parsed: unknown = JSON.parse(value);
    return typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)
      ? undefined
      : 'must be a JSON object, for example {"audience": "..."}';
  } catch {
    return 'is not valid JSON';
  }
}

function textProblem(field: FieldDef, text: string): string | undefined {
  if (field.format === 'url') return urlProblem(text.trim());
  if (field.pattern !== undefined && !new RegExp(field.pattern).test(text.trim())) {
    return `has an unexpected format${field.placeholder === undefined ? '' : ` (example: ${field.placeholder})`}`;
  }
  if (field.name === 'caBundle' && !text.includes('-----BEGIN CERTIFICATE-----')) {
    return 'must be PEM text starting with -----BEGIN CERTIFICATE-----';
  }
  return undefined;
}

function urlProblem(text: string): string | undefined {
  let url: URL;
  try {
    url = new URL(text.replace(/\{service\}/g, 'service'));
  } catch {
    return 'is not a URL; write it like https://host.example.com';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'must start with https://';
  if (url.search !== '' || url.hash !== '') return 'must not contain ? or #';
  if (url.username !== '' || url.password !== '') {
    return 'must not contain a user name or password; use the credential fields';
  }
  return undefined;
}
