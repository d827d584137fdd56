// Secrets of other people that a provider puts in its answers (Mitel user items carry each
// user's `sipPassword`; Mitel's own sample scripts strip it). The operation declares them, and
// every result leaves them out unless the person asked to keep them with the operation's option.
import type { OperationDef } from '../profiles/types';
import type { OperationParams } from './types';

/** The field names to remove from this operation's results; empty when there are none to remove. */
export function sensitiveFieldsToRemove(
  operation: OperationDef,
  params: OperationParams | undefined,
): readonly string[] {
  const declared = operation.sensitiveResponseFields;
  if (declared === undefined) return [];
  const keep = params?.[declared.keepParameter];
  return keep === true || keep === 'true' ? [] : declared.fields;
}

/** A copy of `data` without the named fields at any depth; `data` itself is left as it is. */
export function withoutFields(data: unknown, fields: readonly string[]): unknown {
  if (fields.length === 0) return data;
  if (Array.isArray(data)) return data.map((item) => withoutFields(item, fields));
  if (data === null || typeof data !== 'object') return data;
  const copy: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (!fields.includes(key)) copy[key] = withoutFields(value, fields);
  }
  return copy;
}
