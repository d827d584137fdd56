// The one shared runtime every node file of the package requires: core, bundled once, and the
// node implementations. One copy per Node-RED process, so one Connection per config node.
import { profiles } from '@switchboard/core';
import { registerApiNode } from './api-node';
import { registerConfigNode } from './config-node';
import { registerDiagnoseEndpoint } from './diagnose-endpoint';
import type { NodeRedApi } from './node-red-types';
import { registerMitelCallRecordsNode } from './call-records-node';
import { registerMitelNotificationsNode } from './notifications-node';
import { registerTokenNode } from './token-node';

export type { NodeRedApi } from './node-red-types';

/** Config node types (one per provider) and the "test connection" admin endpoint. */
export function registerConfigNodes(RED: NodeRedApi): void {
  for (const profile of profiles) registerConfigNode(RED, profile);
  registerDiagnoseEndpoint(
    RED,
    profiles.map((profile) => profile.id),
  );
}

/** API node types, one per provider. */
export function registerApiNodes(RED: NodeRedApi): void {
  for (const profile of profiles) registerApiNode(RED, profile);
}

export { registerTokenNode, registerMitelNotificationsNode, registerMitelCallRecordsNode };
