import { containsSecret, PROBE_LENGTH, secretProbe } from '../../src/client/secret-probe';
import { maskEchoedSecrets } from '../../src/client/mask-echoed-secrets';

describe('secretProbe', () => {
  it('starts at the first upper-case letter, the rarest kind of character in JSON', () => {
    expect(secretProbe('mitel-prod-acme-admin-secret-7Hq2')).toBe('Hq2');
    expect(secretProbe('zMrESutzB_yDP0Ok5f9Z6k6J')).toBe('MrESutzB');
  });

  it('prefers an unusual symbol to JSON punctuation, and punctuation to letters and digits', () => {
    expect(secretProbe('abc-def~ghijklmnop')).toBe('~ghijklm');
    expect(secretProbe('abcdefgh-ijklmnop')).toBe('-ijklmno');
  });

  it('is a piece of the secret at most PROBE_LENGTH long, the start when all look alike', () => {
    expect(secretProbe('abcdefghijklmnop')).toBe('abcdefgh');
    for (const secret of ['s3cr3t-value-Xy', 'x', 'ALLUPPERCASE']) {
      expect(secret).toContain(secretProbe(secret));
      expect(secretProbe(secret).length).toBeLessThanOrEqual(PROBE_LENGTH);
    }
  });
});

describe('containsSecret', () => {
  const secret = 'mitel-prod-acme-admin-secret-7Hq2';
  const probe = secretProbe(secret);

  it('finds the whole secret anywhere in the text', () => {
    expect(containsSecret(`{"echo":"${secret}"}`, secret, probe)).toBe(true);
    expect(containsSecret(secret, secret, probe)).toBe(true);
  });

  it('is false when only the probe is there, or only the rest of the secret', () => {
    expect(containsSecret(`{"code":"${probe}"}`, secret, probe)).toBe(false);
    expect(containsSecret(secret.replace(probe, ''), secret, probe)).toBe(false);
  });
});

it('maskEchoedSecrets still masks a secret that starts with common characters', () => {
  const secret = 'mitel-prod-acme-admin-secret-7Hq2';
  const masked = maskEchoedSecrets(
    { status: 200, headers: { 'x-echo': `v=${secret}` }, body: `{"a":"${secret}","b":"Hq2"}` },
    [secret],
  );
  expect(masked.body).toBe('{"a":"***","b":"Hq2"}');
  expect(masked.headers['x-echo']).toBe('v=***');
});
