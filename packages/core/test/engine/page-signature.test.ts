import { pageSignature, PageVisits, RECENT_PAGES } from '../../src/client/page-visits';
import type { ApiRequest } from '../../src/operations/types';

const base = 'https://api.example.com/v1/records';
const get = (query?: ApiRequest['query'], url = base): ApiRequest => ({
  method: 'GET',
  url,
  ...(query === undefined ? {} : { query }),
});

describe('pageSignature', () => {
  it('is the same page whatever the order of the query parameters', () => {
    expect(pageSignature(get({ $top: 100, $skip: 200 }))).toBe(
      pageSignature(get({ $skip: 200, $top: 100 })),
    );
  });

  it('is the same page for a number and its text, and without the undefined parameters', () => {
    expect(pageSignature(get({ $skip: 200 }))).toBe(pageSignature(get({ $skip: '200' })));
  });

  it('tells pages apart by a value, a name, the method or the body', () => {
    const signatures = [
      pageSignature(get({ $skip: 100 })),
      pageSignature(get({ $skip: 200 })),
      pageSignature(get({ skip: 100 })),
      pageSignature(get({ 'a b': 'c+d' })),
      pageSignature(get({ 'a+b': 'c d' })),
      pageSignature({ ...get({ $skip: 100 }), method: 'POST' }),
      pageSignature({ ...get({ $skip: 100 }), method: 'POST', body: { cursor: 'x' } }),
    ];
    expect(new Set(signatures).size).toBe(signatures.length);
  });

  it('spells the URL as the parser does (host case, default port)', () => {
    expect(pageSignature(get({ $skip: 1 }, 'https://API.example.com:443/v1/records'))).toBe(
      pageSignature(get({ $skip: 1 })),
    );
  });

  it('reads a query written into the URL like the same query given apart', () => {
    expect(pageSignature(get(undefined, `${base}?$top=100&$skip=200#frag`))).toBe(
      pageSignature(get({ $top: 100 }, `${base}?$skip=200`)),
    );
    expect(pageSignature(get(undefined, `${base}?$skip=200&$top=100`))).toBe(
      pageSignature(get({ $top: 100, $skip: 200 })),
    );
    expect(pageSignature(get(undefined, `${base}?b=2&a=1`))).toBe(
      pageSignature(get(undefined, `${base}?a=1&b=2`)),
    );
  });
});

describe('PageVisits', () => {
  it('ends a listing whose next page is one fetched before, naming both pages', () => {
    const visits = new PageVisits('mitel-cloudlink');
    visits.visit(get({ $skip: 0 }));
    visits.visit(get({ $skip: 100 }));
    expect(() => visits.visit(get({ $skip: '0' }))).toThrow(
      expect.objectContaining({
        code: 'unexpected_response',
        message: expect.stringMatching(/page 3 .* already fetched as page 1/),
      }),
    );
  });

  it('tells pages apart by URL and body as well as by query, numbering pages across them', () => {
    const visits = new PageVisits();
    const post = (cursor: string): ApiRequest => ({
      ...get({ $top: 1 }),
      method: 'POST',
      body: { cursor },
    });
    visits.visit(get({ $top: 1 }));
    visits.visit(get({ $top: 1 }, 'https://api.example.com/v1/other'));
    visits.visit(post('a'));
    visits.visit(post('b'));
    expect(() => visits.visit(post('a'))).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/page 5 .* already fetched as page 3/),
      }),
    );
    expect(() => visits.visit(get({ $top: '1' }, 'https://API.example.com/v1/other'))).toThrow(
      expect.objectContaining({
        message: expect.stringMatching(/page 5 .* already fetched as page 2/),
      }),
    );
  });

  /** Visits `skip` pages in order until one throws; returns that page's number and error. */
  function pageThatThrows(visits: PageVisits, skips: Iterable<number>): [number, Error] {
    let page = 0;
    for (const skip of skips) {
      page += 1;
      try {
        visits.visit(get({ $skip: skip }));
      } catch (error) {
        return [page, error as Error];
      }
    }
    throw new Error('no page threw');
  }

  function* cycle(lead: number, length: number): Generator<number> {
    for (let step = 0; step < 100 * (lead + length); step += 1) {
      yield step < lead ? -1 - step : (step - lead) % length;
    }
  }

  it('ends a short loop before any page repeats, however long the listing ran before it', () => {
    const visits = new PageVisits();
    const lead = 10 * RECENT_PAGES;
    const [page, error] = pageThatThrows(visits, cycle(lead, RECENT_PAGES));
    expect(page).toBe(lead + RECENT_PAGES + 1);
    expect(error.message).toMatch(new RegExp(`already fetched as page ${lead + 1};`));
  });

  it('ends a loop longer than it remembers within about twice the loop, naming a true repeat', () => {
    for (const [lead, length] of [
      [0, RECENT_PAGES + 1],
      [3, 5 * RECENT_PAGES],
      [7 * RECENT_PAGES, 3 * RECENT_PAGES + 17],
    ] as const) {
      const visits = new PageVisits();
      const [page, error] = pageThatThrows(visits, cycle(lead, length));
      const earlier = Number(/already fetched as page (\d+)/.exec(error.message)?.[1]);
      expect(page - earlier).toBe(length);
      expect(earlier).toBeGreaterThan(lead);
      expect(page).toBeLessThanOrEqual(2 * (lead + length) + length);
    }
  });

  it('lets a long listing of distinct pages through', () => {
    const visits = new PageVisits();
    for (let skip = 0; skip < 100 * RECENT_PAGES; skip += 1) visits.visit(get({ $skip: skip }));
    expect(() => visits.visit(get({ $skip: 100 * RECENT_PAGES - 2 }))).toThrow(/Pagination loop/);
  });
});
