import { expandProfileTemplate } from '../profiles/base-url';
import type { CredentialValues, ProviderProfile } from '../profiles/types';

/** The profile's headers for every request (Mitel `X-Mitel-App`); empty values are omitted. */
export function profileHeaders(
  profile: ProviderProfile,
  credentials: CredentialValues,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(profile.defaultHeaders ?? {})) {
    const value = expandProfileTemplate(profile, credentials, template).trim();
    if (value !== '') headers[name] = value;
  }
  return headers;
}
