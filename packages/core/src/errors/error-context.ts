import type { HttpResponse } from '../transport/types';
import { parseRetryAfter } from './retry-after';

/** What the classifiers know besides the response. */
export interface ErrorContext {
  provider?: string;
  /** Response header carrying the provider's correlation id (`x-mitel-correlation-id`). */
  correlationHeader?: string;
  /** Secrets to mask in messages and in the attached response. */
  secrets?: string[];
  /** Epoch ms, for Retry-After dates; defaults to Date.now(). */
  now?: number;
}

const FALLBACK_CORRELATION_HEADERS = ['x-correlation-id', 'x-request-id'];

export function correlationIdOf(response: HttpResponse, header?: string): string | undefined {
  const names = header
    ? [header.toLowerCase(), ...FALLBACK_CORRELATION_HEADERS]
    : FALLBACK_CORRELATION_HEADERS;
  for (const name of names) {
    const value = response.headers[name];
    if (value) return value;
  }
  return undefined;
}

export function retryAfterMsOf(response: HttpResponse, now: number): number | undefined {
  const seconds = parseRetryAfter(response.headers['retry-after'], now);
  return seconds === undefined ? undefined : seconds * 1000;
}

/** "Mitel CloudLink" style label for messages. */
export function providerLabel(provider: string | undefined): string {
  return provider ? ` (${provider})` : '';
}
