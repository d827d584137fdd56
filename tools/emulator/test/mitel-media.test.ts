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
  _embedded: { items: RecordItem[] };
}

interface RecordItem {
  callId: string;
  principal: string;
  direction: string;
  createdOn: string;
  endTime: string;
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
        siteId: expect.any(String),
        fromNumberE164: expect.stringMatching(/^\+\d+$/),
        toNumberE164: expect.stringMatching(/^\+\d+$/),
        endTime: expect.any(String),
        completed: expect.any(Boolean),
        ringTime: expect.any(Number),
        billingTime: expect.any(Number),
      }),
    );
    const record = page.body._embedded.items[0] as unknown as Record<string, unknown>;
    // The user's side names its principal; the outside party has none.
    expect(record.fromPrincipalId ?? record.toPrincipalId).toBe(record.principal);
    expect(Date.parse(String(record.endTime))).toBeGreaterThan(
      Date.parse(String(record.createdOn)),
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

  it('ignores $orderby, which the specification does not document: newest first', async () => {
    const page = await getWithToken<RecordPage>(
      media(`/calls/records?$top=50&$orderby=${encodeURIComponent('createdOn asc')}`),
      await token(),
    );
    expect(page.status).toBe(200);
    const dates = page.body._embedded.items.map((item) => item.createdOn);
    expect([...dates].sort().reverse()).toEqual(dates);
  });

  it('filters on createdOn and endTime as instants (the call-record sync case)', async () => {
    const accessToken = await token();
    const all = await fetchAll(media('/calls/records?$top=1000'), accessToken);
    const middle = all.items[Math.floor(all.items.length / 2)] as RecordItem;
    const filter = `createdOn ge ${middle.createdOn} and endTime le '${middle.endTime}'`;
    const { items } = await fetchAll(
      media(`/calls/records?$top=100&$filter=${encodeURIComponent(filter)}`),
      accessToken,
    );
    const expected = all.items.filter(
      (item) =>
        Date.parse(item.createdOn) >= Date.parse(middle.createdOn) &&
        Date.parse(item.endTime) <= Date.parse(middle.endTime),
    );
    expect(items.map((item) => item.callId)).toEqual(expected.map((item) => item.callId));
    expect(items.map((item) => item.callId)).toContain(middle.callId);
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

  it('accepts a large $top as the real service does, and reads $skiptoken', async () => {
    const accessToken = await token();
    const large = await getWithToken<RecordPage>(media('/calls/records?$top=500'), accessToken);
    expect(large.status).toBe(200);
    expect(large.body.count).toBe(500);
    const resumed = await getWithToken<RecordPage>(
      media('/calls/records?$top=5&$skiptoken=495'),
      accessToken,
    );
    expect(resumed.body._embedded.items).toEqual(large.body._embedded.items.slice(495));
    expect(resumed.body._links.next?.href).toContain('$skip=500');
    expect(resumed.body._links.next?.href).not.toContain('skiptoken');
    const bad = await getWithToken(media('/calls/records?$skiptoken=nonsense'), accessToken);
    expect(bad.status).toBe(400);
  });

  it('hides records with PUT {hide: true}: they leave the history until reset', async () => {
    const accessToken = await token();
    const first = await getWithToken<RecordPage>(media('/calls/records?$top=2'), accessToken);
    const hidden = first.body._embedded.items[0] as RecordItem;
    const filter = encodeURIComponent(`callId eq '${hidden.callId}'`);
    const answer = await sendJson(
      media(`/calls/records?$filter=${filter}`),
      'PUT',
      { hide: true },
      accessToken,
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ count: 1, hide: true });
    const after = await getWithToken<RecordPage>(media('/calls/records?$top=2'), accessToken);
    expect(after.body._embedded.items.map((item) => item.callId)).not.toContain(hidden.callId);
    expect(after.body._embedded.items[0]?.callId).toBe(first.body._embedded.items[1]?.callId);
    const bad = await sendJson(media('/calls/records'), 'PUT', { hide: 'yes' }, accessToken);
    expect(bad.status).toBe(400);
    emulator().control.reset();
    const restored = await getWithToken<RecordPage>(media('/calls/records?$top=1'), await token());
    expect(restored.body._embedded.items[0]?.callId).toBe(hidden.callId);
  });

  it("shows only the caller's account records", async () => {
    const globex = await mitelClientToken(emulator().url, 'prod', prod.clients.globexAdmin);
    const { items } = await fetchAll(media('/calls/records?$top=100'), globex);
    expect(items).toHaveLength(prod.accounts.globex.generatedCallRecords);
  });

  it('places a call from an endpoint of the account: 200, originateTimeout 0-120', async () => {
    const accessToken = await token();
    const endpoint = prod.users.agent.userId;
    const placed = await sendJson(
      media(`/endpoints/${endpoint}/calls`),
      'POST',
      {
        to: '+15551234567',
        originateTimeout: 30,
        fromName: 'Front desk',
        record: true,
        successUrl: 'https://example.com/ok',
        executeOnAnswer: 'bridge',
      },
      accessToken,
    );
    expect(placed.status).toBe(200);
    expect(placed.body).toEqual(
      expect.objectContaining({
        callId: expect.any(String),
        endpointId: endpoint,
        to: '+15551234567',
        state: 'dialing',
        record: true,
      }),
    );
    for (const body of [
      {},
      { to: '+15551234567' },
      { to: '+15551234567', originateTimeout: 121 },
      { to: '+15551234567', originateTimeout: 10, failureUrl: 'not a url' },
      { to: '+15551234567', originateTimeout: 10, executeOnAnswer: 'dance' },
    ]) {
      const refused = await sendJson(
        media(`/endpoints/${endpoint}/calls`),
        'POST',
        body,
        accessToken,
      );
      expect({ body, status: refused.status, name: refused.body.name }).toEqual({
        body,
        status: 400,
        name: 'ValidationError',
      });
    }
    const foreign = await sendJson(
      media(`/endpoints/${prod.users.globexAdmin.userId}/calls`),
      'POST',
      { to: '100', originateTimeout: 0 },
      accessToken,
    );
    expect(foreign.status).toBe(404);
  });

  it('controls a placed call with PUT {action, args} until it ends', async () => {
    const accessToken = await token();
    const endpoint = prod.users.agent.userId;
    const placed = await sendJson<{ callId: string }>(
      media(`/endpoints/${endpoint}/calls`),
      'POST',
      { to: '+15551234567', originateTimeout: 20 },
      accessToken,
    );
    const callUrl = media(`/endpoints/${endpoint}/calls/${placed.body.callId}`);
    const act = (body: Record<string, unknown>) => sendJson(callUrl, 'PUT', body, accessToken);
    expect((await act({ action: 'answer' })).body.state).toBe('connected');
    expect((await act({ action: 'hold' })).body.state).toBe('held');
    expect((await act({ action: 'retrieve' })).body.state).toBe('connected');
    const dtmf = await act({ action: 'dtmf', args: { digits: '123#' } });
    expect(dtmf.body).toMatchObject({ action: 'dtmf', args: { digits: '123#' } });
    expect((await act({ action: 'pauseRecording' })).status).toBe(200);
    expect((await act({ action: 'dance' })).status).toBe(400);
    expect((await act({ action: 'hold', args: 'now' })).status).toBe(400);
    expect((await act({ action: 'end' })).body.state).toBe('ended');
    const gone = await act({ action: 'hold' });
    expect(gone.status).toBe(404);
    expect(gone.body.name).toBe('CallNotFound');
  });
});
