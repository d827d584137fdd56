// "Return all" / limit for paged operations: page by page through the connection, handing each
// page's items to the caller before the next page is requested.
import type { Connection, OperationParams } from '@switchboard/core';

export interface Outcome {
  status: number;
  headers: Record<string, string>;
  payload: unknown;
}

export interface PagedRequest {
  operationId: string;
  params: OperationParams;
  /** Absent: every page ("return all"). */
  limit?: number;
  /** Keep every item for one array message (else the caller streams them). */
  collect: boolean;
}

/**
 * Node-RED delivers sent messages on setImmediate. Waiting one turn after a page's messages
 * were sent lets Node-RED deliver them before the next page is even requested, whatever the
 * source's timing: at most one page is ever queued, however many pages there are.
 */
export function deliveryTurn(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

/** Every item of a paged operation, page by page, up to the limit (or all of them). */
export async function pagedOutcome(
  connection: Pick<Connection, 'pages'>,
  request: PagedRequest,
  onItems: (items: unknown[], page: Outcome) => void,
  afterPage: () => Promise<void> = deliveryTurn,
): Promise<Outcome> {
  const limit = request.limit === undefined ? {} : { limit: request.limit };
  let last: Outcome = { status: 200, headers: {}, payload: [] };
  const collected: unknown[] = [];
  for await (const page of connection.pages(request.operationId, request.params, limit)) {
    last = { status: page.response.status, headers: page.response.headers, payload: collected };
    onItems(page.items, last);
    // In "one message per record" mode items are sent as they come: memory stays bounded.
    if (request.collect) for (const item of page.items) collected.push(item);
    await afterPage();
  }
  return last;
}
