import axios, { AxiosHeaders, isAxiosError } from 'axios';
import { Agent as HttpsAgent } from 'node:https';
import type { HttpRequest, HttpResponse, TlsOptions, Transport } from './types';
import { networkError } from './network-error';

export interface AxiosTransportOptions {
  /** Applied when a request has no `timeoutMs`. Default 30 s. */
  timeoutMs?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;

/** Agents are reused per TLS configuration so connections stay alive between requests. */
function agentCache(): (tls: TlsOptions | undefined) => HttpsAgent | undefined {
  const agents = new Map<string, HttpsAgent>();
  return (tls) => {
    if (!tls || (!tls.ca && !tls.allowSelfSigned)) return undefined;
    const id = `${tls.allowSelfSigned ? 1 : 0}:${tls.ca ?? ''}`;
    let agent = agents.get(id);
    if (!agent) {
      agent = new HttpsAgent({
        keepAlive: true,
        ...(tls.ca ? { ca: tls.ca } : {}),
        rejectUnauthorized: !tls.allowSelfSigned,
      });
      agents.set(id, agent);
    }
    return agent;
  };
}

function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  const plain = headers instanceof AxiosHeaders ? headers.toJSON() : (headers ?? {});
  for (const [name, value] of Object.entries(plain as Record<string, unknown>)) {
    if (value === undefined || value === null) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

/**
 * The default transport. Resolves for every HTTP status; rejects only with a network
 * SwitchboardError (DNS, refused, reset, timeout, TLS). Every request has a timeout.
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): Transport {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const agentFor = agentCache();
  const client = axios.create();
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const timeout = request.timeoutMs ?? defaultTimeout;
    const httpsAgent = agentFor(request.tls);
    try {
      const response = await client.request<string>({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.body !== undefined ? { data: request.body } : {}),
        timeout,
        responseType: 'text',
        // Keep the body as text: parsing is the caller's business.
        transformResponse: [(data: unknown) => data],
        validateStatus: () => true,
        maxRedirects: 0,
        ...(httpsAgent ? { httpsAgent } : {}),
      });
      const body = typeof response.data === 'string' ? response.data : '';
      return { status: response.status, headers: lowerCaseHeaders(response.headers), body };
    } catch (error: unknown) {
      const code = isAxiosError(error) ? error.code : undefined;
      const cause = isAxiosError(error)
        ? (error.cause as NodeJS.ErrnoException | undefined)
        : undefined;
      const systemCode = cause?.code ?? code;
      const timedOut = code === 'ECONNABORTED' || code === 'ETIMEDOUT';
      throw networkError(request.method, request.url, systemCode, timedOut);
    }
  };
}
