import { configurationError } from '../errors/configuration-error';
import { fillTemplate } from './template';
import type { CredentialValues, ProviderProfile } from './types';
import { credentialText } from './values';

/** The default service of profiles with a single API base URL. */
export const DEFAULT_SERVICE = 'api';

/**
 * The base URL of one service (Mitel: `authentication`, `admin`, `media`, `chat`,
 * `notifications`; others: `api`), without a trailing slash.
 */
export function resolveBaseUrl(
  profile: ProviderProfile,
  credentials: CredentialValues,
  service: string = DEFAULT_SERVICE,
): string {
  const template = profile.baseUrls[service];
  if (template === undefined) {
    throw configurationError(
      `${profile.displayName} has no service "${service}".`,
      `Use one of: ${Object.keys(profile.baseUrls).join(', ')}.`,
      profile.id,
    );
  }
  return expandProfileTemplate(profile, credentials, template, service).replace(/\/+$/, '');
}

/**
 * Expands a profile template: `{environmentUrl}`, `{service}`, `{apiVersion}` (of the service),
 * `{service:<name>}` and credential fields. Used for base URLs, the token URL and header values.
 */
export function expandProfileTemplate(
  profile: ProviderProfile,
  credentials: CredentialValues,
  template: string,
  service?: string,
): string {
  const fieldNames = new Set(profile.fields.map((field) => field.name));
  const lookup = (name: string): string | undefined => {
    if (name === 'environmentUrl')
      return fillTemplate(environmentTemplate(profile, credentials), lookup);
    if (name === 'service' && service !== undefined) return service;
    if (name === 'apiVersion' && service !== undefined) return profile.serviceVersions?.[service];
    if (name.startsWith('service:')) return resolveBaseUrl(profile, credentials, name.slice(8));
    if (fieldNames.has(name)) return credentialText(profile, credentials, name);
    return undefined;
  };
  const filled = fillTemplate(template, lookup);
  if (service === undefined) return filled;
  // A custom base URL typed by a person is itself a template with `{service}` (and `{apiVersion}`).
  const version = profile.serviceVersions?.[service];
  const withService = filled.split('{service}').join(service);
  return version === undefined ? withService : withService.split('{apiVersion}').join(version);
}

function environmentTemplate(profile: ProviderProfile, credentials: CredentialValues): string {
  const environment = profile.environment;
  if (environment === undefined) {
    throw configurationError(
      `${profile.displayName} uses {environmentUrl} but declares no environments.`,
      'This is a provider profile error; report it with the profile id.',
      profile.id,
    );
  }
  const choice = credentialText(profile, credentials, environment.field);
  const template = environment.urls[choice];
  if (template === undefined) {
    throw configurationError(
      `Unknown environment "${choice}" for ${profile.displayName}.`,
      `Set "${environment.field}" to one of: ${Object.keys(environment.urls).join(', ')}.`,
      profile.id,
    );
  }
  return template;
}
