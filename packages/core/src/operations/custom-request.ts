// `custom.request`: any path of the provider, with its authentication and error handling.
import type { BoundCredential } from '../profiles/bind';
import { DEFAULT_SERVICE } from '../profiles/base-url';
import type { OperationDef } from '../profiles/types';
import type { HttpMethod } from '../transport/types';
import { assembleRequest, toQueryValue } from './assemble';
import { isAbsent, isPlainObject, isProblem, parameterErrors, parseJson } from './coerce';
import type { OperationParams } from './types';
import type { ApiRequest } from './types';

const METHODS: HttpMethod[] = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'];

export function buildCustomRequest(
  bound: BoundCredential,
  operation: OperationDef,
  params: OperationParams,
): ApiRequest {
  const { profile } = bound;
  const problems: string[] = [];
  const method = String(params.method ?? 'GET').toUpperCase() as HttpMethod;
  if (!METHODS.includes(method))
    problems.push(`Method (method) must be one of ${METHODS.join(', ')}`);

  const services = Object.keys(profile.baseUrls);
  const service = isAbsent(params.service)
    ? (services[0] ?? DEFAULT_SERVICE)
    : String(params.service);
  if (!services.includes(service))
    problems.push(`Service (service) must be one of ${services.join(', ')}`);

  const rawPath = isAbsent(params.path) ? '' : String(params.path).trim();
  if (rawPath === '') problems.push('Path (path) is required, for example /users');
  else if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(rawPath)) {
    problems.push(
      'Path (path) must be relative to the provider’s base URL (for example /users), not a full URL, so the token is never sent to another host',
    );
  }
  const [pathOnly = '', pathQuery = ''] = rawPath.split('?', 2);

  const query: Record<string, string | number | boolean> = Object.fromEntries(
    new URLSearchParams(pathQuery),
  );
  const headers: Record<string, string> = { ...bound.headers };
  const extraQuery = objectParam(params.query, 'Query Parameters (query)', problems);
  for (const [key, value] of Object.entries(extraQuery)) {
    if (value !== undefined && value !== null) query[key] = toQueryValue(value);
  }
  const extraHeaders = objectParam(params.headers, 'Headers (headers)', problems);
  for (const [key, value] of Object.entries(extraHeaders)) {
    if (key.toLowerCase() === 'authorization') {
      problems.push('Headers (headers) must not set Authorization: the connection sets it');
    } else if (value !== undefined && value !== null) headers[key] = String(value);
  }
  const body = isAbsent(params.body) ? undefined : parseJson(params.body);
  if (isProblem(body)) problems.push(`Body (body) ${body.problem}`);
  if (problems.length > 0) throw parameterErrors(operation.displayName, profile.id, problems);

  const base = bound.baseUrl(service);
  const path = pathOnly.startsWith('/') ? pathOnly : `/${pathOnly}`;
  // The method is chosen per call, so is idempotency: the definition's `idempotent` is ignored.
  const { idempotent: _fixed, ...perCall } = operation;
  return assembleRequest(perCall, { method, url: base + path, query, headers, body });
}

function objectParam(value: unknown, label: string, problems: string[]): Record<string, unknown> {
  if (isAbsent(value)) return {};
  const parsed = parseJson(value);
  if (isProblem(parsed)) {
    problems.push(`${label} ${parsed.problem}`);
    return {};
  }
  if (!isPlainObject(parsed)) {
    problems.push(`${label} must be a JSON object, for example {"key": "value"}`);
    return {};
  }
  return parsed;
}
