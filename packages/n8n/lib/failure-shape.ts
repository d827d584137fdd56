// One shape for every failure a node reports, token or API or configuration: what n8n shows
// (message, description) and what "Continue On Fail" puts on the item (error, hint, code,
// status). The code is core's stable ErrorCode; the status only when an HTTP answer came.
import type { ErrorCode } from '@switchboard/core';
import { isSwitchboardError } from '@switchboard/core';
import type { IDataObject } from 'n8n-workflow';

/** Stored on the n8n error's `context` (n8n keeps it, and never shows it). */
const CODE = 'switchboardCode';
const STATUS = 'switchboardStatus';

interface WithContext {
  message: string;
  description?: string | null;
  context: IDataObject;
}

/** Records core's code (and the HTTP status, when one came) on an n8n error. */
export function markFailure<E extends WithContext>(
  failure: E,
  code: ErrorCode,
  status?: number,
): E {
  failure.context[CODE] = code;
  if (status !== undefined) failure.context[STATUS] = status;
  return failure;
}

/**
 * A token request that failed, as preAuthentication throws it. The message keeps core's
 * message and hint (n8n's credential test shows only the message); the parts are kept apart
 * for the failure item. Deliberately no `response`, `code` or `httpCode` property: n8n would
 * re-run the grant on a `response.status` of 401, and its credential test would show only them.
 */
export class TokenRequestFailure extends Error {
  constructor(
    readonly reason: string,
    readonly hint: string,
    readonly errorCode: ErrorCode,
    readonly httpStatus?: number,
  ) {
    super(hint ? `${reason} — ${hint}` : reason);
    this.name = 'TokenRequestFailure';
  }

  static from(providerName: string, error: unknown): TokenRequestFailure {
    if (error instanceof TokenRequestFailure) return error;
    if (isSwitchboardError(error)) {
      return new TokenRequestFailure(error.message, error.hint, error.code, error.status);
    }
    const detail = error instanceof Error ? error.message : String(error);
    return new TokenRequestFailure(
      `${providerName}: the token request failed: ${detail}`,
      'Check the credential’s token URL and that the provider is reachable from n8n.',
      'unexpected_response',
    );
  }
}

/** The TokenRequestFailure inside whatever n8n's request helper wrapped it in. */
export function tokenFailureIn(error: unknown): TokenRequestFailure | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current !== undefined && current !== null; depth++) {
    if (current instanceof TokenRequestFailure) return current;
    // Duck-typed too: n8n may load the bundle twice (node and credential files).
    const candidate = current as Partial<TokenRequestFailure>;
    if (candidate.name === 'TokenRequestFailure' && typeof candidate.errorCode === 'string') {
      return candidate as TokenRequestFailure;
    }
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** What Continue On Fail puts on the failing item: nothing from the request. */
export function failureJson(failure: WithContext & { httpCode?: string | null }): IDataObject {
  const json: IDataObject = {
    error: failure.message,
    hint: failure.description ?? '',
    code: typeof failure.context[CODE] === 'string' ? failure.context[CODE] : 'unexpected_response',
  };
  const status =
    typeof failure.context[STATUS] === 'number'
      ? failure.context[STATUS]
      : typeof failure.httpCode === 'string'
        ? Number(failure.httpCode)
        : undefined;
  if (status !== undefined && Number.isFinite(status)) json.status = status;
  return json;
}
