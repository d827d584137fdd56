// Which n8n credential type and node belong to which core profile, read from each profile's
// platform manifest. Names are part of saved workflows: never rename one.
import { profiles } from '@switchboard/core';
import type { ProviderId, ProviderProfile } from '@switchboard/core';

export interface ProviderBinding {
  profileId: ProviderId;
  /** n8n credential type name. */
  credentialName: string;
  /** n8n node type name (without the package prefix). */
  nodeName: string;
}

export function bindingOf(profile: ProviderProfile<ProviderId>): ProviderBinding {
  const { credentialName, nodeName } = profile.platform.n8n;
  return { profileId: profile.id, credentialName, nodeName };
}

/** The binding of every registered profile, by profile id. */
export const PROVIDERS = Object.fromEntries(
  profiles.map((profile) => [profile.id, bindingOf(profile)]),
) as Readonly<Record<ProviderId, ProviderBinding>>;

/** The hidden, expirable credential field n8n persists (encrypted) and clears on a 401. */
export const TOKEN_FIELD = 'accessToken';
/** Hidden fields beside the token (epoch ms), so nodes renew it before it expires. */
export const TOKEN_OBTAINED_FIELD = 'tokenObtainedAt';
export const TOKEN_EXPIRES_FIELD = 'tokenExpiresAt';
/**
 * The refresh token (for profiles whose grant returns one), the credential it was issued for
 * (core's credential key: a changed client, user or secret never reuses it) and when it stops
 * working. Hidden and stored encrypted with the credential like the access token.
 */
export const REFRESH_TOKEN_FIELD = 'refreshToken';
export const REFRESH_TOKEN_FOR_FIELD = 'refreshTokenFor';
export const REFRESH_TOKEN_EXPIRES_FIELD = 'refreshTokenExpiresAt';
