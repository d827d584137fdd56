import { basic, call, EMULATOR_SEED, postForm, sendJson, useEmulator } from './helpers';
import { startWebhookServer } from './webhook-server';

const { full, agentOnly } = EMULATOR_SEED.sangoma.clients;
const tenant_domain = full.tenantDomain;
const conversation_id = EMULATOR_SEED.sangoma.conversations[0];

describe('Sangoma CX API', () => {
  const emulator = useEmulator();
  const api = (path: string) => `${emulator().url}/sangoma/cpaas/cx/api/v1${path}`;
  const token = async (
    client: { clientId: string; clientSecret: string; scopes: readonly string[] } = full,
  ) => {
    const answer = await postForm(
      `${emulator().url}/sangoma/auth/oauth/token`,
      { grant_type: 'client_credentials', scope: client.scopes.join(' ') },
      { authorization: basic(client.clientId, client.clientSecret) },
    );
    return answer.body.access_token as string;
  };

  it.each([
    [
      'agent call',
      '/agents/call/',
      { agent_name: 'alice', destination: '+15551230000' },
      201,
      { status: 'initiated' },
    ],
    [
      'queue call',
      '/queues/call/',
      { queue_name: 'sales', destination: '+15551230000' },
      201,
      { status: 'queued' },
    ],
    [
      'send message',
      '/digital-interactions/messages/',
      { content: 'Hello', message_type: 'outgoing', conversation_id },
      201,
      { status: 'sent', conversation_id },
    ],
    [
      'deliver to agent',
      '/digital-interactions/conversations/deliver-to-agent/',
      { conversation_id },
      200,
      { status: 'delivered_to_agent' },
    ],
    [
      'create agent bot',
      '/digital-interactions/agent-bot/',
      { name: 'Helper', outgoing_url: 'https://bot.example.com/in' },
      201,
      { name: 'Helper', outgoing_url: 'https://bot.example.com/in', tenant_domain },
    ],
  ] as Array<[string, string, Record<string, unknown>, number, Record<string, unknown>]>)(
    '%s succeeds',
    async (_label, path, body, status, expected) => {
      const answer = await sendJson(api(path), 'POST', { ...body, tenant_domain }, await token());
      expect(answer.status).toBe(status);
      expect(answer.body).toEqual(expect.objectContaining(expected));
    },
  );

  it('lists inboxes of the token’s tenant; needs cx.digital-interactions', async () => {
    const get = (path: string, accessToken: string) =>
      call<Array<{ tenant_domain: string }>>(api(path), {
        headers: { authorization: `Bearer ${accessToken}` },
      });
    const inboxes = await get('/digital-interactions/inboxes/', await token());
    expect(inboxes.status).toBe(200);
    expect(inboxes.body.length).toBeGreaterThan(0);
    expect(inboxes.body.every((inbox) => inbox.tenant_domain === tenant_domain)).toBe(true);
    const other = await get(
      '/digital-interactions/inboxes/?tenant_domain=globex.cx.sangoma.com',
      await token(),
    );
    expect(other.status).toBe(403);
    const scoped = await get('/digital-interactions/inboxes/', await token(agentOnly));
    expect(scoped.status).toBe(403);
    const bot = await sendJson(
      api('/digital-interactions/agent-bot/'),
      'POST',
      { name: 'Helper', outgoing_url: 'not a url', tenant_domain },
      await token(),
    );
    expect(bot.status).toBe(400);
    expect(bot.body).toEqual({ outgoing_url: ['Enter a valid URL.'] });
  });

  it('requires tenant_domain in every body', async () => {
    for (const path of [
      '/agents/call/',
      '/queues/call/',
      '/digital-interactions/messages/',
      '/digital-interactions/webhooks/',
      '/digital-interactions/conversations/deliver-to-agent/',
    ]) {
      const answer = await sendJson(api(path), 'POST', {}, await token());
      expect(answer.status).toBe(400);
      expect(answer.body).toEqual({ tenant_domain: ['This field is required.'] });
    }
  });

  it('answers 403 insufficient_scope when the token lacks the endpoint scope', async () => {
    const accessToken = await token(agentOnly);
    const answer = await sendJson(
      api('/queues/call/'),
      'POST',
      { queue_name: 'sales', destination: '1', tenant_domain },
      accessToken,
    );
    expect(answer.status).toBe(403);
    expect(answer.body).toEqual(
      expect.objectContaining({ error: 'insufficient_scope', required_scope: 'cx.queue-calls' }),
    );
    expect(answer.headers.get('www-authenticate')).toContain('insufficient_scope');
    expect(
      (
        await sendJson(
          api('/agents/call/'),
          'POST',
          { agent_name: 'alice', destination: '1', tenant_domain },
          accessToken,
        )
      ).status,
    ).toBe(201);
  });

  it('answers 401 for a missing or revoked token', async () => {
    expect((await sendJson(api('/agents/call/'), 'POST', { tenant_domain })).status).toBe(401);
    const accessToken = await token();
    emulator().control.revokeTokens('sangoma');
    const revoked = await sendJson(
      api('/agents/call/'),
      'POST',
      { agent_name: 'alice', destination: '1', tenant_domain },
      accessToken,
    );
    expect(revoked.status).toBe(401);
    expect(revoked.body).toEqual({ detail: expect.any(String), error: 'invalid_token' });
  });

  it('validates fields, tenants, agents, queues and conversations', async () => {
    const accessToken = await token();
    const cases: Array<[string, Record<string, unknown>, number]> = [
      ['/agents/call/', { destination: '1' }, 400],
      ['/agents/call/', { agent_name: 'nobody', destination: '1' }, 404],
      ['/queues/call/', { queue_name: 'nowhere', destination: '1' }, 404],
      [
        '/digital-interactions/messages/',
        { content: 'x', message_type: 'incoming', conversation_id },
        400,
      ],
      [
        '/digital-interactions/messages/',
        { content: 'x', message_type: 'outgoing', conversation_id: 'nope' },
        404,
      ],
      [
        '/digital-interactions/webhooks/',
        { url: 'not-a-url', subscriptions: ['message_created'] },
        400,
      ],
      [
        '/digital-interactions/webhooks/',
        { url: 'http://127.0.0.1/h', subscriptions: ['everything'] },
        400,
      ],
    ];
    for (const [path, body, status] of cases) {
      expect(
        (await sendJson(api(path), 'POST', { ...body, tenant_domain }, accessToken)).status,
      ).toBe(status);
    }
    const otherTenant = await sendJson(
      api('/agents/call/'),
      'POST',
      { agent_name: 'alice', destination: '1', tenant_domain: 'globex.cx.sangoma.com' },
      accessToken,
    );
    expect(otherTenant.status).toBe(403);
    const notJson = await call(api('/agents/call/'), {
      method: 'POST',
      headers: {
        authorization: `Bearer ${accessToken}`,
        'content-type': 'application/x-www-form-urlencoded',
      },
      body: 'tenant_domain=x',
    });
    expect(notJson.status).toBe(415);
  });

  it('creates a webhook and delivers events to it', async () => {
    const webhook = await startWebhookServer(200);
    try {
      const created = await sendJson(
        api('/digital-interactions/webhooks/'),
        'POST',
        { url: webhook.url, subscriptions: ['message_created'], tenant_domain },
        await token(),
      );
      expect(created.status).toBe(201);
      expect(created.body).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          url: webhook.url,
          subscriptions: ['message_created'],
        }),
      );
      expect(emulator().control.listSangomaWebhooks()).toHaveLength(1);
      const none = await emulator().control.deliverSangomaEvent({ event: 'conversation_created' });
      expect(none).toEqual([]);
      const results = await sendJson<unknown[]>(
        `${emulator().url}/_control/sangoma/events`,
        'POST',
        { event: 'message_created' },
      );
      expect(results.body).toEqual([
        expect.objectContaining({ subscriptionId: created.body.id, status: 200 }),
      ]);
      expect(webhook.received[0]?.body).toEqual(
        expect.objectContaining({
          event: 'message_created',
          tenant_domain,
          data: expect.objectContaining({ conversation_id }),
        }),
      );
    } finally {
      await webhook.close();
    }
  });
});
