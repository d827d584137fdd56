import {
  EMULATOR_SEED,
  getWithToken,
  mitelClientToken,
  mitelUrl,
  sendJson,
  useEmulator,
} from './helpers';

const prod = EMULATOR_SEED.mitel.prod;

interface RecordPage {
  count: number;
  _links: { self: { href: string }; next?: { href: string } };
  _embedded: {
    items: Array<{ callId: string; principal: string; direction: string; createdOn: string }>;
  };
}

describe('Mitel media API', () => {
  const emulator = useEmulator();
  const media = (path: string) => mitelUrl(emulator().url, 'prod', 'media', path);
  const token = () => mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);

  async function fetchAll(first: string, accessToken: string) {
    const items: RecordPage['_embedded']['items'] = [];
    let url: string | undefined = first;
    let pages = 0;
    while (url) {
      const page: { status: number; body: RecordPage } = await getWithToken<RecordPage>(
        url,
        accessToken,
      );
      expect(page.status).toBe(200);
      items.push(...page.body._embedded.items);
      url = page.body._links.next?.href;
      pages++;
    }
    return { items, pages };
  }

  it('pages through every call record of the account, newest first, with _links.next', async () => {
    const { items, pages } = await fetchAll(media('/calls/records?$top=100'), await token());
    expect(items).toHaveLength(prod.accounts.acme.generatedCallRecords);
    expect(pages).toBe(prod.accounts.acme.generatedCallRecords / 100);
    expect(new Set(items.map((item) => item.callId)).size).toBe(items.length);
    const dates = items.map((item) => item.createdOn);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('returns records with the documented fields', async () => {
    const page = await getWithToken<RecordPage>(media('/calls/records?$top=1'), await token());
    expect(page.body.count).toBe(1);
    expect(page.body._embedded.items[0]).toEqual(
      expect.objectContaining({
        callId: expect.any(String),
        from: expect.any(String),
        fromName: expect.any(String),
        to: expect.any(String),
        toName: expect.any(String),
        direction: expect.stringMatching(/^(inbound|outbound)$/),
        state: expect.any(String),
        cause: expect.any(String),
        createdOn: expect.any(String),
      }),
    );
    expect(page.body._links.self.href).toContain('$top=1');
    expect(page.body._links.next?.href).toContain('$skip=1');
  });

  it('filters with contains(principal, ...) and direction eq, keeping the filter in next links', async () => {
    const accessToken = await token();
    const first = await getWithToken<RecordPage>(media('/calls/records?$top=5'), accessToken);
    const principal = first.body._embedded.items[0]?.principal ?? '';
    const filter = `contains(principal,'${principal}') and direction eq 'inbound'`;
    const { items } = await fetchAll(
      media(`/calls/records?$top=10&$filter=${encodeURIComponent(filter)}`),
      accessToken,
    );
    expect(items.length).toBeGreaterThan(0);
    expect(
      items.every((item) => item.principal === principal && item.direction === 'inbound'),
    ).toBe(true);
    const all = await fetchAll(media('/calls/records?$top=100'), accessToken);
    expect(items).toHaveLength(
      all.items.filter((item) => item.principal === principal && item.direction === 'inbound')
        .length,
    );
  });

  it('orders ascending on request', async () => {
    const page = await getWithToken<RecordPage>(
      media(`/calls/records?$top=50&$orderby=${encodeURIComponent('createdOn asc')}`),
      await token(),
    );
    const dates = page.body._embedded.items.map((item) => item.createdOn);
    expect([...dates].sort()).toEqual(dates);
  });

  it.each([
    ['unknown field', "contains(secret,'x')"],
    ['unquoted string', 'direction eq inbound'],
    ['dangling and', "direction eq 'inbound' and"],
    ['unknown operator', "direction like 'in'"],
  ])('answers 400 for a bad $filter: %s', async (_label, filter) => {
    const answer = await getWithToken(
      media(`/calls/records?$filter=${encodeURIComponent(filter)}`),
      await token(),
    );
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      name: 'InvalidParameters',
      message: expect.stringContaining('$filter'),
    });
  });

  it('answers 400 for $top above 100 and a bad $orderby', async () => {
    const accessToken = await token();
    expect((await getWithToken(media('/calls/records?$top=500'), accessToken)).status).toBe(400);
    expect(
      (
        await getWithToken(
          media(`/calls/records?$orderby=${encodeURIComponent('createdOn sideways')}`),
          accessToken,
        )
      ).status,
    ).toBe(400);
  });

  it("shows only the caller's account records", async () => {
    const globex = await mitelClientToken(emulator().url, 'prod', prod.clients.globexAdmin);
    const { items } = await fetchAll(media('/calls/records?$top=100'), globex);
    expect(items).toHaveLength(prod.accounts.globex.generatedCallRecords);
  });

  it('places a call from an endpoint of the account', async () => {
    const accessToken = await token();
    const endpoint = prod.users.agent.userId;
    const placed = await sendJson(
      media(`/endpoints/${endpoint}/calls`),
      'POST',
      { to: '+15551234567' },
      accessToken,
    );
    expect(placed.status).toBe(201);
    expect(placed.body).toEqual(
      expect.objectContaining({
        callId: expect.any(String),
        endpointId: endpoint,
        to: '+15551234567',
        state: 'dialing',
      }),
    );
    const noTo = await sendJson(media(`/endpoints/${endpoint}/calls`), 'POST', {}, accessToken);
    expect(noTo.status).toBe(400);
    expect(noTo.body.name).toBe('ValidationError');
    const foreign = await sendJson(
      media(`/endpoints/${prod.users.globexAdmin.userId}/calls`),
      'POST',
      { to: '100' },
      accessToken,
    );
    expect(foreign.status).toBe(404);
  });
});
