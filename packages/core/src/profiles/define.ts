import type { ProviderProfile } from './types';

/**
 * Declares a profile keeping its id as a literal type, so the registry can derive `ProviderId`
 * from the profiles it lists instead of a second, hand-kept list of ids.
 */
export function defineProfile<const Id extends string>(
  profile: ProviderProfile<Id>,
): ProviderProfile<Id> {
  return profile;
}
