// Texts come from the node set's message catalogue (locales/<lang>/<node file>.json).
import { paletteLabelKey } from './keys';

/**
 * The node's translator: Node-RED gives every node and definition one bound to its node set's
 * catalogue; a node validated before the editor attached it falls back to its type's.
 */
export function translator(node: {
  _?: SwitchboardTranslate;
  type?: string;
}): SwitchboardTranslate {
  return node._ ?? (node.type === undefined ? undefined : RED.nodes.getType(node.type)?._) ?? RED._;
}

/** A definition's palette label, whether it is text or a function (as ours are). */
export function definitionLabel(
  definition: SwitchboardNodeDefinition | undefined,
  type: string,
): string {
  const label = definition?.paletteLabel;
  if (typeof label === 'function') return label.call(definition as SwitchboardNodeDefinition);
  return label ?? type;
}

export function providerPaletteLabel(
  definition: SwitchboardNodeDefinition,
  provider: string,
): string {
  return translator(definition)(paletteLabelKey(provider));
}
