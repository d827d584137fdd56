import { configurationError } from '../errors/configuration-error';
import type { FieldDef, ProviderProfile } from './types';

const PLACEHOLDER = /\{([A-Za-z0-9_:.-]+)\}/g;

/** What one `{name}` of a profile template stands for. */
export type Placeholder =
  | { kind: 'field'; field: FieldDef }
  | { kind: 'environmentUrl' }
  | { kind: 'service' }
  | { kind: 'apiVersion' }
  | { kind: 'baseUrl'; service: string };

/** A compiled template: literal text and placeholders, in order. */
export type TemplatePart = string | Placeholder;

const compiled = new WeakMap<ProviderProfile, Map<string, readonly TemplatePart[]>>();

/**
 * Parses a profile template once (cached per profile). Both renderings read the result: core's
 * value (`base-url.ts`) and n8n's expression over `$credentials` (its `url-expression.ts`), so
 * the two cannot disagree about what a placeholder means. An unknown name is a profile error.
 */
export function compileTemplate(
  profile: Pick<ProviderProfile, 'fields'>,
  template: string,
): readonly TemplatePart[] {
  const key = profile as ProviderProfile;
  let cache = compiled.get(key);
  if (cache === undefined) {
    cache = new Map();
    compiled.set(key, cache);
  }
  const cached = cache.get(template);
  if (cached !== undefined) return cached;
  const parts: TemplatePart[] = [];
  let last = 0;
  for (const match of template.matchAll(PLACEHOLDER)) {
    const index = match.index ?? 0;
    if (index > last) parts.push(template.slice(last, index));
    parts.push(placeholder(profile, template, match[1] ?? ''));
    last = index + match[0].length;
  }
  if (last < template.length) parts.push(template.slice(last));
  cache.set(template, parts);
  return parts;
}

function placeholder(
  profile: Pick<ProviderProfile, 'fields'>,
  template: string,
  name: string,
): Placeholder {
  if (name === 'environmentUrl') return { kind: 'environmentUrl' };
  if (name === 'service') return { kind: 'service' };
  if (name === 'apiVersion') return { kind: 'apiVersion' };
  if (name.startsWith('service:')) return { kind: 'baseUrl', service: name.slice(8) };
  const field = profile.fields.find((candidate) => candidate.name === name);
  if (field !== undefined) return { kind: 'field', field };
  throw undefinedPlaceholder(template, name);
}

/** A placeholder that means nothing where it is used (a bug in a profile, reported as such). */
export function undefinedPlaceholder(template: string, name: string): Error {
  return configurationError(
    `The template "${template}" refers to "{${name}}", which is not defined.`,
    'This is a provider profile error; report it with the profile id.',
  );
}

/** Placeholder names in a template, in order (`{service:admin}` gives `service:admin`). */
export function templateNames(template: string): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((match) => match[1] ?? '');
}
