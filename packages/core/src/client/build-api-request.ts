import type { ApiRequest } from '../operations/types';
import type { HttpMethod, HttpRequest } from '../transport/types';
import { configurationError } from '../errors/configuration-error';
import { redactUrl } from '../redact';

/**
 * A query parameter name, percent-encoded except for `$`: it is legal in a query (RFC 3986
 * sub-delims) and OData servers document `$top`, `$filter`... literally, not as `%24top`.
 */
function encodeQueryName(name: string): string {
  return encodeURIComponent(name).replace(/%24/g, '$');
}

/**
 * The last base URL that passed the checks below: a listing sends every page to the same base
 * URL with another query, so it is parsed once per listing instead of once per page.
 */
let lastValidUrl: string | undefined;

/** Throws a configuration error unless `url` is an absolute http(s) URL. */
function checkUrl(url: string): void {
  if (url === lastValidUrl) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw configurationError(
      `"${redactUrl(url)}" is not a valid URL.`,
      'Check the base URL of the connection (it must start with https://).',
    );
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') {
    throw configurationError(
      `"${redactUrl(url)}" must use http or https.`,
      'Use an https:// base URL.',
    );
  }
  lastValidUrl = url;
}

/** The URL with the request's query appended; undefined values are skipped. */
export function buildApiUrl(url: string, query: ApiRequest['query']): string {
  checkUrl(url);
  if (query === undefined) return url;
  let pairs = '';
  for (const name of Object.keys(query)) {
    const value = query[name];
    if (value === undefined || value === null) continue;
    pairs += `${pairs === '' ? '' : '&'}${encodeQueryName(name)}=${encodeURIComponent(String(value))}`;
  }
  if (pairs === '') return url;
  return `${url}${url.includes('?') ? '&' : '?'}${pairs}`;
}

/** `headers` with lower-case names, added to `into`. */
function addLowerCase(into: Record<string, string>, headers: Record<string, string> | undefined) {
  if (headers === undefined) return;
  for (const name of Object.keys(headers)) into[name.toLowerCase()] = headers[name] as string;
}

/**
 * The HTTP request for an API call, without authorization: JSON body with its content type
 * (a string body with a non-JSON content type is sent as it is).
 */
export function buildApiRequest(
  request: ApiRequest,
  defaultHeaders: Record<string, string> | undefined,
  timeoutMs: number | undefined,
): HttpRequest {
  const headers: Record<string, string> = { accept: 'application/json' };
  addLowerCase(headers, defaultHeaders);
  addLowerCase(headers, request.headers);
  const http: HttpRequest = {
    method: request.method,
    url: buildApiUrl(request.url, request.query),
    headers,
  };
  if (request.body !== undefined) {
    const contentType = headers['content-type'];
    if (
      typeof request.body === 'string' &&
      contentType !== undefined &&
      !/json/i.test(contentType)
    ) {
      http.body = request.body;
    } else {
      headers['content-type'] = contentType ?? 'application/json';
      http.body = JSON.stringify(request.body);
    }
  }
  if (timeoutMs !== undefined) http.timeoutMs = timeoutMs;
  return http;
}

/** GET, PUT and DELETE mean the same when sent twice; POST and PATCH may not. */
export function isIdempotentMethod(method: HttpMethod): boolean {
  return method === 'GET' || method === 'PUT' || method === 'DELETE';
}

/** GET, PUT, DELETE (and anything marked idempotent) may be retried on 429/5xx. */
export function isIdempotent(request: ApiRequest): boolean {
  return request.idempotent ?? isIdempotentMethod(request.method);
}
