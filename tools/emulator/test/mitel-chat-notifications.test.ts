import {
  call,
  EMULATOR_SEED,
  getWithToken,
  mitelClientToken,
  mitelUrl,
  sendJson,
  useEmulator,
} from './helpers';
import { startWebhookServer } from './webhook-server';

const prod = EMULATOR_SEED.mitel.prod;

describe('Mitel chat API', () => {
  const emulator = useEmulator();
  const chat = (path: string) => mitelUrl(emulator().url, 'prod', 'chat', path);
  const token = () => mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);

  it('creates a conversation and posts messages to it', async () => {
    const accessToken = await token();
    const created = await sendJson(
      chat('/conversations'),
      'POST',
      {
        name: 'Order 1234',
        originalParticipants: [
          { type: 'USER', participantId: prod.users.agent.userId },
          { type: 'SMS', participantId: '+15550001111' },
        ],
      },
      accessToken,
    );
    expect(created.status).toBe(201);
    const conversationId = created.body.conversationId as string;
    expect(created.body).toEqual(
      expect.objectContaining({
        conversationId: expect.any(String),
        name: 'Order 1234',
        accountId: prod.accounts.acme.accountId,
      }),
    );
    const message = await sendJson(
      chat(`/conversations/${conversationId}/messages`),
      'POST',
      { body: 'Your order shipped', contentType: 'text/plain' },
      accessToken,
    );
    expect(message.status).toBe(201);
    expect(message.body).toEqual(
      expect.objectContaining({
        messageId: expect.any(String),
        conversationId,
        body: 'Your order shipped',
        sequence: 1,
      }),
    );
    const read = await getWithToken(chat(`/conversations/${conversationId}`), accessToken);
    expect(read.body.messageCount).toBe(1);
  });

  it.each([
    [
      'participant type "User"',
      { originalParticipants: [{ type: 'User', participantId: 'x' }] },
      'USER, SMS, WORKFLOW',
    ],
    [
      'participant type "sms"',
      { originalParticipants: [{ type: 'sms', participantId: 'x' }] },
      'upper case',
    ],
    ['no participants', { originalParticipants: [] }, 'originalParticipants'],
    ['no participant id', { originalParticipants: [{ type: 'USER' }] }, 'participantId'],
  ])('answers 400 ValidationError for %s', async (_label, body, hint) => {
    const answer = await sendJson(chat('/conversations'), 'POST', body, await token());
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      name: 'ValidationError',
      message: expect.stringContaining(hint),
    });
  });

  it('validates messages and hides conversations of other accounts', async () => {
    const accessToken = await token();
    const created = await sendJson(
      chat('/conversations'),
      'POST',
      { originalParticipants: [{ type: 'WORKFLOW', participantId: 'wf-1' }] },
      accessToken,
    );
    const id = created.body.conversationId as string;
    expect(
      (await sendJson(chat(`/conversations/${id}/messages`), 'POST', { body: '' }, accessToken))
        .status,
    ).toBe(400);
    expect(
      (
        await sendJson(
          chat(`/conversations/${id}/messages`),
          'POST',
          { body: 'x', contentType: 'image/png' },
          accessToken,
        )
      ).status,
    ).toBe(400);
    const globex = await mitelClientToken(emulator().url, 'prod', prod.clients.globexAdmin);
    const foreign = await sendJson(
      chat(`/conversations/${id}/messages`),
      'POST',
      { body: 'hi' },
      globex,
    );
    expect(foreign.status).toBe(404);
    expect(foreign.body.name).toBe('ConversationNotFound');
  });
});

describe('Mitel notifications', () => {
  const emulator = useEmulator();
  const notifications = (path: string) => mitelUrl(emulator().url, 'prod', 'notifications', path);
  const token = () => mitelClientToken(emulator().url, 'prod', prod.clients.acmeAdmin);

  it('stores, lists and deletes webhook subscriptions', async () => {
    const accessToken = await token();
    const created = await sendJson(
      notifications('/subscriptions'),
      'POST',
      {
        applicationId: 'switchboard',
        transport: 'webhook',
        deviceId: 'http://127.0.0.1:9/hook',
        topic: 'platform-api-media',
        subjectFilter: '/calls',
        methodFilter: 'UPDATE',
      },
      accessToken,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({ subjectFilter: '/calls', methodFilter: 'UPDATE' });
    const id = created.body.subscriptionId as string;
    const listed = await getWithToken<{
      count: number;
      _embedded: { items: Array<{ subscriptionId: string }> };
    }>(notifications('/subscriptions'), accessToken);
    expect(listed.body._embedded.items.map((item) => item.subscriptionId)).toEqual([id]);
    expect(emulator().control.listSubscriptions()).toEqual([
      expect.objectContaining({ subscriptionId: id, topic: 'platform-api-media' }),
    ]);
    const globex = await mitelClientToken(emulator().url, 'prod', prod.clients.globexAdmin);
    expect(
      (
        await call(notifications(`/subscriptions/${id}`), {
          method: 'DELETE',
          headers: { authorization: `Bearer ${globex}` },
        })
      ).status,
    ).toBe(404);
    expect(
      (
        await call(notifications(`/subscriptions/${id}`), {
          method: 'DELETE',
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).status,
    ).toBe(204);
    expect(
      (
        await call(notifications(`/subscriptions/${id}`), {
          method: 'DELETE',
          headers: { authorization: `Bearer ${accessToken}` },
        })
      ).status,
    ).toBe(404);
    expect(emulator().control.listSubscriptions()).toEqual([]);
  });

  it.each([
    ['transport', { transport: 'email', deviceId: 'http://x/h', topic: 't' }],
    ['deviceId', { transport: 'webhook', deviceId: 'not a url', topic: 't' }],
    ['topic', { transport: 'webhook', deviceId: 'http://x/h' }],
  ])('validates %s', async (field, body) => {
    const answer = await sendJson(notifications('/subscriptions'), 'POST', body, await token());
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      name: 'ValidationError',
      message: expect.stringContaining(field),
    });
  });

  it('delivers a call-completed notification to the webhook and reports its status', async () => {
    const webhook = await startWebhookServer(202);
    try {
      const accessToken = await token();
      const created = await sendJson(
        notifications('/subscriptions'),
        'POST',
        { transport: 'webhook', deviceId: webhook.url, topic: 'platform-api-media' },
        accessToken,
      );
      const results = await emulator().control.deliverNotification({
        subscriptionId: created.body.subscriptionId as string,
      });
      expect(results).toEqual([
        expect.objectContaining({
          subscriptionId: created.body.subscriptionId,
          url: webhook.url,
          status: 202,
        }),
      ]);
      expect(webhook.received).toHaveLength(1);
      const delivered = webhook.received[0]?.body as Record<string, unknown>;
      expect(delivered).toEqual({
        publicationId: expect.any(String),
        topic: 'platform-api-media',
        method: expect.any(String),
        subject: expect.stringMatching(/^\/calls\//),
        content: expect.objectContaining({
          callId: expect.any(String),
          from: expect.any(String),
          to: expect.any(String),
          direction: expect.any(String),
          state: 'completed',
          accountId: prod.accounts.acme.accountId,
        }),
        subscription: { subscriptionId: created.body.subscriptionId },
        notification: { createdOn: expect.any(String), correlationId: expect.any(String) },
      });
      expect(delivered).toEqual(results[0]?.payload);
      expect(webhook.received[0]?.headers['content-type']).toBe('application/json');
    } finally {
      await webhook.close();
    }
  });

  it('delivers over the control HTTP API by topic, with custom content, and reports failures', async () => {
    const webhook = await startWebhookServer(500);
    try {
      const accessToken = await token();
      await sendJson(
        notifications('/subscriptions'),
        'POST',
        { transport: 'webhook', deviceId: webhook.url, topic: 'platform-api-chat' },
        accessToken,
      );
      await sendJson(
        notifications('/subscriptions'),
        'POST',
        {
          transport: 'webhook',
          deviceId: 'http://127.0.0.1:1/closed',
          topic: 'platform-api-media',
        },
        accessToken,
      );
      const chatOnly = await sendJson<unknown[]>(
        `${emulator().url}/_control/notifications`,
        'POST',
        {
          topic: 'platform-api-chat',
          event: 'custom',
          content: { text: 'hi' },
          subject: '/conversations/1',
          method: 'POST',
        },
      );
      expect(chatOnly.status).toBe(200);
      expect(chatOnly.body).toEqual([expect.objectContaining({ status: 500 })]);
      expect(webhook.received[0]?.body).toEqual(
        expect.objectContaining({
          content: { text: 'hi' },
          subject: '/conversations/1',
          method: 'POST',
        }),
      );
      const unreachable = await emulator().control.deliverNotification({
        topic: 'platform-api-media',
      });
      expect(unreachable).toEqual([expect.objectContaining({ error: expect.any(String) })]);
      expect(unreachable[0]?.status).toBeUndefined();
      const unknown = await sendJson(`${emulator().url}/_control/notifications`, 'POST', {
        subscriptionId: 'nope',
      });
      expect(unknown.status).toBe(400);
    } finally {
      await webhook.close();
    }
  });
});
