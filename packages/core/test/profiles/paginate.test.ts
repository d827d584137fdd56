// The one paging loop (client/paginate.ts), driven by a fake `send`: what every adapter gets.
import { isPaged, paginate } from '../../src';
import { mitelCloudLink } from '../../src/profiles/mitel-cloudlink';
import type { ApiRequest, ApiResponse } from '../../src/operations/types';

const BASE = 'https://media.example.test/2017-09-01/calls/records';
const first: ApiRequest = { method: 'GET', url: BASE, query: { $top: 2 }, idempotent: true };

/** A HAL page of two items whose next link is `next` (none when undefined). */
function halPage(name: string, next?: string): ApiResponse {
  return {
    status: 200,
    headers: {},
    data: {
      _links: next === undefined ? {} : { next: { href: next } },
      _embedded: { items: [{ callId: `${name}1` }, { callId: `${name}2` }] },
    },
  };
}

async function collect(pages: AsyncIterable<{ items: unknown[] }>): Promise<unknown[]> {
  const items: unknown[] = [];
  for await (const page of pages) items.push(...page.items);
  return items;
}

describe('paginate', () => {
  it('follows next links to the last page, one request per page', async () => {
    const sent: string[] = [];
    const send = async (request: ApiRequest) => {
      sent.push(String(request.query?.page ?? 'a'));
      if (request.query?.page === undefined) return halPage('a', `${BASE}?page=b`);
      return halPage('b');
    };
    const items = await collect(paginate(mitelCloudLink, 'callRecord.list', first, send));
    expect(items).toHaveLength(4);
    expect(sent).toEqual(['a', 'b']);
  });

  it('stops after three requests when next links loop A → B → A', async () => {
    let requests = 0;
    const send = async (request: ApiRequest) => {
      requests += 1;
      return request.query?.page === 'b'
        ? halPage('b', `${BASE}?page=a`)
        : halPage('a', `${BASE}?page=b`);
    };
    const loopFirst: ApiRequest = { method: 'GET', url: BASE, query: { page: 'a' } };
    await expect(
      collect(paginate(mitelCloudLink, 'callRecord.list', loopFirst, send)),
    ).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining('Pagination loop'),
    });
    // Page 3 (A again) is recognised before it is sent.
    expect(requests).toBe(2);
  });

  it('cuts the last page at the limit and sends no further request', async () => {
    let requests = 0;
    const send = async () => {
      requests += 1;
      return halPage(`p${requests}`, `${BASE}?page=${requests + 1}`);
    };
    const items = await collect(
      paginate(mitelCloudLink, 'callRecord.list', first, send, { limit: 3 }),
    );
    expect(items).toHaveLength(3);
    expect(requests).toBe(2);
  });

  it('refuses an unknown operation with the list of known ones', () => {
    expect(() => paginate(mitelCloudLink, 'no.such', first, async () => halPage('a'))).toThrow(
      /has no operation "no.such"/,
    );
  });

  it('isPaged tells lists from single requests', () => {
    const byId = (id: string) => mitelCloudLink.operations.find((operation) => operation.id === id);
    expect(isPaged(byId('callRecord.list')!)).toBe(true);
    expect(isPaged(byId('auth.whoAmI')!)).toBe(false);
  });
});
