import { SwitchboardError } from '../errors/switchboard-error';
import { redactUrl } from '../redact';
import type { HttpRequest, HttpResponse, Transport } from './types';

/** The clear, never-retried error for a response over its size limit. */
export function responseTooLarge(request: HttpRequest, limit: number): SwitchboardError {
  return new SwitchboardError({
    kind: 'network',
    code: 'response_too_large',
    message: `${request.method} ${redactUrl(request.url)} failed: the response is larger than the limit of ${limit} bytes.`,
    hint: 'The server sent far more than expected: check the URL (a download or another service may have answered). For big API results raise maxResponseBytes, or page through them.',
  });
}

/**
 * Whether `text` takes more than `limit` bytes as UTF-8. Counting the bytes walks the whole
 * text, so the bounds are used first: every UTF-16 code unit is 1 to 3 bytes.
 */
export function exceedsUtf8Bytes(text: string, limit: number): boolean {
  if (text.length > limit) return true;
  if (text.length * 3 <= limit) return false;
  return Buffer.byteLength(text, 'utf8') > limit;
}

/** Throws `response_too_large` when the body is over the request's `maxResponseBytes`. */
export function assertWithinLimit(request: HttpRequest, response: HttpResponse): void {
  const limit = request.maxResponseBytes;
  if (limit !== undefined && exceedsUtf8Bytes(response.body, limit)) {
    throw responseTooLarge(request, limit);
  }
}

/**
 * Enforces `maxResponseBytes` after any transport (n8n passes its own, which may not stream):
 * the axios transport already stops reading at the limit, this catches the others.
 */
export function limitResponseSize(transport: Transport): Transport {
  return async (request) => {
    const response = await transport(request);
    assertWithinLimit(request, response);
    return response;
  };
}
