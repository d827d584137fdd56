import type { BasicEncoding } from './types';

/** application/x-www-form-urlencoded encoding of one value (RFC 6749 Appendix B). */
export function formEncode(value: string): string {
  return new URLSearchParams({ v: value }).toString().slice(2);
}

/**
 * The `Authorization` header value for HTTP Basic client authentication. `strict` form-encodes
 * id and secret before base64 (RFC 6749 §2.3.1); `raw` uses them as they are.
 */
export function encodeBasicAuth(
  id: string,
  secret: string,
  encoding: BasicEncoding = 'strict',
): string {
  const pair =
    encoding === 'strict' ? `${formEncode(id)}:${formEncode(secret)}` : `${id}:${secret}`;
  return `Basic ${Buffer.from(pair, 'utf8').toString('base64')}`;
}
