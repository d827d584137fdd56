// n8n expressions that compute a profile's URLs from `$credentials`, for the credential test
// request (n8n resolves a test request's URL before it runs preAuthentication, so the URL must
// be an expression over the form's values). They are rendered from core's compiled templates,
// the same parts core renders to values; a unit test compares both for every profile.
import type { FieldDef, Placeholder, ProviderProfile } from '@switchboard/core';
import { compileTemplate } from '@switchboard/core';

/** JavaScript expression (without `{{ }}`) for the base URL of `service`, no trailing slash. */
export function baseUrlExpression(profile: ProviderProfile, service: string): string {
  const template = profile.baseUrls[service];
  if (template === undefined) {
    throw new Error(`${profile.displayName} has no service "${service}"`);
  }
  return `(${templateExpression(profile, template, service)}).replace(/\\/+$/, "")`;
}

/** An n8n expression string (`={{ ... }}`) for the base URL of `service` plus `path`. */
export function urlExpression(profile: ProviderProfile, service: string, path: string): string {
  return `={{ ${baseUrlExpression(profile, service)} + ${JSON.stringify(path)} }}`;
}

/** An n8n expression string for a header value template (`{application}`). */
export function textExpression(profile: ProviderProfile, template: string): string {
  return `={{ ${templateExpression(profile, template, undefined)} }}`;
}

function templateExpression(
  profile: ProviderProfile,
  template: string,
  service: string | undefined,
): string {
  const parts = compileTemplate(profile, template).map((part) =>
    typeof part === 'string' ? JSON.stringify(part) : placeholderExpression(profile, part, service),
  );
  return parts.length === 0 ? '""' : parts.join(' + ');
}

function placeholderExpression(
  profile: ProviderProfile,
  part: Placeholder,
  service: string | undefined,
): string {
  switch (part.kind) {
    case 'field':
      return fieldExpression(profile, part.field, service);
    case 'environmentUrl':
      return environmentExpression(profile, service);
    case 'service':
      if (service === undefined) throw new Error(`${profile.displayName}: {service} outside a URL`);
      return JSON.stringify(service);
    case 'apiVersion': {
      const version = service === undefined ? undefined : profile.serviceVersions?.[service];
      if (version === undefined)
        throw new Error(`${profile.displayName}: no API version for ${service ?? 'a header'}`);
      return JSON.stringify(version);
    }
    case 'baseUrl':
      return baseUrlExpression(profile, part.service);
  }
}

/** Core's `credentialText`: the value or the default, trimmed; URLs without trailing slashes. */
function fieldExpression(
  profile: ProviderProfile,
  field: FieldDef,
  service: string | undefined,
): string {
  const fallback = JSON.stringify(
    Array.isArray(field.default) ? field.default.join(' ') : (field.default ?? ''),
  );
  const value = `$credentials.${field.name}`;
  const raw = `String(${value} === undefined || ${value} === null ? ${fallback} : ${value})`;
  if (field.secret === true) return raw;
  if (field.format !== 'url') return `${raw}.trim()`;
  const url = `${raw}.trim().replace(/\\/+$/, "")`;
  if (service === undefined) return url;
  // A URL a person typed may itself be a template with `{service}` (and `{apiVersion}`).
  const withService = `${url}.split("{service}").join(${JSON.stringify(service)})`;
  const version = profile.serviceVersions?.[service];
  return version === undefined
    ? withService
    : `${withService}.split("{apiVersion}").join(${JSON.stringify(version)})`;
}

function environmentExpression(profile: ProviderProfile, service: string | undefined): string {
  const environment = profile.environment;
  if (environment === undefined) {
    throw new Error(`${profile.displayName} uses {environmentUrl} but declares no environments`);
  }
  const field = profile.fields.find((candidate) => candidate.name === environment.field);
  if (field === undefined) throw new Error(`${profile.displayName}: no field ${environment.field}`);
  const choice = fieldExpression(profile, field, undefined);
  const branches = Object.entries(environment.urls).map(
    ([value, template]) =>
      `${choice} === ${JSON.stringify(value)} ? (${templateExpression(profile, template, service)})`,
  );
  return `(${branches.join(' : ')} : "")`;
}
