import { ApiClient, buildApiUrl, TokenManager } from './engine';
import type { HttpRequest, HttpResponse } from './engine';
import {
  FakeClock,
  fakeTransport,
  recordingSleep,
  statusResponse,
  testSource,
  tokenResponse,
} from './fakes';

/** One fake server: /token issues t1, t2, ...; everything else goes to `api`. */
function setup(api: (request: HttpRequest, index: number) => HttpResponse) {
  const clock = new FakeClock();
  let issued = 0;
  let apiCalls = 0;
  const transport = fakeTransport((request) =>
    request.url.endsWith('/token') ? tokenResponse(`t${++issued}`, 3600) : api(request, apiCalls++),
  );
  const tokens = new TokenManager({ source: testSource(clock), transport, clock });
  const sleep = recordingSleep();
  const client = new ApiClient({
    tokens,
    transport,
    provider: 'generic-oauth2',
    defaultHeaders: { 'X-App': 'sb' },
    retry: { retries: 2, baseDelayMs: 10, maxDelayMs: 100 },
    sleep,
    random: () => 0,
  });
  const apiRequests = () => transport.requests.filter((request) => !request.url.endsWith('/token'));
  return { client, transport, sleep, apiRequests, tokens, issued: () => issued };
}

describe('buildApiUrl', () => {
  it('appends the query, skipping undefined values and encoding the rest', () => {
    expect(
      buildApiUrl('https://x/a', { $top: 5, q: 'a b&c', flag: true, none: undefined as never }),
    ).toBe('https://x/a?$top=5&q=a%20b%26c&flag=true');
    expect(buildApiUrl('https://x/a?k=1', { j: 2 })).toBe('https://x/a?k=1&j=2');
  });
  it('sends OData names with a literal $ and keeps encoding $, & and = in values', () => {
    expect(
      buildApiUrl('https://x/calls', {
        $top: 10,
        $skip: 20,
        $filter: "fromName eq 'A&B $1=2'",
        $orderby: 'createdOn desc',
        'odd name&=': 'v',
      }),
    ).toBe(
      "https://x/calls?$top=10&$skip=20&$filter=fromName%20eq%20'A%26B%20%241%3D2'" +
        '&$orderby=createdOn%20desc&odd%20name%26%3D=v',
    );
  });
  it('rejects relative URLs with a configuration error', () => {
    expect(() => buildApiUrl('/relative', {})).toThrow(
      expect.objectContaining({ code: 'invalid_configuration' }),
    );
  });
});

describe('ApiClient', () => {
  it('sends JSON with content type, default headers and the bearer token; parses JSON', async () => {
    const { client, apiRequests } = setup(() => statusResponse(201, { id: 7 }));
    const response = await client.send<{ id: number }>({
      method: 'POST',
      url: 'https://api.test/things',
      query: { dry: false },
      body: { name: 'x' },
    });
    expect(response).toMatchObject({ status: 201, data: { id: 7 } });
    const sent = apiRequests()[0];
    expect(sent?.url).toBe('https://api.test/things?dry=false');
    expect(sent?.headers).toMatchObject({
      authorization: 'Bearer t1',
      'content-type': 'application/json',
      'x-app': 'sb',
      accept: 'application/json',
    });
    expect(sent?.body).toBe('{"name":"x"}');
  });

  it('returns null for an empty body and text for non-JSON', async () => {
    const { client } = setup((_request, index): HttpResponse =>
      index === 0
        ? { status: 204, headers: {}, body: '' }
        : { status: 200, headers: { 'content-type': 'text/csv' }, body: 'a,b' },
    );
    expect((await client.send({ method: 'DELETE', url: 'https://api.test/x' })).data).toBeNull();
    expect((await client.send({ method: 'GET', url: 'https://api.test/x' })).data).toBe('a,b');
  });

  it('on 401 invalidates the token that request used and retries once with a fresh one', async () => {
    const { client, apiRequests, issued } = setup((request) =>
      request.headers['authorization'] === 'Bearer t1'
        ? statusResponse(401)
        : statusResponse(200, { ok: true }),
    );
    expect(
      (await client.send({ method: 'POST', url: 'https://api.test/x', body: {} })).data,
    ).toEqual({ ok: true });
    expect(apiRequests().map((request) => request.headers['authorization'])).toEqual([
      'Bearer t1',
      'Bearer t2',
    ]);
    expect(issued()).toBe(2);
  });

  it('does not loop on 401: a second 401 is an unauthorized error', async () => {
    const { client, apiRequests } = setup(() => statusResponse(401, { error: 'invalid_token' }));
    await expect(client.send({ method: 'GET', url: 'https://api.test/x' })).rejects.toMatchObject({
      kind: 'api',
      code: 'unauthorized',
      status: 401,
    });
    expect(apiRequests()).toHaveLength(2);
  });

  it('never retries 403 / insufficient_scope', async () => {
    const { client, apiRequests, issued } = setup(() =>
      statusResponse(
        403,
        { error: 'insufficient_scope' },
        { 'www-authenticate': 'Bearer error="insufficient_scope"' },
      ),
    );
    await expect(client.send({ method: 'GET', url: 'https://api.test/x' })).rejects.toMatchObject({
      code: 'insufficient_scope',
    });
    expect(apiRequests()).toHaveLength(1);
    expect(issued()).toBe(1);
  });

  it('backs off on 429 / 5xx for idempotent requests, honouring Retry-After', async () => {
    const { client, apiRequests, sleep } = setup((_request, index) =>
      index === 0
        ? statusResponse(429, {}, { 'retry-after': '2' })
        : index === 1
          ? statusResponse(503)
          : statusResponse(200, []),
    );
    expect((await client.send({ method: 'GET', url: 'https://api.test/x' })).data).toEqual([]);
    expect(apiRequests()).toHaveLength(3);
    expect(sleep.calls).toEqual([2000, 10]);
  });

  it('does not retry a POST on 5xx unless marked idempotent', async () => {
    const failing = setup(() => statusResponse(500));
    await expect(
      failing.client.send({ method: 'POST', url: 'https://api.test/x' }),
    ).rejects.toMatchObject({
      code: 'server_error',
    });
    expect(failing.apiRequests()).toHaveLength(1);
    const marked = setup((_request, index) =>
      index === 0 ? statusResponse(500) : statusResponse(200, {}),
    );
    await marked.client.send({ method: 'POST', url: 'https://api.test/x', idempotent: true });
    expect(marked.apiRequests()).toHaveLength(2);
  });

  it('retries for auth at most once even across backoff attempts', async () => {
    const { client, apiRequests } = setup((_request, index) =>
      index === 1 ? statusResponse(503) : statusResponse(401),
    );
    await expect(client.send({ method: 'GET', url: 'https://api.test/x' })).rejects.toMatchObject({
      code: 'unauthorized',
    });
    expect(apiRequests()).toHaveLength(3); // 401 → auth retry → 503 → backoff retry → 401 (no second auth retry)
  });

  it('does not add its own retries to a token request the manager already retried', async () => {
    const clock = new FakeClock();
    const transport = fakeTransport(() => statusResponse(503));
    const tokens = new TokenManager({
      source: testSource(clock),
      transport,
      clock,
      sleep: recordingSleep(),
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    const client = new ApiClient({
      tokens,
      transport,
      sleep: recordingSleep(),
      retry: { retries: 2, baseDelayMs: 1, maxDelayMs: 1 },
    });
    await expect(client.send({ method: 'GET', url: 'https://api.test/x' })).rejects.toMatchObject({
      kind: 'token',
      code: 'server_error',
    });
    expect(transport.requests).toHaveLength(3);
  });

  it('reports malformed JSON as unexpected_response', async () => {
    const { client } = setup(() => ({
      status: 200,
      headers: { 'content-type': 'application/json' },
      body: '{"a":',
    }));
    await expect(client.send({ method: 'GET', url: 'https://api.test/x' })).rejects.toMatchObject({
      code: 'unexpected_response',
    });
  });

  it('paginate streams pages until next returns undefined', async () => {
    const { client } = setup((request) => {
      const page = Number(new URL(request.url).searchParams.get('page') ?? '0');
      return statusResponse(200, { page, more: page < 2 });
    });
    const seen: number[] = [];
    for await (const { response } of client.paginate(
      { method: 'GET', url: 'https://api.test/list' },
      (page, request) => {
        const data = page.data as { page: number; more: boolean };
        return data.more ? { ...request, query: { page: data.page + 1 } } : undefined;
      },
    )) {
      seen.push((response.data as { page: number }).page);
    }
    expect(seen).toEqual([0, 1, 2]);
  });

  it('paginate stops with an error when the next page is the same request', async () => {
    const { client } = setup(() => statusResponse(200, {}));
    const pages = client.paginate(
      { method: 'GET', url: 'https://api.test/list' },
      (_page, request) => request,
    );
    const consume = async () => {
      for await (const _page of pages) {
        // consume
      }
    };
    await expect(consume()).rejects.toMatchObject({ code: 'unexpected_response' });
  });

  it('paginate stops with an error naming the loop when page 3 links back to page 1', async () => {
    const { client, apiRequests } = setup(() => statusResponse(200, {}));
    const seen: string[] = [];
    const consume = async () => {
      for await (const { request } of client.paginate(
        { method: 'GET', url: 'https://api.test/list', query: { page: 'a' } },
        (_page, request) => ({
          ...request,
          query: { page: request.query?.page === 'a' ? 'b' : 'a' },
        }),
      )) {
        seen.push(String(request.query?.page));
      }
    };
    await expect(consume()).rejects.toMatchObject({
      code: 'unexpected_response',
      message: expect.stringContaining(
        'page 3 would be GET https://api.test/list?page=a again, which was already fetched as page 1',
      ),
    });
    expect(seen).toEqual(['a', 'b']);
    expect(apiRequests()).toHaveLength(2);
  });
});
