// Flow control of "return all" in one-message-per-record mode: a source that answers at once
// (no I/O to wait for) must still not run ahead of Node-RED's message delivery.
import type { Connection, Page } from '@switchboard/core';
import { pagedOutcome } from '../src/runtime/paged-outcome';
import { RecordSender } from '../src/runtime/record-sender';
import type { NodeMessage } from '../src/runtime/node-red-types';

const PAGE_SIZE = 10;
const PAGES = 7;

type Event = { requested: number } | { delivered: number };

/** Pages of `PAGE_SIZE` numbered records, produced without waiting on anything. */
function instantPages(events: Event[]): Pick<Connection, 'pages'> {
  return {
    async *pages() {
      for (let page = 0; page < PAGES; page += 1) {
        events.push({ requested: page });
        const items = Array.from({ length: PAGE_SIZE }, (_, i) => ({ n: page * PAGE_SIZE + i }));
        const response = { status: 200, headers: {}, data: items } as Page['response'];
        yield { items, response };
      }
    },
  };
}

/** Delivers like Node-RED's runtime: each sent message reaches its consumer on setImmediate. */
function nodeRedLikeSend(events: Event[], received: NodeMessage[]) {
  return (msg: NodeMessage | NodeMessage[] | null) => {
    if (msg === null || Array.isArray(msg)) throw new Error('one message at a time');
    setImmediate(() => {
      received.push(msg);
      events.push({ delivered: (msg.payload as { n: number }).n });
    });
  };
}

async function returnAll(events: Event[], received: NodeMessage[]): Promise<number> {
  const records = new RecordSender(nodeRedLikeSend(events, received), (record, index) => ({
    payload: record,
    index,
  }));
  await pagedOutcome(
    instantPages(events),
    { operationId: 'callRecord.list', params: {}, collect: false },
    (items) => records.add(items),
  );
  const count = records.finish();
  await new Promise((resolve) => setImmediate(resolve));
  return count;
}

describe('paged outcome flow control', () => {
  it('requests a page only after the previous pages were delivered', async () => {
    const events: Event[] = [];
    await returnAll(events, []);
    for (let page = 1; page < PAGES; page += 1) {
      const at = events.findIndex((event) => 'requested' in event && event.requested === page);
      const delivered = events.slice(0, at).filter((event) => 'delivered' in event).length;
      // The last record of each page is held back until the next one (it would carry the count).
      expect(delivered).toBe(page * PAGE_SIZE - 1);
    }
  });

  it('delivers every record once, in order, the last one with parts.count', async () => {
    const received: NodeMessage[] = [];
    const count = await returnAll([], received);
    expect(count).toBe(PAGES * PAGE_SIZE);
    expect(received.map((msg) => (msg.payload as { n: number }).n)).toEqual(
      Array.from({ length: PAGES * PAGE_SIZE }, (_, n) => n),
    );
    const parts = received.map((msg) => msg.parts as { index: number; count?: number });
    expect(parts.map((part) => part.index)).toEqual(received.map((_, index) => index));
    expect(parts.filter((part) => part.count !== undefined)).toEqual([
      expect.objectContaining({ index: PAGES * PAGE_SIZE - 1, count: PAGES * PAGE_SIZE }),
    ]);
  });

  it('collects every item for array mode and answers with the last page', async () => {
    const outcome = await pagedOutcome(
      instantPages([]),
      { operationId: 'callRecord.list', params: {}, collect: true },
      () => undefined,
    );
    expect(outcome.status).toBe(200);
    expect((outcome.payload as unknown[]).length).toBe(PAGES * PAGE_SIZE);
  });
});
