import { providerModules } from '../providers';
import type { ProviderDefinition } from '../providers/types';

/** The providers the emulator serves; each is also its URL prefix (`/mitel/...`). */
export type ProviderName = (typeof providerModules)[number]['name'];
export const PROVIDERS: readonly ProviderName[] = providerModules.map((module) => module.name);

/** The definition of a provider by its name or core's profile id; undefined when neither. */
export function findProviderModule(value: unknown): ProviderDefinition<ProviderName> | undefined {
  return providerModules.find((module) => module.name === value || module.profileId === value);
}

/** Core's profile ids are accepted too, so callers can pass whichever they hold. */
export function toProviderName(value: unknown): ProviderName | undefined {
  return findProviderModule(value)?.name;
}

/** How an error message lists the valid provider names. */
export function providerNameList(): string {
  const names = [...PROVIDERS];
  const last = names.pop() ?? '';
  return names.length > 0 ? `${names.join(', ')} or ${last}` : last;
}

/** Default access-token lifetimes in seconds, as the real providers issue them. */
export const DEFAULT_LIFETIMES = Object.fromEntries(
  providerModules.map((module) => [module.name, module.tokenLifetimeSec]),
) as Record<ProviderName, number>;
