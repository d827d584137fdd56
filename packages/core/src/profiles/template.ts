import { configurationError } from '../errors/configuration-error';

/**
 * Fills `{name}` placeholders. `lookup` returns the text for a name, or undefined when the
 * name is unknown (a bug in a profile, reported as such). Values are inserted as they are:
 * callers validate URL-shaped fields before they reach a template.
 */
export function fillTemplate(
  template: string,
  lookup: (name: string) => string | undefined,
): string {
  return template.replace(/\{([A-Za-z0-9_:.-]+)\}/g, (_match, name: string) => {
    const value = lookup(name);
    if (value === undefined) {
      throw configurationError(
        `The template "${template}" refers to "{${name}}", which is not defined.`,
        'This is a provider profile error; report it with the profile id.',
      );
    }
    return value;
  });
}

/** Placeholder names in a template, in order (`{service:admin}` gives `service:admin`). */
export function templateNames(template: string): string[] {
  return [...template.matchAll(/\{([A-Za-z0-9_:.-]+)\}/g)].map((match) => match[1] ?? '');
}
