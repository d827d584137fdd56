// Operation parameters: each one a Node-RED typed input (a value, or msg / flow / global / env /
// JSONata), optionally overridden by msg.params, converted to the parameter's declared type.
import { SwitchboardError, splitList } from '@switchboard/core';
import type { OperationDef, OperationParams, ParameterDef } from '@switchboard/core';
import type { NodeInstance, NodeMessage, NodeRedApi } from './node-red-types';

/** How the editor stores one parameter: value and typedInput type. */
export interface TypedValue {
  v: unknown;
  t: string;
}

/** Literal types the editor offers besides Node-RED's own: a pick from the profile's options. */
const LITERAL_TYPES = new Set(['option', 'str']);

function invalid(parameter: ParameterDef, problem: string): SwitchboardError {
  return new SwitchboardError({
    code: 'validation_failed',
    kind: 'configuration',
    message: `Parameter "${parameter.displayName}" ${problem}.`,
    hint: `Set "${parameter.displayName}" in the node, or pass msg.params.${parameter.name}.`,
  });
}

/** Converts one resolved value to what the parameter's type needs; undefined means "not set". */
export function coerceParameter(parameter: ParameterDef, value: unknown): unknown {
  if (value === undefined || value === null || value === '') return undefined;
  switch (parameter.type) {
    case 'number': {
      const number = typeof value === 'number' ? value : Number(String(value).trim());
      if (!Number.isFinite(number)) throw invalid(parameter, 'must be a number');
      return number;
    }
    case 'boolean':
      if (typeof value === 'boolean') return value;
      if (value === 'true' || value === 'false') return value === 'true';
      throw invalid(parameter, 'must be true or false');
    case 'json':
      if (typeof value !== 'string') return value;
      try {
        return JSON.parse(value) as unknown;
      } catch {
        throw invalid(parameter, 'is not valid JSON');
      }
    case 'multiOptions':
      if (Array.isArray(value)) return value.map(String);
      return splitList(String(value));
    default:
      return typeof value === 'object' ? value : String(value);
  }
}

/** A typed input that is not a literal (msg, flow, global, env, JSONata...), through Node-RED. */
function evaluate(
  RED: NodeRedApi,
  node: NodeInstance,
  msg: NodeMessage,
  typed: TypedValue,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    RED.util.evaluateNodeProperty(typed.v, typed.t, node, msg, (error, result) =>
      error ? reject(error) : resolve(result),
    );
  });
}

/** A typed input that cannot be read (a msg path through a missing property, bad JSONata). */
async function evaluateOrExplain(
  RED: NodeRedApi,
  node: NodeInstance,
  msg: NodeMessage,
  parameter: ParameterDef,
  typed: TypedValue,
): Promise<unknown> {
  try {
    return await evaluate(RED, node, msg, typed);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new SwitchboardError({
      code: 'validation_failed',
      kind: 'configuration',
      message: `Parameter "${parameter.displayName}" could not be read from ${typed.t} "${String(typed.v)}": ${reason}.`,
      hint: `Check that the incoming message (or context) has that property, or pass msg.params.${parameter.name}.`,
    });
  }
}

/** The parameters to send: the node's typed inputs, then msg.params on top. */
export async function resolveParameters(
  RED: NodeRedApi,
  node: NodeInstance,
  msg: NodeMessage,
  operation: OperationDef,
  stored: Record<string, TypedValue | undefined>,
): Promise<OperationParams> {
  const overrides =
    msg.params !== null && typeof msg.params === 'object'
      ? (msg.params as Record<string, unknown>)
      : {};
  const params: OperationParams = {};
  for (const parameter of operation.parameters) {
    const typed = stored[parameter.name];
    // Literals are read without a promise turn: most parameters are literals, on every message.
    let value: unknown;
    if (typed && LITERAL_TYPES.has(typed.t)) value = typed.v;
    else if (typed) value = await evaluateOrExplain(RED, node, msg, parameter, typed);
    if (parameter.name in overrides) value = overrides[parameter.name];
    const coerced = coerceParameter(parameter, value);
    if (coerced !== undefined) params[parameter.name] = coerced as OperationParams[string];
  }
  return params;
}
