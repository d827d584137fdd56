import type { IncomingHttpHeaders } from 'node:http';

/** A request as provider handlers see it: body already read, path relative to the provider. */
export interface EmRequest {
  method: string;
  /** Path below the provider prefix, e.g. `/oauth/token`. */
  path: string;
  /** The whole request path (prefix included), for links. */
  fullPath: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** Path parameters filled by the router. */
  params: Record<string, string>;
  /** Absolute base URL of the emulator, for links (`_links.next`). */
  baseUrl: string;
}

/** What a handler answers; the server writes it. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON value, serialised with `application/json`. */
  json?: unknown;
  /** Raw text body (HTML error pages, malformed JSON faults). */
  text?: string;
  contentType?: string;
}

export type Handler = (req: EmRequest) => Reply | Promise<Reply>;
