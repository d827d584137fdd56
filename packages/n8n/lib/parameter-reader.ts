// n8n resolves a node parameter per item because an expression may give each item its own value;
// a parameter with no expression anywhere in it has one value for every item. Those are read
// once per execution: n8n's getNodeParameter resolves, copies and validates the value on every
// call, the largest share of the node's own cost per item in a run of 1,000 items. Parameters
// holding an expression (or read by a dotted path) are still read for each item.
import type { IExecuteFunctions, NodeParameterValueType } from 'n8n-workflow';

/** Reads a node parameter for an item, as `context.getNodeParameter(name, itemIndex, fallback)`. */
export type ParameterReader = (name: string, itemIndex: number, fallback?: unknown) => unknown;

/** n8n's own test: an expression is a string starting with "=". */
function holdsExpression(value: unknown): boolean {
  if (typeof value === 'string') return value.startsWith('=');
  if (Array.isArray(value)) return value.some(holdsExpression);
  if (typeof value === 'object' && value !== null)
    return Object.values(value).some(holdsExpression);
  return false;
}

/**
 * One reader per execution. A value read once is shared by every item: callers must not change
 * it (n8n would have handed each item a fresh copy).
 */
export function parameterReader(context: IExecuteFunctions): ParameterReader {
  const raw = context.getNode().parameters;
  const constant = new Map<string, unknown>();
  const isConstant = (name: string): boolean => !name.includes('.') && !holdsExpression(raw[name]);
  return (name, itemIndex, fallback) => {
    // The fallback is part of the key: it is the value when the parameter is absent.
    const key = `${name}\u0000${JSON.stringify(fallback) ?? ''}`;
    if (constant.has(key)) return constant.get(key);
    const value: NodeParameterValueType | object = context.getNodeParameter(
      name,
      itemIndex,
      fallback,
    );
    if (isConstant(name)) constant.set(key, value);
    return value;
  };
}
