import type { HttpResponse } from '../transport/types';
import type { ErrorCode } from './codes';
import { correlationIdOf, providerLabel, retryAfterMsOf, type ErrorContext } from './error-context';
import { redactResponse, safeSnippet } from './response-body';
import { SwitchboardError, type ErrorKind } from './switchboard-error';

/** What a classifier read from an error body. */
export interface ExtractedError {
  /** The provider's own error name (`invalid_client`, `ClientSecretMismatch`, ...). */
  providerCode?: string;
  description?: string;
}

export interface ResponseErrorParts {
  kind: ErrorKind;
  code: ErrorCode;
  /** Start of the message: `Token request failed`, `Request failed`. */
  failed: string;
  response: HttpResponse;
  ctx: ErrorContext;
  extracted: ExtractedError;
  hint: string;
  /** Said after the code, e.g. ` (HTML page)`. */
  note?: string;
}

/**
 * The SwitchboardError for a non-2xx response, shared by token and API errors: message
 * `<failed> (<provider>): HTTP <status> <code>[, <provider code>]<note>[: <description>]`, all
 * provider text shortened and stripped of secrets, the redacted response attached.
 */
export function responseError(parts: ResponseErrorParts): SwitchboardError {
  const { response, ctx, extracted, code } = parts;
  const secrets = ctx.secrets ?? [];
  const providerCode =
    extracted.providerCode === undefined
      ? undefined
      : safeSnippet(extracted.providerCode, secrets, 80);
  const what = providerCode && extracted.providerCode !== code ? `${code}, ${providerCode}` : code;
  const detail = extracted.description ? `: ${safeSnippet(extracted.description, secrets)}` : '';
  // A hostile server or proxy may echo the Authorization header into it.
  const rawCorrelationId = correlationIdOf(response, ctx.correlationHeader);
  const correlationId =
    rawCorrelationId === undefined ? undefined : safeSnippet(rawCorrelationId, secrets, 200);
  const retryAfterMs = retryAfterMsOf(response, ctx.now ?? Date.now());
  return new SwitchboardError({
    kind: parts.kind,
    code,
    status: response.status,
    message: `${parts.failed}${providerLabel(ctx.provider)}: HTTP ${response.status} ${what}${parts.note ?? ''}${detail}`,
    hint: parts.hint,
    ...(ctx.provider !== undefined ? { provider: ctx.provider } : {}),
    ...(providerCode !== undefined ? { providerCode } : {}),
    ...(correlationId !== undefined ? { correlationId } : {}),
    ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
    response: redactResponse(response, secrets),
  });
}
