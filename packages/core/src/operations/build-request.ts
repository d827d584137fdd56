import type { BoundCredential } from '../profiles/bind';
import { coerceParameter, isAbsent, isPlainObject, isProblem, parameterErrors } from './coerce';
import { assembleRequest, mergeInto, toQueryValue, type QueryValue } from './assemble';
import { buildCustomRequest } from './custom-request';
import { getOperation } from './get-operation';
import type { ApiRequest, OperationParams } from './types';

/**
 * The request for one operation, before authentication. Pure: path placeholders are
 * URL-encoded, values go to path / query / body / header under their wire names, transforms
 * apply, and credential values such as Sangoma's `tenant_domain` join the body. Missing or
 * invalid parameters give one `invalid_configuration` error naming each of them.
 */
export function buildOperationRequest(
  bound: BoundCredential,
  operationId: string,
  params: OperationParams,
): ApiRequest {
  const { profile } = bound;
  const operation = getOperation(profile, operationId);
  if (operation.custom === true) return buildCustomRequest(bound, operation, params);

  const problems: string[] = [];
  const pathValues: Record<string, string> = {};
  const query: Record<string, QueryValue> = {};
  const headers: Record<string, string> = { ...bound.headers };
  const body: Record<string, unknown> = { ...(operation.fixedBody ?? {}) };

  for (const parameter of operation.parameters) {
    const raw = params[parameter.name] ?? parameter.default;
    if (isAbsent(raw) || (Array.isArray(raw) && raw.length === 0 && parameter.required !== true)) {
      if (parameter.required === true)
        problems.push(`${parameter.displayName} (${parameter.name}) is required`);
      continue;
    }
    const value = coerceParameter(parameter, raw);
    if (isProblem(value)) {
      problems.push(`${parameter.displayName} (${parameter.name}) ${value.problem}`);
      continue;
    }
    // Output options (keep sensitive fields, ...) are Switchboard's own: never on the wire.
    if (parameter.in === 'local') continue;
    const wire = parameter.wireName ?? parameter.name;
    if (parameter.merge === true && isPlainObject(value)) {
      mergeInto(parameter.in, value, { query, headers, body });
      continue;
    }
    switch (parameter.in) {
      case 'path':
        pathValues[parameter.name] = String(value);
        break;
      case 'query':
        query[wire] = toQueryValue(value);
        break;
      case 'header':
        headers[wire] = String(value);
        break;
      case 'body':
        body[wire] = value;
        break;
    }
  }
  for (const [wire, field] of Object.entries(operation.bodyFromCredentials ?? {})) {
    const value = bound.text(field);
    if (value === '') problems.push(`the connection’s ${field} is required by this operation`);
    body[wire] = value;
  }
  if (problems.length > 0) throw parameterErrors(operation.displayName, profile.id, problems);

  if (
    operation.pagination?.style === 'offset' &&
    query[operation.pagination.limitParam] === undefined
  ) {
    query[operation.pagination.limitParam] = operation.pagination.pageSize;
  }
  const path = operation.path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeURIComponent(pathValues[name] ?? ''),
  );
  return assembleRequest(operation, {
    method: operation.method,
    url: bound.baseUrl(operation.service) + path,
    query,
    headers,
    body,
  });
}
