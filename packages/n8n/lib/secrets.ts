// Every secret a credential holds (client secret, password, the stored access token, a refresh
// token when the grant returns one): what every error path of the package masks before n8n shows,
// logs or stores an error (execution data, continueOnFail items, the trigger's activation).
import type { ProviderProfile } from '@switchboard/core';
import type { ICredentialDataDecryptedObject } from 'n8n-workflow';
import { REFRESH_TOKEN_FIELD, TOKEN_FIELD } from './providers';

const TOKEN_FIELDS = [TOKEN_FIELD, REFRESH_TOKEN_FIELD];

/** Per profile: every request asks, and the answer never changes. */
const secretNames = new WeakMap<ProviderProfile, readonly string[]>();

function secretFieldsOf(profile: ProviderProfile): readonly string[] {
  let names = secretNames.get(profile);
  if (names === undefined) {
    names = [
      ...profile.fields.filter((field) => field.secret).map((field) => field.name),
      ...TOKEN_FIELDS,
    ];
    secretNames.set(profile, names);
  }
  return names;
}

export function credentialSecrets(
  profile: ProviderProfile,
  data: ICredentialDataDecryptedObject | undefined,
): string[] {
  if (data === undefined) return [];
  return secretFieldsOf(profile)
    .map((name) => data[name])
    .filter((value): value is string => typeof value === 'string' && value !== '');
}
