// Credential values for any profile: every field filled, secrets with recognisable sentinels.
import type { CredentialValues, FieldDef, ProviderProfile } from '@switchboard/core';

export const SENTINEL = 'SENTINEL-n8n-secret-7f3a';

export function sampleCredentials(
  profile: ProviderProfile,
  overrides: CredentialValues = {},
): CredentialValues {
  const values: CredentialValues = {};
  for (const field of profile.fields) values[field.name] = sampleValue(field);
  return { ...values, ...overrides };
}

const SAMPLE_PEM = '-----BEGIN CERTIFICATE-----\nMIIBsample\n-----END CERTIFICATE-----\n';

function sampleValue(field: FieldDef): CredentialValues[string] {
  if (field.secret === true) return `${SENTINEL}-${field.name}`;
  if (field.default !== undefined && field.default !== '') return field.default;
  switch (field.type) {
    case 'options':
      return field.options?.[0]?.value ?? '';
    case 'boolean':
      return false;
    case 'number':
      return 1;
    case 'multiOptions':
      return field.options?.slice(0, 1).map((option) => option.value) ?? [];
    case 'json':
      return '{}';
    default:
      if (field.format === 'url') return `https://${field.name.toLowerCase()}.example.test/base`;
      // Core validates the CA bundle as PEM text.
      if (field.name === 'caBundle') return SAMPLE_PEM;
      if (field.pattern !== undefined) return 'eu';
      return `${field.name}-value`;
  }
}
