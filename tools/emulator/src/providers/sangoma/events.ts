import { randomUUID } from 'node:crypto';
import { postJson, type DeliveryResult } from '../../notifications/deliver';
import { EMULATOR_SEED } from '../../seed/seed';
import type { SangomaWebhook } from './api';

export interface SangomaEventRequest {
  /** One webhook; otherwise every webhook subscribed to the event. */
  webhookId?: string;
  /** `conversation_created` (default) or `message_created`. */
  event?: string;
  data?: Record<string, unknown>;
}

/** POSTs a digital-interactions event to the subscribed webhooks. */
export async function deliverSangomaEvent(
  webhooks: SangomaWebhook[],
  request: SangomaEventRequest,
  now: number,
): Promise<DeliveryResult[]> {
  const event = request.event ?? 'conversation_created';
  if (!(EMULATOR_SEED.sangoma.webhookEvents as readonly string[]).includes(event)) {
    throw new Error(`event must be one of ${EMULATOR_SEED.sangoma.webhookEvents.join(', ')}`);
  }
  const targets = webhooks.filter(
    (hook) =>
      (!request.webhookId || hook.id === request.webhookId) && hook.subscriptions.includes(event),
  );
  if (request.webhookId && targets.length === 0) {
    throw new Error(`no webhook ${request.webhookId} subscribed to ${event}`);
  }
  return Promise.all(
    targets.map(async (hook) => {
      const payload = {
        event,
        tenant_domain: hook.tenant_domain,
        created_at: new Date(now).toISOString(),
        data: request.data ?? {
          conversation_id: EMULATOR_SEED.sangoma.conversations[0],
          ...(event === 'message_created'
            ? {
                message_id: randomUUID(),
                content: 'Hello, I need help with my order.',
                message_type: 'incoming',
              }
            : { channel: 'sms', customer: '+15550123456' }),
        },
      };
      const outcome = await postJson(hook.url, payload);
      return { subscriptionId: hook.id, url: hook.url, payload, ...outcome };
    }),
  );
}
