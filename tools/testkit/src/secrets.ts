import { randomBytes } from 'node:crypto';

/** A recognisable, unique fake secret: `SENTINEL-<label>-<random>`. */
export function sentinelSecret(label: string): string {
  return `SENTINEL-${label}-${randomBytes(6).toString('hex')}`;
}

/** A set of sentinel secrets for one test run. */
export function sentinelSecrets<K extends string>(...labels: K[]): Record<K, string> {
  const result = {} as Record<K, string>;
  for (const label of labels) result[label] = sentinelSecret(label);
  return result;
}

/** The forms a leaked secret may take: as is, URL-encoded, base64 (HTTP Basic). */
function leakForms(secret: string): string[] {
  return [
    secret,
    encodeURIComponent(secret),
    Buffer.from(secret).toString('base64').replace(/=+$/, ''),
  ];
}

/**
 * Throws when `text` contains any of the secrets (or their encoded forms). The error names the
 * secret's position, not the surrounding text, so the test output stays readable.
 */
export function expectNoSecrets(text: string, secrets: readonly string[]): void {
  for (const secret of secrets) {
    if (secret.length === 0) continue;
    for (const form of leakForms(secret)) {
      const at = text.indexOf(form);
      if (at >= 0) {
        const context = text.slice(Math.max(0, at - 60), at).replace(/\s+/g, ' ');
        throw new Error(`Secret leaked at offset ${at} after: "…${context}"`);
      }
    }
  }
}
