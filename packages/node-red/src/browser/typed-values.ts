// Parameter values as the API node stores them: { v, t } per parameter, t a typed-input type.
import type { FieldType, FieldValue } from '@switchboard/core/profiles/types';
import { valueToText } from '@switchboard/core/profiles/values';
import type { DialogParameter } from './meta';

/** A parameter value as the node stores it: typed input value and type. */
export interface TypedValue {
  v: string;
  t: string;
}

export const TYPED_BY_FIELD: Partial<Record<FieldType, string>> = {
  string: 'str',
  number: 'num',
  boolean: 'bool',
  json: 'json',
  dateTime: 'str',
  multiOptions: 'str',
};
export const DYNAMIC_TYPES = ['msg', 'flow', 'global', 'env', 'jsonata'];

export function defaultTyped(parameter: DialogParameter): TypedValue {
  const type = parameter.type === 'options' ? 'option' : (TYPED_BY_FIELD[parameter.type] ?? 'str');
  const value: FieldValue | undefined = parameter.default;
  if (type === 'json' && value !== undefined && typeof value !== 'string') {
    return { v: JSON.stringify(value), t: type };
  }
  // Lists as the runtime reads text: space-separated (core's valueToText).
  return { v: valueToText(value), t: type };
}

function isTypedValue(value: unknown): value is TypedValue {
  const candidate = value as Partial<TypedValue> | null;
  return (
    typeof candidate === 'object' &&
    candidate !== null &&
    typeof candidate.v === 'string' &&
    typeof candidate.t === 'string'
  );
}

/** The node's saved parameter values, copied so editing without saving changes nothing. */
export function storedParams(params: unknown): Record<string, TypedValue> {
  const stored: Record<string, TypedValue> = {};
  if (typeof params !== 'object' || params === null) return stored;
  for (const [name, value] of Object.entries(params)) {
    if (isTypedValue(value)) stored[name] = { v: value.v, t: value.t };
  }
  return stored;
}
