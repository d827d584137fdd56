// The deployed flow configuration of a config node, as Node-RED saved it on the last deploy.
// RED.nodes.getNode only knows running nodes (null for disabled ones and nodes of disabled
// flows); RED.nodes.eachNode walks every deployed definition, enabled or not.
import type { NodeDefinition, NodeRedApi } from './node-red-types';

/**
 * The deployed definition of node `id` when it is exactly of `type`; undefined for a node of
 * another type (another palette's node, another provider's connection) or one never deployed.
 */
export function deployedDefinition(
  RED: NodeRedApi,
  id: unknown,
  type: string,
): NodeDefinition | undefined {
  if (typeof id !== 'string' || id === '') return undefined;
  let found: NodeDefinition | undefined;
  RED.nodes.eachNode((definition) => {
    if (definition.id === id && definition.type === type) found = definition;
  });
  return found;
}
