import { isSwitchboardError } from '../errors/switchboard-error';
import { safeSnippet } from '../errors/response-body';
import { networkError } from './network-error';
import type { HttpRequest } from './types';

/** Everything secret a request carries: its Authorization value and every form or query value. */
function requestSecrets(request: HttpRequest): string[] {
  const secrets: string[] = [];
  const authorization = request.headers['authorization'];
  if (authorization !== undefined)
    secrets.push(authorization, authorization.replace(/^\S+\s+/, ''));
  const query = request.url.includes('?') ? request.url.slice(request.url.indexOf('?') + 1) : '';
  for (const text of [query, request.body ?? '']) {
    for (const [, value] of new URLSearchParams(text)) if (value.length >= 8) secrets.push(value);
  }
  return secrets;
}

/**
 * What to throw for a transport's failure: a SwitchboardError as it is; anything else (custom
 * transports, n8n's own, throw their HTTP library's error, which carries the request
 * configuration: headers with the Authorization value, the form body with the secret, cause
 * chains) becomes a plain network SwitchboardError with a redacted one-line message and
 * nothing attached.
 */
export function safeTransportError(
  error: unknown,
  request: HttpRequest,
  secrets: readonly string[],
): Error {
  if (isSwitchboardError(error)) return error;
  const code = (error as { code?: unknown } | null)?.code;
  const systemCode = typeof code === 'string' && /^[A-Z0-9_]{2,40}$/.test(code) ? code : undefined;
  const wrapped = networkError(request.method, request.url, systemCode, false);
  const reason = error instanceof Error ? error.message : String(error);
  const detail = safeSnippet(reason, [...secrets, ...requestSecrets(request)], 160);
  return Object.defineProperty(wrapped, 'message', {
    value: detail === '' ? wrapped.message : `${wrapped.message}: ${detail}`,
    enumerable: false,
  });
}
