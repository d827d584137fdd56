import { parseDefaultCountry, toE164, withE164 } from '../../src/phone/e164';

describe('E.164 numbers', () => {
  it('normalises the ways people write the same number', () => {
    for (const written of [
      '+1 202-555-0143',
      '(202) 555-0143',
      '202.555.0143',
      '001 202 555 0143',
      '12025550143',
    ]) {
      expect(toE164(written, 'US')).toBe('+12025550143');
    }
    expect(toE164('020 7946 0018', 'GB')).toBe('+442079460018');
    expect(toE164('+44 20 7946 0018')).toBe('+442079460018');
  });

  it('gives null for extensions, national numbers without a country, and non-numbers', () => {
    expect(toE164('2001', 'US')).toBeNull();
    expect(toE164('(202) 555-0143')).toBeNull();
    expect(toE164('')).toBeNull();
    expect(toE164(undefined, 'US')).toBeNull();
    expect(toE164({ n: 1 }, 'US')).toBeNull();
  });

  it('writes fromE164 / toE164 beside the originals', () => {
    expect(withE164({ callId: 'c', from: '(202) 555-0143', to: '2001' }, 'US')).toEqual({
      callId: 'c',
      from: '(202) 555-0143',
      to: '2001',
      fromE164: '+12025550143',
      toE164: null,
    });
  });

  it('checks the default country', () => {
    expect(parseDefaultCountry(' de ')).toBe('DE');
    expect(parseDefaultCountry('')).toBeUndefined();
    expect(() => parseDefaultCountry('XX')).toThrow(/not a known country code/);
  });
});
