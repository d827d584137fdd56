// Which n8n credential type and node belong to which core profile. Names are part of saved
// workflows: never rename one.
import type { ProviderId } from '@switchboard/core';

export interface ProviderBinding {
  profileId: ProviderId;
  /** n8n credential type name. */
  credentialName: string;
  /** n8n node type name (without the package prefix). */
  nodeName: string;
}

export const PROVIDERS = {
  mitel: {
    profileId: 'mitel-cloudlink',
    credentialName: 'mitelCloudLinkApi',
    nodeName: 'mitelCloudLink',
  },
  dell: {
    profileId: 'dell-cloudlink',
    credentialName: 'dellCloudLinkCenterApi',
    nodeName: 'dellCloudLinkCenter',
  },
  brightPattern: {
    profileId: 'bright-pattern',
    credentialName: 'brightPatternApi',
    nodeName: 'brightPattern',
  },
  sangoma: {
    profileId: 'sangoma-cx',
    credentialName: 'sangomaCxApi',
    nodeName: 'sangomaCx',
  },
  generic: {
    profileId: 'generic-oauth2',
    credentialName: 'switchboardOAuth2Api',
    nodeName: 'switchboardOAuth2',
  },
} as const satisfies Record<string, ProviderBinding>;

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
