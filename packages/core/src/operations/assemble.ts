import { isIdempotentMethod } from '../client/build-api-request';
import type { OperationDef } from '../profiles/types';
import type { HttpMethod } from '../transport/types';
import { isPlainObject } from './coerce';
import type { ApiRequest } from './types';

export type QueryValue = string | number | boolean;

export interface Parts {
  method: HttpMethod;
  url: string;
  query: Record<string, QueryValue>;
  headers: Record<string, string>;
  body: unknown;
}

/** Leaves out empty query, header and body members so requests stay minimal. */
export function assembleRequest(operation: OperationDef, parts: Parts): ApiRequest {
  const request: ApiRequest = { method: parts.method, url: parts.url };
  if (Object.keys(parts.query).length > 0) request.query = parts.query;
  if (Object.keys(parts.headers).length > 0) request.headers = parts.headers;
  const hasBody = isPlainObject(parts.body)
    ? Object.keys(parts.body).length > 0
    : parts.body !== undefined;
  if (hasBody && parts.method !== 'GET') request.body = parts.body;
  request.idempotent = operation.idempotent ?? isIdempotentMethod(parts.method);
  return request;
}

export function mergeInto(
  location: string,
  value: Record<string, unknown>,
  target: {
    query: Record<string, QueryValue>;
    headers: Record<string, string>;
    body: Record<string, unknown>;
  },
): void {
  for (const [key, item] of Object.entries(value)) {
    if (item === undefined || item === null) continue;
    if (location === 'query') target.query[key] = toQueryValue(item);
    else if (location === 'header') target.headers[key] = String(item);
    else target.body[key] = item;
  }
}

export function toQueryValue(value: unknown): QueryValue {
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  if (Array.isArray(value)) return value.map(String).join(',');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}
