// n8n errors built from core's classification: the provider's message plus our hint, and
// never the request (which holds the Authorization header) or the raw response. Every text is
// masked with the credential's secrets: a provider may echo the token or the secret back.
import type { ApiRequest, HttpResponse, ProviderProfile } from '@switchboard/core';
import {
  apiErrorFromResponse,
  isSwitchboardError,
  networkError,
  redactText,
  redactUrl,
} from '@switchboard/core';
import type { INode, JsonObject } from 'n8n-workflow';
import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import { markFailure, tokenFailureIn } from './failure-shape';

interface ResponseLike {
  status?: unknown;
  headers?: unknown;
  data?: unknown;
  body?: unknown;
}

/** The HTTP response inside whatever n8n's request helper threw, if one arrived. */
export function responseOf(error: unknown): HttpResponse | undefined {
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    const response = (candidate as { response?: ResponseLike } | null | undefined)?.response;
    if (response !== undefined && typeof response.status === 'number') {
      return {
        status: response.status,
        headers: headerRecord(response.headers),
        body: bodyText(response.data ?? response.body),
      };
    }
  }
  return undefined;
}

/** The system code (ECONNREFUSED, ...) inside what n8n's request helper threw. */
function systemCodeOf(error: unknown): string | undefined {
  for (const candidate of [error, (error as { cause?: unknown } | null)?.cause]) {
    const code = (candidate as { code?: unknown } | null | undefined)?.code;
    if (typeof code === 'string' && /^E[A-Z_]+$/.test(code)) return code;
  }
  return undefined;
}

/** A 3xx: the request is not followed anywhere, so say where it pointed and what to do. */
function redirectFailure(
  node: INode,
  profile: ProviderProfile,
  response: HttpResponse,
  itemIndex: number,
  secrets: readonly string[],
): NodeApiError {
  const location = response.headers.location;
  const target =
    location === undefined ? 'another address' : redactText(redactUrl(location), secrets);
  const message = `${profile.displayName} answered ${response.status} (a redirect to ${target}); redirects are not followed, so the credential is never sent to another address.`;
  return new NodeApiError(
    node,
    { message, code: 'unexpected_response' },
    {
      message,
      description:
        'Check the base URL of the credential: use the address the provider redirects to if you trust it.',
      httpCode: String(response.status),
      itemIndex,
    },
  );
}

export function requestFailure(
  node: INode,
  profile: ProviderProfile,
  request: ApiRequest,
  error: unknown,
  itemIndex: number,
  secrets: readonly string[] = [],
): NodeApiError | NodeOperationError {
  // preAuthentication failures first (whatever n8n wrapped them in): the same parts as any
  // other failure.
  const token = tokenFailureIn(error);
  if (token !== undefined) {
    const tokenError = new NodeOperationError(node, redactText(token.reason, secrets), {
      description: redactText(token.hint, secrets),
      itemIndex,
    });
    return markFailure(tokenError, token.errorCode, token.httpStatus);
  }
  const response = responseOf(error);
  if (response !== undefined && response.status >= 300 && response.status <= 399) {
    return redirectFailure(node, profile, response, itemIndex, secrets);
  }
  if (response !== undefined) {
    const failure = apiErrorFromResponse(response, {
      provider: profile.id,
      secrets: [...secrets],
      ...(profile.correlationHeader === undefined
        ? {}
        : { correlationHeader: profile.correlationHeader }),
    });
    const details: JsonObject = { message: failure.message, code: failure.code };
    if (failure.correlationId !== undefined) details.correlationId = failure.correlationId;
    const apiError = new NodeApiError(node, details, {
      message: failure.message,
      description: failure.hint,
      httpCode: String(response.status),
      itemIndex,
    });
    return markFailure(apiError, failure.code, response.status);
  }
  const code = systemCodeOf(error);
  if (code !== undefined) {
    const failure = networkError(request.method, request.url, code, code === 'ETIMEDOUT');
    const networkFailure = new NodeOperationError(node, redactText(failure.message, secrets), {
      description: failure.hint,
      itemIndex,
    });
    return markFailure(networkFailure, failure.code);
  }
  const message = (error as { cause?: { message?: unknown } } | null)?.cause?.message;
  const text = typeof message === 'string' ? message : messageOf(error);
  const unknown = new NodeOperationError(node, redactText(text, secrets), {
    description: `${profile.displayName} could not be reached as expected: check the credential and try again.`,
    itemIndex,
  });
  return markFailure(unknown, 'unexpected_response');
}

/** Errors raised before any request: bad parameters, unknown operation. */
export function configurationFailure(
  node: INode,
  error: unknown,
  itemIndex: number,
  secrets: readonly string[] = [],
): NodeOperationError {
  if (isSwitchboardError(error)) {
    const failure = new NodeOperationError(node, redactText(error.message, secrets), {
      description: redactText(error.hint, secrets),
      itemIndex,
    });
    return markFailure(failure, error.code);
  }
  const failure = new NodeOperationError(node, redactText(messageOf(error), secrets), {
    description: 'Check the node’s parameters and the credential, then run it again.',
    itemIndex,
  });
  return markFailure(failure, 'invalid_configuration');
}

/** An n8n error as it is (already masked where it was built), anything else as a failure. */
export function nodeFailure(
  node: INode,
  error: unknown,
  itemIndex: number,
  secrets: readonly string[] = [],
): NodeApiError | NodeOperationError {
  if (error instanceof NodeApiError || error instanceof NodeOperationError) return error;
  return configurationFailure(node, error, itemIndex, secrets);
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function headerRecord(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  if (typeof headers !== 'object' || headers === null) return result;
  for (const [name, value] of Object.entries(headers as Record<string, unknown>)) {
    if (typeof value === 'string') result[name.toLowerCase()] = value;
    else if (Array.isArray(value)) result[name.toLowerCase()] = value.join(', ');
  }
  return result;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  return JSON.stringify(body);
}
