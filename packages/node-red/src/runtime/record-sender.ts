// "One message per record": each record goes out as its own message with msg.parts as the split
// node sets it, so a join node in automatic mode reassembles the list. Records stream page by
// page, so the total is known only at the end: the last record is held back to carry parts.count.
import { randomUUID } from 'node:crypto';
import type { NodeMessage, SendFunction } from './node-red-types';

export interface MessageParts {
  id: string;
  type: 'array';
  len: 1;
  index: number;
  count?: number;
  /** The incoming message's own parts, kept as the split node nests them. */
  parts?: unknown;
}

export class RecordSender {
  private pending: (NodeMessage & { parts: MessageParts }) | undefined;
  private sent = 0;
  private readonly id = randomUUID();

  constructor(
    private readonly send: SendFunction,
    /** Builds the message for one record (a copy of the incoming message plus the response). */
    private readonly build: (record: unknown, index: number) => NodeMessage,
    private readonly outerParts?: unknown,
  ) {}

  add(records: unknown[]): void {
    for (const record of records) {
      if (this.pending) this.send(this.pending);
      const index = this.sent;
      this.sent += 1;
      const parts: MessageParts = { id: this.id, type: 'array', len: 1, index };
      if (this.outerParts !== undefined) parts.parts = this.outerParts;
      this.pending = Object.assign(this.build(record, index), { parts });
    }
  }

  /** Sends the held-back last record with the total; returns how many records went out. */
  finish(): number {
    if (this.pending) {
      this.pending.parts.count = this.sent;
      this.send(this.pending);
      this.pending = undefined;
    }
    return this.sent;
  }
}
