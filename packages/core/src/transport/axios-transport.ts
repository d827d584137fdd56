import axios, { isAxiosError } from 'axios';
import {
  request as httpRequest,
  type ClientRequest,
  type IncomingMessage,
  type RequestOptions,
} from 'node:http';
import { Agent as HttpsAgent, request as httpsRequest } from 'node:https';
import type { HttpRequest, HttpResponse, TlsOptions, Transport } from './types';
import { networkError } from './network-error';
import { responseTooLarge } from './response-limit';

export interface AxiosTransportOptions {
  /** Applied when a request has no `timeoutMs`. Default 30 s. */
  timeoutMs?: number;
  /** Applied when a request has no `maxResponseBytes`. Default 50 MiB. */
  maxResponseBytes?: number;
}

export const DEFAULT_TIMEOUT_MS = 30_000;
export const DEFAULT_MAX_RESPONSE_BYTES = 50 * 1024 * 1024;

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

/** Plain header values (AxiosHeaders keeps them as own properties: no `toJSON` copy first). */
function lowerCaseHeaders(headers: unknown): Record<string, string> {
  const result: Record<string, string> = {};
  const plain = (headers ?? {}) as Record<string, unknown>;
  for (const name of Object.keys(plain)) {
    const value = plain[name];
    if (value === undefined || value === null || value === false) continue;
    result[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return result;
}

/** Keep the body as text: parsing is the caller's business. Built once, not per request. */
const KEEP_TEXT = [(data: unknown) => data];
const ANY_STATUS = () => true;

/**
 * One request's deadline, for the whole exchange. It ends the request itself (axios' `transport`
 * hook hands over Node's request as it is made): an AbortSignal per request would cost an
 * AbortController and an EventTarget listener that axios adds and removes, about 3% of a
 * listing's time.
 */
class Deadline {
  expired = false;
  private sent: ClientRequest | undefined;
  private readonly timer: NodeJS.Timeout;

  constructor(ms: number) {
    this.timer = setTimeout(() => {
      this.expired = true;
      this.sent?.destroy();
    }, ms);
  }

  /** Node's `http`/`https` request functions, as axios calls them (`options.protocol` decides). */
  readonly transport = {
    request: (options: RequestOptions, onResponse: (response: IncomingMessage) => void) => {
      const create = options.protocol === 'https:' ? httpsRequest : httpRequest;
      const sent = create(options, onResponse);
      this.sent = sent;
      if (this.expired) sent.destroy();
      return sent;
    },
  };

  clear(): void {
    clearTimeout(this.timer);
  }
}

function exceededSize(error: unknown): boolean {
  if (!isAxiosError(error)) return false;
  return /maxContentLength/.test(error.message) || error.cause?.name === 'ERR_STRING_TOO_LONG';
}

/**
 * The default transport. Resolves for every HTTP status; rejects only with a network
 * SwitchboardError (DNS, refused, reset, timeout, TLS, response over its size limit).
 *
 * Every request has one deadline for the whole exchange: axios' own `timeout` only covers the
 * wait for the headers, so the deadline also ends a body that is dripped slowly. The body is
 * read only up to the size limit (the stream is destroyed beyond it, nothing more is kept).
 */
export function createAxiosTransport(options: AxiosTransportOptions = {}): Transport {
  const defaultTimeout = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const defaultMaxBytes = options.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES;
  const agentFor = agentCache();
  const client = axios.create();
  return async (request: HttpRequest): Promise<HttpResponse> => {
    const timeout = request.timeoutMs ?? defaultTimeout;
    const maxBytes = request.maxResponseBytes ?? defaultMaxBytes;
    const httpsAgent = agentFor(request.tls);
    const deadline = new Deadline(timeout);
    try {
      const response = await client.request<string>({
        method: request.method,
        url: request.url,
        headers: request.headers,
        ...(request.body !== undefined ? { data: request.body } : {}),
        timeout,
        transport: deadline.transport,
        maxContentLength: maxBytes,
        responseType: 'text',
        transformResponse: KEEP_TEXT,
        validateStatus: ANY_STATUS,
        maxRedirects: 0,
        ...(httpsAgent ? { httpsAgent } : {}),
      });
      const body = typeof response.data === 'string' ? response.data : '';
      return { status: response.status, headers: lowerCaseHeaders(response.headers), body };
    } catch (error: unknown) {
      if (exceededSize(error)) throw responseTooLarge(request, maxBytes);
      const code = isAxiosError(error) ? error.code : undefined;
      const cause = isAxiosError(error)
        ? (error.cause as NodeJS.ErrnoException | undefined)
        : undefined;
      const systemCode = cause?.code ?? code;
      const timedOut = deadline.expired || code === 'ECONNABORTED' || code === 'ETIMEDOUT';
      throw networkError(
        request.method,
        request.url,
        deadline.expired ? undefined : systemCode,
        timedOut,
      );
    } finally {
      deadline.clear();
    }
  };
}
