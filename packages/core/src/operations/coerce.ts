// Turns one operation parameter value (from a form, msg or n8n item) into what is sent.
import { configurationError } from '../errors/configuration-error';
import type { ParameterDef } from '../profiles/types';

type Problem = { problem: string };

/** Empty text and undefined mean "not given". */
export function isAbsent(value: unknown): boolean {
  return (
    value === undefined || value === null || (typeof value === 'string' && value.trim() === '')
  );
}

/** Parses JSON text; objects and arrays pass through. Never echoes the text (it may be secret). */
export function parseJson(value: unknown): unknown | Problem {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as unknown;
  } catch {
    return { problem: 'is not valid JSON; write it like {"key": "value"}' };
  }
}

export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.keys(value).length === 1 &&
    typeof (value as Problem).problem === 'string'
  );
}

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value to send, or a problem phrased to follow the parameter's name. */
export function coerceParameter(parameter: ParameterDef, raw: unknown): unknown | Problem {
  const value = applyTransform(parameter, parameter.type === 'json' ? parseJson(raw) : raw);
  if (isProblem(value)) return value;
  switch (parameter.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (typeof value === 'boolean' || !Number.isFinite(number))
        return { problem: 'must be a number' };
      return rangeProblem(parameter, number) ?? number;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      return { problem: 'must be true or false' };
    case 'multiOptions': {
      const list = Array.isArray(value) ? value.map(String) : String(value).split(/\s*,\s*/);
      return (
        checkOptions(
          parameter,
          list.filter((item) => item !== ''),
        ) ?? list.filter((item) => item !== '')
      );
    }
    case 'options':
      return checkOptions(parameter, [String(value)]) ?? String(value);
    case 'json':
      if (parameter.merge === true && !isPlainObject(value)) {
        return { problem: 'must be a JSON object, for example {"key": "value"}' };
      }
      return value;
    default:
      if (typeof value === 'object') return { problem: 'must be text' };
      return String(value);
  }
}

function rangeProblem(parameter: ParameterDef, number: number): Problem | undefined {
  const { minValue, maxValue } = parameter;
  if (
    (minValue === undefined || number >= minValue) &&
    (maxValue === undefined || number <= maxValue)
  )
    return undefined;
  const range =
    minValue !== undefined && maxValue !== undefined
      ? `from ${minValue} to ${maxValue}`
      : minValue !== undefined
        ? `of at least ${minValue}`
        : `of at most ${maxValue ?? ''}`;
  return { problem: `must be a number ${range}; got ${number}` };
}

function checkOptions(parameter: ParameterDef, values: string[]): Problem | undefined {
  if (parameter.allowCustomValues === true || parameter.options === undefined) return undefined;
  const allowed = parameter.options.map((option) => option.value);
  const unknown = values.filter((value) => !allowed.includes(value));
  if (unknown.length === 0) return undefined;
  return { problem: `has "${unknown.join('", "')}"; use one of: ${allowed.join(', ')}` };
}

function applyTransform(parameter: ParameterDef, value: unknown): unknown {
  if (parameter.transform !== 'upperCase' || isProblem(value)) return value;
  const upper = (item: unknown): unknown => (typeof item === 'string' ? item.toUpperCase() : item);
  const key = parameter.transformKey;
  if (key === undefined) return Array.isArray(value) ? value.map(upper) : upper(value);
  const transformItem = (item: unknown): unknown =>
    isPlainObject(item) && key in item ? { ...item, [key]: upper(item[key]) } : item;
  return Array.isArray(value) ? value.map(transformItem) : transformItem(value);
}

/** One error for every bad parameter of an operation. */
export function parameterErrors(
  operationName: string,
  provider: string,
  problems: string[],
): Error {
  return configurationError(
    `${operationName}: ${problems.join('; ')}.`,
    'Set the parameters named above in the node (or in the incoming message) and try again.',
    provider,
  );
}
