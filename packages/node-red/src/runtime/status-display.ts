// A node's status, set only when it changes. Every status Node-RED is given goes to status
// nodes and the editor's connection: under load the same "200" after every message was a
// large share of the node's cost, and said nothing new.
import type { NodeInstance } from './node-red-types';
import type { NodeStatus } from './status';

export class StatusDisplay {
  private shown: string | undefined;

  constructor(private readonly node: Pick<NodeInstance, 'status'>) {}

  show(status: NodeStatus): void {
    const key = `${status.fill ?? ''}|${status.shape ?? ''}|${status.text ?? ''}`;
    if (key === this.shown) return;
    this.shown = key;
    this.node.status(status);
  }
}
