import { pageSignature, PageVisits } from '../../src/client/page-visits';
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
});
