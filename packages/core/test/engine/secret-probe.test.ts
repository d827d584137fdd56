import {
  MIN_PROBED_LENGTH,
  PROBE_LENGTH,
  sampleCounts,
  SecretSearch,
  secretProbe,
} from '../../src/client/secret-probe';
import { maskEchoedSecrets } from '../../src/client/mask-echoed-secrets';

const SECRET = 'mitel-prod-acme-admin-secret-7Hq2';
/** A long JSON list of ISO dates and lower-case names: 'T' and most letters are common. */
const page = (extra = '') =>
  `{"items":[${Array.from({ length: 200 }, (_, index) => `{"name":"mitel-${index}","at":"2026-12-03T10:00:00Z"${extra}}`).join(',')}]}`;

describe('secretProbe', () => {
  it('starts at the character of the secret the sample holds least often', () => {
    const counts = sampleCounts(page());
    // 'm', 'i', 't', 'e', 'l' and '-' fill the page; 'p' is the first one it never holds.
    expect(secretProbe(SECRET, counts)).toBe('prod-acm');
    // 'T' is in every date, 'x' nowhere: the probe starts at the 'x'.
    expect(secretProbe('TTTTaexyz0123', counts)).toBe('xyz0123');
  });

  it('is a piece of the secret at most PROBE_LENGTH long; the start when all are as common', () => {
    const counts = sampleCounts('a'.repeat(100));
    expect(secretProbe('aaaaaaaaaaaaaaaa', counts)).toBe('aaaaaaaa');
    for (const secret of ['s3cr3t-value-Xy', 'x', 'ALLUPPERCASE', 'é-non-ascii-secret']) {
      expect(secret).toContain(secretProbe(secret, sampleCounts(page())));
      expect(secretProbe(secret, sampleCounts(page())).length).toBeLessThanOrEqual(PROBE_LENGTH);
    }
  });
});

describe('SecretSearch', () => {
  const long = page();
  it('probes long texts only', () => {
    expect(long.length).toBeGreaterThanOrEqual(MIN_PROBED_LENGTH);
  });

  it.each([
    ['a long page without the secret', long, false],
    ['a long page with the secret at its end', `${long}${SECRET}`, true],
    ['a long page with the secret in an item', page(`,"echo":"${SECRET}"`), true],
    ['a long page with only the probe', page(',"code":"prod-acm"'), false],
    [
      'a long page with the secret but its probe',
      `${long}${SECRET.replace('prod-acm', '')}`,
      false,
    ],
    ['a short text with the secret', `x${SECRET}x`, true],
    ['a short text without it', 'x', false],
  ])('%s: as text.includes', (_name, text, expected) => {
    expect(new SecretSearch([SECRET]).containsAny(text)).toBe(expected);
    expect(text.includes(SECRET)).toBe(expected);
  });

  it('answers as text.includes on every page when it keeps its probes from page to page', () => {
    const search = new SecretSearch(['x'.repeat(8), SECRET]);
    // The probe chosen on the first page ('prod-acm') turns up on the second and third without
    // the secret, the secret on the fourth, then pages without either: every answer as includes.
    const pages = [
      long,
      page(',"code":"prod-acm"'),
      page(',"code":"prod-acm"'),
      page(`,"echo":"${SECRET}"`),
      long,
      `${long}${SECRET.replace('prod-acm', '')}`,
      `${long}${SECRET}`,
    ];
    expect(pages.map((text) => search.containsAny(text))).toEqual(
      pages.map((text) => text.includes(SECRET)),
    );
  });

  it('is true when any one of its secrets is in the text', () => {
    const search = new SecretSearch(['absent-secret-1', SECRET]);
    expect(search.containsAny(page(`,"echo":"${SECRET}"`))).toBe(true);
    expect(search.containsAny(long)).toBe(false);
    expect(search.containsAny(`short ${SECRET}`)).toBe(true);
  });
});

it('maskEchoedSecrets masks a secret echoed anywhere in a long page', () => {
  const body = page(`,"echo":"${SECRET}"`);
  const masked = maskEchoedSecrets({ status: 200, headers: { 'x-echo': `v=${SECRET}` }, body }, [
    SECRET,
  ]);
  expect(masked.body).not.toContain(SECRET);
  expect(masked.body).toContain('"echo":"***"');
  expect(masked.headers['x-echo']).toBe('v=***');
});
