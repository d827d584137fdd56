// Core's Transport on top of n8n's own HTTP helper, so token requests go through n8n's proxy,
// TLS and domain-restriction settings. Resolves for every HTTP status, like every transport.
import type { HttpRequest, HttpResponse, Transport } from '@switchboard/core';
import { SwitchboardError, networkError } from '@switchboard/core';
import type { IDataObject, IHttpRequestOptions, IN8nHttpFullResponse } from 'n8n-workflow';
import { NO_CROSS_ORIGIN_CREDENTIALS } from './no-cross-origin';

export type HttpRequestHelper = (options: IHttpRequestOptions) => Promise<unknown>;

const DEFAULT_TIMEOUT_MS = 30_000;

export function n8nTransport(httpRequest: HttpRequestHelper): Transport {
  return async (request: HttpRequest): Promise<HttpResponse> => {
    if (request.tls?.ca) {
      throw new SwitchboardError({
        kind: 'configuration',
        code: 'invalid_configuration',
        message: 'n8n cannot use a per-credential CA bundle.',
        hint: 'Leave "CA Certificates" empty and add the CA to the NODE_EXTRA_CA_CERTS file of the n8n process instead.',
      });
    }
    const options: IHttpRequestOptions = {
      method: request.method,
      url: request.url,
      headers: request.headers,
      json: false,
      encoding: 'text',
      returnFullResponse: true,
      ignoreHttpStatusErrors: true,
      // Token requests carry the client secret (Dell: in the URL): they follow no redirect.
      ...NO_CROSS_ORIGIN_CREDENTIALS,
      timeout: request.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      // n8n's timeout is axios's, which times the headers only: a body dripped slowly would
      // hold the execution for ever. The signal ends the whole exchange at the deadline, with
      // no timer of ours (n8n Cloud forbids them in community packages).
      abortSignal: AbortSignal.timeout(request.timeoutMs ?? DEFAULT_TIMEOUT_MS),
    };
    if (request.body !== undefined) options.body = request.body;
    if (request.tls?.allowSelfSigned === true) options.skipSslCertificateValidation = true;
    let response: IN8nHttpFullResponse;
    try {
      response = (await httpRequest(options)) as IN8nHttpFullResponse;
    } catch (error) {
      throw networkError(request.method, request.url, systemCodeOf(error), isTimeout(error));
    }
    return {
      status: response.statusCode,
      headers: lowerCaseHeaders(response.headers),
      body: bodyText(response.body),
    };
  };
}

function systemCodeOf(error: unknown): string | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { code, cause } = error as { code?: unknown; cause?: unknown };
  if (typeof code === 'string') return code;
  return cause === undefined ? undefined : systemCodeOf(cause);
}

function isTimeout(error: unknown): boolean {
  const code = systemCodeOf(error);
  // ERR_CANCELED: the deadline's abort signal ended the exchange.
  return code === 'ECONNABORTED' || code === 'ETIMEDOUT' || code === 'ERR_CANCELED';
}

function lowerCaseHeaders(headers: IDataObject): Record<string, string> {
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers ?? {})) {
    if (value === undefined || value === null) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

function bodyText(body: unknown): string {
  if (body === undefined || body === null) return '';
  if (typeof body === 'string') return body;
  if (body instanceof Uint8Array) return new TextDecoder().decode(body);
  return JSON.stringify(body);
}
