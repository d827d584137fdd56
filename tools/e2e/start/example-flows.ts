// The package's example flows, pointed at the emulator: each example's connection gets the
// emulator's URLs and seeded credentials, placeholders get seeded values. Pointing a connection
// at a real provider is the only change production needs.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ProviderId } from '@switchboard/core';
import {
  emulatorConnections,
  MITEL_ACCOUNT_ID,
} from '../../../packages/node-red/test/emulator-connections';
import type { FlowNode } from '../node-red/admin-api';
import { REPO_ROOT } from '../node-red/node-red-instance';

export const EXAMPLES_DIR = join(REPO_ROOT, 'packages', 'node-red', 'examples');
const CONFIG_TYPE = /^switchboard-(.+)-config$/;

export interface ExampleFlowOptions {
  emulatorUrl: string;
  nodeRedUrl: string;
  /** Where the Sangoma example keeps its (year-long) token. */
  tokenDir: string;
  encryptionKey: string;
}

function withPlaceholders(text: string, options: ExampleFlowOptions): string {
  return text
    .replaceAll('YOUR_ACCOUNT_ID', MITEL_ACCOUNT_ID)
    .replaceAll('https://YOUR_PUBLIC_NODE_RED_URL', options.nodeRedUrl)
    .replaceAll('https://YOUR_API', `${options.emulatorUrl}/generic/api`);
}

/** Every example, config nodes merged (the examples share them), ready for POST /flows. */
export function exampleFlows(options: ExampleFlowOptions): FlowNode[] {
  const connections = emulatorConnections(options.emulatorUrl);
  const nodes = new Map<string, FlowNode>();
  for (const file of readdirSync(EXAMPLES_DIR)
    // ERP examples need a database and a flow-library module: tools/e2e/node-red runs those.
    .filter((name) => name.endsWith('.json') && !name.includes(' - ERP - '))
    .sort()) {
    const flow = JSON.parse(
      withPlaceholders(readFileSync(join(EXAMPLES_DIR, file), 'utf8'), options),
    ) as FlowNode[];
    for (const node of flow) {
      const provider = CONFIG_TYPE.exec(node.type)?.[1] as ProviderId | undefined;
      if (!provider) {
        nodes.set(node.id, node);
        continue;
      }
      const fixture = connections[provider];
      const fileStore =
        node.tokenStore === 'file'
          ? {
              tokenStorePath: join(options.tokenDir, `${node.id}.json`),
              credentials: { ...fixture.credentials, encryptionKey: options.encryptionKey },
            }
          : { credentials: fixture.credentials };
      nodes.set(node.id, {
        ...node,
        ...fixture.node,
        id: node.id,
        name: `${String(node.name)} (emulator)`,
        tokenStore: node.tokenStore,
        ...fileStore,
      });
    }
  }
  return [...nodes.values()];
}
