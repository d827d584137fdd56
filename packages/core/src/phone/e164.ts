// E.164 normalisation of the numbers providers write five different ways ("+1 555-0100",
// "(555) 0100", "0044 20 7946 0000", "555.0100"), with libphonenumber-js (Google's metadata).
import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import { configurationError } from '../errors/configuration-error';

/**
 * Checks a default country: an ISO 3166-1 alpha-2 code libphonenumber knows ("US", "de"), or
 * empty for none (then only numbers written with + or 00 and a country code are understood).
 */
export function parseDefaultCountry(value: unknown): CountryCode | undefined {
  const code = typeof value === 'string' ? value.trim().toUpperCase() : '';
  if (code === '') return undefined;
  if (!isSupportedCountry(code)) {
    throw configurationError(
      `Default country ${JSON.stringify(value)} is not a known country code.`,
      'Use a two-letter ISO 3166-1 code such as US, GB, DE or FR, or leave it empty.',
    );
  }
  return code;
}

/**
 * The number in E.164 (`+15550100123`), or null when it is not a valid phone number (an internal
 * extension such as "2001", a SIP URI, an empty field). National numbers use `defaultCountry`.
 */
export function toE164(value: unknown, defaultCountry?: CountryCode): string | null {
  if (typeof value !== 'string' && typeof value !== 'number') return null;
  const text = String(value)
    .trim()
    .replace(/^00(?=[1-9])/, '+');
  if (text === '') return null;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  return parsed !== undefined && parsed.isValid() ? parsed.number : null;
}

/** Fields of a call record that carry numbers, and the E.164 field written beside each. */
export const CALL_RECORD_NUMBER_FIELDS: ReadonlyArray<readonly [source: string, target: string]> = [
  ['from', 'fromE164'],
  ['to', 'toE164'],
];

/** A copy of `record` with `fromE164` / `toE164` (or other targets) beside the originals. */
export function withE164<T extends Record<string, unknown>>(
  record: T,
  defaultCountry?: CountryCode,
  fields: ReadonlyArray<readonly [string, string]> = CALL_RECORD_NUMBER_FIELDS,
): T & Record<string, string | null> {
  const out: Record<string, unknown> = { ...record };
  for (const [source, target] of fields) out[target] = toE164(record[source], defaultCountry);
  return out as T & Record<string, string | null>;
}
