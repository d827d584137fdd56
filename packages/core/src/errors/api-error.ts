import type { HttpResponse } from '../transport/types';
import type { ErrorCode } from './codes';
import type { SwitchboardError } from './switchboard-error';
import { readErrorBody, stringField, type ErrorBody } from './response-body';
import type { ErrorContext } from './error-context';
import { responseError, type ExtractedError } from './response-error';

export const API_HINTS: Partial<Record<ErrorCode, string>> = {
  unauthorized:
    'The provider rejected the access token even after a fresh one was fetched: check that the credential has access to this API and environment.',
  wrong_environment:
    "The token was issued for another environment: production and sandbox do not accept each other's tokens.",
  forbidden: 'The credential is valid but not allowed to do this: check its role and permissions.',
  insufficient_scope:
    'The token lacks the scope this operation needs: add the scope to the credential and try again.',
  not_found: 'Nothing exists at this address: check the ids in the request and the base URL.',
  conflict: 'The request conflicts with the current state (for example it already exists).',
  validation_failed:
    'The provider rejected the request data: check the parameters named in the message.',
  rate_limited:
    'Too many requests: wait before retrying (see Retry-After) and send fewer requests.',
  server_error: 'The provider had a problem answering: try again later.',
  unexpected_response: 'The provider answered unexpectedly: check the base URL and the operation.',
};

/** `WWW-Authenticate: Bearer error="insufficient_scope"` → `insufficient_scope`. */
function bearerError(response: HttpResponse): string | undefined {
  const header = response.headers['www-authenticate'];
  return header ? /error="?([a-z_]+)"?/i.exec(header)?.[1] : undefined;
}

function extract(body: ErrorBody): ExtractedError {
  if (body.kind === 'json') {
    const value = body.value;
    const nested = value['error'];
    const nestedRecord =
      nested !== null && typeof nested === 'object'
        ? (nested as Record<string, unknown>)
        : undefined;
    const providerCode =
      stringField(value, 'name') ??
      stringField(value, 'error') ??
      stringField(value, 'code') ??
      (nestedRecord
        ? (stringField(nestedRecord, 'code') ?? stringField(nestedRecord, 'name'))
        : undefined);
    const description =
      stringField(value, 'error_description') ??
      stringField(value, 'message') ??
      stringField(value, 'detail') ??
      (nestedRecord ? stringField(nestedRecord, 'message') : undefined);
    return {
      ...(providerCode !== undefined ? { providerCode } : {}),
      ...(description !== undefined ? { description } : {}),
    };
  }
  if (body.kind === 'text') return { description: body.text };
  if (body.kind === 'html' && body.title) return { description: body.title };
  return {};
}

function classify(status: number, response: HttpResponse, extracted: ExtractedError): ErrorCode {
  const challenge = bearerError(response);
  const text = `${extracted.providerCode ?? ''} ${extracted.description ?? ''}`;
  if (status === 401) {
    return /\b(environment|sandbox|issuer)\b/i.test(text) ? 'wrong_environment' : 'unauthorized';
  }
  if (status === 403) {
    return challenge === 'insufficient_scope' || /insufficient_scope|\bscopes?\b/i.test(text)
      ? 'insufficient_scope'
      : 'forbidden';
  }
  if (status === 400 || status === 422) return 'validation_failed';
  if (status === 404) return 'not_found';
  if (status === 409) return 'conflict';
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  return 'unexpected_response';
}

/** Turns a non-2xx API response into a typed error with a hint a person can act on. */
export function apiErrorFromResponse(
  response: HttpResponse,
  ctx: ErrorContext = {},
): SwitchboardError {
  const body = readErrorBody(response);
  const extracted = extract(body);
  const code = classify(response.status, response, extracted);
  let hint = API_HINTS[code] ?? API_HINTS.unexpected_response ?? '';
  if (body.kind === 'html' && code !== 'server_error' && code !== 'rate_limited') {
    hint = `The server answered with an HTML page, not the API: check the base URL (a proxy or login page may be in the way). ${hint}`;
  }
  if (ctx.provider === 'mitel-cloudlink' && code === 'unauthorized') {
    hint += ' A production token is rejected by the sandbox and vice versa: check the environment.';
  }
  return responseError({
    kind: 'api',
    code,
    failed: 'Request failed',
    response,
    ctx,
    extracted,
    hint,
  });
}
