// Searching a page body for a secret costs one scan of the body per secret. V8 scans fastest
// for a pattern whose first character is rare in the text (it jumps from one occurrence of
// that character to the next); a secret that starts with a common one ("mitel-prod-...", where
// JSON is full of lower-case letters, digits and hyphens) is searched at a crawl. A short piece
// of the secret starting at its rarest-looking character is searched first: when the piece is
// absent, so is the secret, and the full search runs only when the piece is there.

/** Characters taken from the rare one on: long enough that a chance match is rare. */
export const PROBE_LENGTH = 8;

/**
 * How rare a character looks in JSON and text: lower-case letters, digits and the punctuation
 * of JSON, URLs and dates are everywhere; upper-case letters and other symbols are not.
 */
function rarity(code: number): number {
  if (code >= 0x41 && code <= 0x5a) return 3; // A-Z
  if ((code >= 0x61 && code <= 0x7a) || (code >= 0x30 && code <= 0x39)) return 0; // a-z 0-9
  return COMMON_PUNCTUATION.has(code) ? 1 : 2;
}

const COMMON_PUNCTUATION = new Set([...` "':,{}[]-_./\\@`].map((char) => char.charCodeAt(0)));

/** The piece of `secret` searched first: PROBE_LENGTH characters from its rarest-looking one. */
export function secretProbe(secret: string): string {
  let best = 0;
  let bestRarity = -1;
  for (let index = 0; index < secret.length; index += 1) {
    const score = rarity(secret.charCodeAt(index));
    if (score > bestRarity) {
      best = index;
      bestRarity = score;
    }
  }
  return secret.slice(best, best + PROBE_LENGTH);
}

/** Whether `text` contains `secret`: the probe first, the whole secret only if it is there. */
export function containsSecret(text: string, secret: string, probe: string): boolean {
  return text.includes(probe) && text.includes(secret);
}
