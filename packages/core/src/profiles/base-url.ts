import { configurationError } from '../errors/configuration-error';
import { compileTemplate, undefinedPlaceholder, type Placeholder } from './template';
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
  let text = '';
  for (const part of compileTemplate(profile, template)) {
    text +=
      typeof part === 'string'
        ? part
        : placeholderValue(profile, credentials, template, part, service);
  }
  return text;
}

function placeholderValue(
  profile: ProviderProfile,
  credentials: CredentialValues,
  template: string,
  part: Placeholder,
  service: string | undefined,
): string {
  switch (part.kind) {
    case 'field': {
      const value = credentialText(profile, credentials, part.field.name);
      // A URL typed by a person is itself a template with `{service}` (and `{apiVersion}`).
      return part.field.format === 'url' && service !== undefined
        ? withService(profile, value, service)
        : value;
    }
    case 'environmentUrl':
      return expandProfileTemplate(
        profile,
        credentials,
        environmentTemplate(profile, credentials),
        service,
      );
    case 'service':
      if (service === undefined) throw undefinedPlaceholder(template, 'service');
      return service;
    case 'apiVersion': {
      const version = service === undefined ? undefined : profile.serviceVersions?.[service];
      if (version === undefined) throw undefinedPlaceholder(template, 'apiVersion');
      return version;
    }
    case 'baseUrl':
      return resolveBaseUrl(profile, credentials, part.service);
  }
}

/** `{service}` and `{apiVersion}` in a URL a person typed, for one service. */
export function withService(profile: ProviderProfile, url: string, service: string): string {
  const version = profile.serviceVersions?.[service];
  const filled = url.split('{service}').join(service);
  return version === undefined ? filled : filled.split('{apiVersion}').join(version);
}

/** The template the environment field chooses. */
export function environmentTemplate(
  profile: ProviderProfile,
  credentials: CredentialValues,
): string {
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
