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

/**
 * The text forms a secret takes on the wire: as is, percent-encoded, form-encoded, JSON-escaped
 * (also with `\/` and `\uXXXX`).
 */
function textForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const asciiJson = json.replace(
    /[^\x20-\x7e]/g,
    (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`,
  );
  return [
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    json.replace(/\//g, '\\/'),
    asciiJson,
  ];
}

/**
 * The base64 text of `secret` wherever it sits inside a longer base64 payload (HTTP Basic
 * `id:secret`): one form per byte alignment, without the characters its neighbours share.
 */
function base64Forms(secret: string): string[] {
  const forms: string[] = [];
  for (const pad of ['', 'x', 'xx']) {
    const encoded = Buffer.from(`${pad}${secret}`).toString('base64').replace(/=+$/, '');
    // Skip the characters that carry pad bits; drop the last one, which mixes in the next byte.
    const skip = pad.length === 0 ? 0 : pad.length + 1;
    forms.push(encoded.slice(skip, encoded.length - 1));
  }
  return forms;
}

/** Every form a leaked secret may take: text forms, and each of them in base64 (HTTP Basic). */
export function leakForms(secret: string): string[] {
  const text = textForms(secret);
  return [...new Set([...text, ...text.flatMap(base64Forms)])].filter((form) => form.length >= 4);
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
