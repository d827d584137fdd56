// Runs nodes from sources in node-red-node-test-helper's real Node-RED runtime.
import helper from 'node-red-node-test-helper';
import {
  registerApiNodes,
  registerConfigNodes,
  registerMitelNotificationsNode,
  registerTokenNode,
} from '../src/runtime';
import type { NodeRedApi } from '../src/runtime';

helper.init(require.resolve('node-red'));

/** The RED API the nodes were registered with (its httpNode is not served by the helper). */
export const loaded: { RED?: NodeRedApi } = {};

/** Node-RED's own Catch node, to prove errors reach Catch nodes. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const catchNode = require('@node-red/nodes/core/common/25-catch.js') as (RED: NodeRedApi) => void;

/** Node-RED's own split / join nodes, to prove per-record messages reassemble. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const splitJoinNodes = require('@node-red/nodes/core/sequence/17-split.js') as (
  RED: NodeRedApi,
) => void;

export const SWITCHBOARD_NODES = [
  catchNode,
  splitJoinNodes,
  (RED: NodeRedApi) => {
    loaded.RED = RED;
    registerConfigNodes(RED);
  },
  registerApiNodes,
  registerTokenNode,
  registerMitelNotificationsNode,
];

export type FlowNode = Record<string, unknown> & { id: string; type: string };

export { helper };

/** Waits for the next message a helper node receives. */
export function nextMessage(nodeId: string): Promise<Record<string, unknown>> {
  const node = helper.getNode(nodeId);
  return new Promise((resolve) =>
    node.once('input', (msg: Record<string, unknown>) => resolve(msg)),
  );
}

/** Collects `count` messages a helper node receives. */
export function messages(nodeId: string, count: number): Promise<Record<string, unknown>[]> {
  const node = helper.getNode(nodeId);
  const received: Record<string, unknown>[] = [];
  return new Promise((resolve) => {
    node.on('input', (msg: Record<string, unknown>) => {
      received.push(msg);
      if (received.length === count) resolve(received);
    });
  });
}

/** Every status a node shows, in order. */
export function statusTexts(nodeId: string): string[] {
  const node = helper.getNode(nodeId);
  const texts: string[] = [];
  const original = node.status.bind(node);
  node.status = (status: { text?: string }) => {
    if (status.text) texts.push(status.text);
    return original(status);
  };
  return texts;
}

/** A flow: config nodes at the top level, the other nodes on one tab (as the editor saves them). */
export function onTab(config: FlowNode | FlowNode[], nodes: FlowNode[]): FlowNode[] {
  const configs = Array.isArray(config) ? config : [config];
  return [
    { id: 'tab', type: 'tab', label: 'test' },
    ...configs,
    ...nodes.map((node) => ({ x: 100, y: 100, ...node, z: 'tab' })),
  ];
}
