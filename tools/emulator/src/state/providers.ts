/** The providers the emulator serves; each is also its URL prefix (`/mitel/...`). */
export const PROVIDERS = ['mitel', 'dell', 'brightpattern', 'sangoma', 'generic'] as const;
export type ProviderName = (typeof PROVIDERS)[number];

/** Core's profile ids are accepted too, so callers can pass whichever they hold. */
const ALIASES: Record<string, ProviderName> = {
  'mitel-cloudlink': 'mitel',
  'dell-cloudlink': 'dell',
  'bright-pattern': 'brightpattern',
  'sangoma-cx': 'sangoma',
  'generic-oauth2': 'generic',
};

export function toProviderName(value: unknown): ProviderName | undefined {
  if (typeof value !== 'string') return undefined;
  if ((PROVIDERS as readonly string[]).includes(value)) return value as ProviderName;
  return ALIASES[value];
}

/** Default access-token lifetimes in seconds, as the real providers issue them. */
export const DEFAULT_LIFETIMES: Record<ProviderName, number> = {
  mitel: 3600,
  dell: 7200,
  brightpattern: 3600,
  sangoma: 365 * 24 * 3600,
  generic: 3600,
};
