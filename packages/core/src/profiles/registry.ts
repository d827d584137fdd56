import { brightPattern } from './bright-pattern';
import { configurationError } from '../errors/configuration-error';
import { dellCloudLink } from './dell-cloudlink';
import { genericOAuth2 } from './generic-oauth2';
import { mitelCloudLink } from './mitel-cloudlink';
import { sangomaCx } from './sangoma-cx';
import { zoomPhone } from './zoom-phone';
import type { ProviderProfile } from './types';

/** Every provider Switchboard knows, in the order pickers show them. */
export const profiles = [
  mitelCloudLink,
  dellCloudLink,
  brightPattern,
  sangomaCx,
  genericOAuth2,
  zoomPhone,
] as const satisfies readonly ProviderProfile[];

/** The id of a registered provider (each profile is made with `defineProfile`). */
export type ProviderId = (typeof profiles)[number]['id'];

export function getProfile(id: ProviderId | string): ProviderProfile {
  const profile: ProviderProfile | undefined = profiles.find((candidate) => candidate.id === id);
  if (profile === undefined) {
    throw configurationError(
      `Unknown provider "${id}".`,
      `Use one of: ${profiles.map((candidate) => candidate.id).join(', ')}.`,
    );
  }
  return profile;
}
