/**
 * Parses an HTTP `Retry-After` header: delta seconds or an HTTP date. Returns whole seconds
 * to wait from `now` (epoch ms), 0 for a date in the past, undefined when absent or unusable.
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (text === '') return undefined;
  if (/^\d+$/.test(text)) {
    const seconds = Number(text);
    return Number.isSafeInteger(seconds) ? seconds : undefined;
  }
  // An HTTP date names its weekday or month; bare numbers like "-5" are not dates.
  if (!/[a-z]{3}/i.test(text)) return undefined;
  const date = Date.parse(text);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.ceil((date - now) / 1000));
}
