// The shipped example workflows use our nodes' parameters as the nodes declare them today: a
// parameter the node does not show for that operation (an optional one left at the top level
// after it moved under Options, say) is silently ignored by n8n, so the example would quietly
// stop sending it.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { getProfile } from '@switchboard/core';
import type { INodeProperties } from 'n8n-workflow';
import { OPTIONS, nodeProperties } from '../lib/node-properties';
import { PROVIDERS } from '../lib/providers';

const EXAMPLES = join(__dirname, '..', 'examples');
const PACKAGE = '@switchboard/n8n-nodes-switchboard';

interface ExampleNode {
  name: string;
  type: string;
  parameters: Record<string, unknown>;
}

function shownFor(property: INodeProperties, resource: unknown, operation: unknown): boolean {
  const show = property.displayOptions?.show;
  if (show === undefined) return true;
  const resources = show['resource'];
  const operations = show['operation'];
  return (
    (resources === undefined || resources.includes(resource as string)) &&
    (operations === undefined || operations.includes(operation as string))
  );
}

const providerNodes = Object.values(PROVIDERS).map((binding) => ({
  type: `${PACKAGE}.${binding.nodeName}`,
  properties: nodeProperties(getProfile(binding.profileId)),
}));

const uses = readdirSync(EXAMPLES)
  .filter((file) => file.endsWith('.json'))
  .flatMap((file) => {
    const workflow = JSON.parse(readFileSync(join(EXAMPLES, file), 'utf8')) as {
      nodes: ExampleNode[];
    };
    return workflow.nodes.flatMap((node) => {
      const provider = providerNodes.find((candidate) => candidate.type === node.type);
      return provider === undefined ? [] : [{ file, node, properties: provider.properties }];
    });
  });

describe('the example workflows', () => {
  it('use the provider nodes', () => {
    expect(uses.length).toBeGreaterThanOrEqual(5);
  });

  it.each(uses.map((use) => [`${use.file} › ${use.node.name}`, use] as const))(
    '%s sets only parameters its node shows for that operation',
    (_label, { node, properties }) => {
      const { resource, operation } = node.parameters;
      const shown = properties.filter((property) => shownFor(property, resource, operation));
      for (const name of Object.keys(node.parameters)) {
        expect(shown.map((property) => property.name)).toContain(name);
      }
      const options = node.parameters[OPTIONS];
      if (options === undefined) return;
      const collection = shown.find((property) => property.name === OPTIONS);
      const optionNames = (collection?.options ?? []).map((option) => option.name);
      for (const name of Object.keys(options as Record<string, unknown>)) {
        expect(optionNames).toContain(name);
      }
    },
  );
});
