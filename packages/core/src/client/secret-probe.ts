// Searching a page body for a secret costs one scan of the body per secret. V8 scans fastest
// for a pattern whose first character is rare in the text (it jumps from one occurrence of
// that character to the next); a secret starting with a character the text is full of (the
// emulator's "mitel-prod-..." in JSON of lower-case names, or a token's "T" among ISO dates) is
// searched at a crawl. So a short piece of the secret, starting at the character of it that
// is rarest in a sample of the text, is searched first: when the piece is absent, so is the
// secret; when it is there, the whole secret is searched as before.

/** Characters taken from the rare one on: long enough that a chance match is rare. */
export const PROBE_LENGTH = 8;
/** Texts shorter than this are searched for the whole secret at once: scanning them is cheap. */
export const MIN_PROBED_LENGTH = 4096;
/** Characters of the text counted, from its start and from its middle. */
const SAMPLE_LENGTH = 512;

/** How often each ASCII character occurs in two stretches of `text` (lists repeat themselves). */
export function sampleCounts(text: string): Uint32Array {
  const counts = new Uint32Array(128);
  const middle = Math.max(SAMPLE_LENGTH, (text.length >> 1) - (SAMPLE_LENGTH >> 1));
  for (const start of [0, middle]) {
    const end = Math.min(text.length, start + SAMPLE_LENGTH);
    for (let index = start; index < end; index += 1) {
      const code = text.charCodeAt(index);
      if (code < 128) counts[code] = (counts[code] as number) + 1;
    }
  }
  return counts;
}

/**
 * The piece of `secret` searched first: PROBE_LENGTH characters from the one the sample holds
 * least often (the first of them on a tie; characters beyond ASCII count as absent).
 */
export function secretProbe(secret: string, counts: Uint32Array): string {
  let best = 0;
  let bestCount = Number.POSITIVE_INFINITY;
  for (let index = 0; index < secret.length && bestCount > 0; index += 1) {
    const code = secret.charCodeAt(index);
    const count = code < 128 ? (counts[code] as number) : 0;
    if (count < bestCount) {
      best = index;
      bestCount = count;
    }
  }
  return secret.slice(best, best + PROBE_LENGTH);
}

/**
 * Searches texts for a fixed list of secrets, each through its probe when the text is long.
 * The pages of one listing are alike, so the probe chosen on one page is kept for the next
 * ones: no sample is counted again until a probe turns up in a text (it is no longer rare
 * there) and is chosen anew on the following one. The answer never depends on the probes.
 */
export class SecretSearch {
  private readonly probes: (string | undefined)[];

  constructor(private readonly secrets: readonly string[]) {
    this.probes = secrets.map(() => undefined);
  }

  /** Whether `text` contains any of the secrets (exactly as `secrets.some(s => text.includes(s))`). */
  containsAny(text: string): boolean {
    const { secrets, probes } = this;
    if (text.length < MIN_PROBED_LENGTH) {
      for (const secret of secrets) if (text.includes(secret)) return true;
      return false;
    }
    let counts: Uint32Array | undefined;
    for (let index = 0; index < secrets.length; index += 1) {
      const secret = secrets[index] as string;
      let probe = probes[index];
      if (probe === undefined) {
        counts ??= sampleCounts(text);
        probe = secretProbe(secret, counts);
        probes[index] = probe;
      }
      if (!text.includes(probe)) continue;
      if (text.includes(secret)) return true;
      probes[index] = undefined;
    }
    return false;
  }
}
