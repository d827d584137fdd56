// n8n expressions that compute a profile's URLs from `$credentials`, for the credential test
// request (n8n resolves a test request's URL before it runs preAuthentication, so the URL must
// be an expression over the form's values). Mirrors core's template expansion; a unit test
// compares both for every profile.
import type { ProviderProfile } from '@switchboard/core';

const PLACEHOLDER = /\{([A-Za-z0-9_:.-]+)\}/g;

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
  const parts: string[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(JSON.stringify(template.slice(last, index)));
    parts.push(placeholderExpression(profile, match[1] ?? '', service));
    last = index + match[0].length;
  }
  if (last < template.length) parts.push(JSON.stringify(template.slice(last)));
  return parts.length === 0 ? '""' : parts.join(' + ');
}

function placeholderExpression(
  profile: ProviderProfile,
  name: string,
  service: string | undefined,
): string {
  if (name === 'service' && service !== undefined) return JSON.stringify(service);
  if (name === 'apiVersion' && service !== undefined) {
    const version = profile.serviceVersions?.[service];
    if (version === undefined)
      throw new Error(`${profile.displayName}: no API version for ${service}`);
    return JSON.stringify(version);
  }
  if (name.startsWith('service:')) return baseUrlExpression(profile, name.slice('service:'.length));
  if (name === 'environmentUrl') return environmentExpression(profile, service);
  const field = profile.fields.find((candidate) => candidate.name === name);
  if (field === undefined) {
    throw new Error(`${profile.displayName}: template placeholder {${name}} is not a field`);
  }
  const fallback = JSON.stringify(
    Array.isArray(field.default) ? field.default.join(' ') : (field.default ?? ''),
  );
  const value = `$credentials.${name}`;
  const text = `String(${value} === undefined || ${value} === null ? ${fallback} : ${value}).trim()`;
  // A URL field may itself be a template (Mitel's custom base URL has `{service}`, `{apiVersion}`).
  if (field.format !== 'url' || service === undefined) return text;
  const withService = `${text}.split("{service}").join(${JSON.stringify(service)})`;
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
  const choice = placeholderExpression(profile, environment.field, undefined);
  const branches = Object.entries(environment.urls).map(
    ([value, template]) =>
      `${choice} === ${JSON.stringify(value)} ? (${templateExpression(profile, template, service)})`,
  );
  return `(${branches.join(' : ')} : "")`;
}
