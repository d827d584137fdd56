export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** TLS settings for on-premises hosts (Dell CloudLink Center, Bright Pattern). */
export interface TlsOptions {
  /** PEM bundle of extra trusted certificate authorities. */
  ca?: string;
  /** Explicit, visible opt-in to accept self-signed / untrusted certificates. Never the default. */
  allowSelfSigned?: boolean;
}

/** A fully built HTTP request. The body is already encoded (form or JSON text). */
export interface HttpRequest {
  method: HttpMethod;
  url: string;
  headers: Record<string, string>;
  body?: string;
  /**
   * Deadline of the whole exchange, body included (a body dripped slowly cannot outlast it);
   * transports must always apply one (default 30 s).
   */
  timeoutMs?: number;
  tls?: TlsOptions;
  /** Largest response body accepted, bytes; a larger one fails with `response_too_large`. */
  maxResponseBytes?: number;
}

/** Any HTTP status is a response, never an exception. Header names are lower case. */
export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

/**
 * Sends one request. Resolves for every HTTP status; rejects only when no response arrived
 * (DNS, refused, reset, timeout, TLS), with a NetworkError.
 */
export type Transport = (request: HttpRequest) => Promise<HttpResponse>;
