import { resolveBaseUrl } from '../profiles/base-url';
import type { CredentialValues, ProviderProfile } from '../profiles/types';

/**
 * The origins of every service base URL of the profile, for this credential: the only places
 * `connection.request` sends the bearer token to (the same rule as custom.request's relative
 * paths). A service whose URL cannot be resolved for this credential contributes nothing.
 */
export function apiOrigins(profile: ProviderProfile, credentials: CredentialValues): string[] {
  const origins = new Set<string>();
  for (const service of Object.keys(profile.baseUrls)) {
    try {
      origins.add(new URL(resolveBaseUrl(profile, credentials, service)).origin);
    } catch {
      // Not configured for this credential (an optional service); its URLs are refused.
    }
  }
  return [...origins];
}
