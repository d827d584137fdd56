import { randomUUID } from 'node:crypto';
import { isRecord } from '../../http/body';
import { json } from '../../http/reply';
import type { Reply } from '../../http/types';
import { EMULATOR_SEED } from '../../seed/seed';

export interface SangomaWebhook {
  id: string;
  url: string;
  subscriptions: string[];
  tenant_domain: string;
  created_at: string;
}

/** Django REST framework style field errors: `{field: ["message"]}`. */
const fieldError = (field: string, message: string): Reply => json(400, { [field]: [message] });

export function requireStrings(
  body: Record<string, unknown>,
  fields: readonly string[],
): Reply | undefined {
  for (const field of fields) {
    const value = body[field];
    if (value === undefined || value === null || value === '')
      return fieldError(field, 'This field is required.');
    if (typeof value !== 'string') return fieldError(field, 'Not a valid string.');
  }
  return undefined;
}

export function agentCall(body: Record<string, unknown>): Reply {
  const invalid = requireStrings(body, ['agent_name', 'destination']);
  if (invalid) return invalid;
  if (!(EMULATOR_SEED.sangoma.agents as readonly string[]).includes(body.agent_name as string)) {
    return json(404, { detail: `Agent "${String(body.agent_name)}" not found.` });
  }
  return json(201, {
    call_id: randomUUID(),
    status: 'initiated',
    agent_name: body.agent_name,
    destination: body.destination,
  });
}

export function queueCall(body: Record<string, unknown>): Reply {
  const invalid = requireStrings(body, ['queue_name', 'destination']);
  if (invalid) return invalid;
  if (!(EMULATOR_SEED.sangoma.queues as readonly string[]).includes(body.queue_name as string)) {
    return json(404, { detail: `Queue "${String(body.queue_name)}" not found.` });
  }
  return json(201, {
    call_id: randomUUID(),
    status: 'queued',
    queue_name: body.queue_name,
    destination: body.destination,
  });
}

export function sendMessage(
  body: Record<string, unknown>,
  conversations: Set<string>,
  now: number,
): Reply {
  const invalid = requireStrings(body, ['content', 'message_type', 'conversation_id']);
  if (invalid) return invalid;
  if (body.message_type !== 'outgoing')
    return fieldError('message_type', '"outgoing" is the only valid choice.');
  if (!conversations.has(body.conversation_id as string))
    return json(404, { detail: 'Conversation not found.' });
  return json(201, {
    message_id: randomUUID(),
    conversation_id: body.conversation_id,
    status: 'sent',
    created_at: new Date(now).toISOString(),
  });
}

export function createWebhook(body: Record<string, unknown>, now: number): SangomaWebhook | Reply {
  const invalid = requireStrings(body, ['url']);
  if (invalid) return invalid;
  if (!/^https?:\/\/\S+$/.test(body.url as string)) return fieldError('url', 'Enter a valid URL.');
  const subscriptions = body.subscriptions;
  const known: readonly string[] = EMULATOR_SEED.sangoma.webhookEvents;
  if (!Array.isArray(subscriptions) || subscriptions.length === 0) {
    return fieldError('subscriptions', 'This field is required: a non-empty list of events.');
  }
  const unknown = subscriptions.find(
    (event) => typeof event !== 'string' || !known.includes(event),
  );
  if (unknown !== undefined) {
    return fieldError(
      'subscriptions',
      `"${String(unknown)}" is not a valid choice (${known.join(', ')}).`,
    );
  }
  return {
    id: randomUUID(),
    url: body.url as string,
    subscriptions: subscriptions as string[],
    tenant_domain: body.tenant_domain as string,
    created_at: new Date(now).toISOString(),
  };
}

export function deliverToAgent(body: Record<string, unknown>, conversations: Set<string>): Reply {
  const invalid = requireStrings(body, ['conversation_id']);
  if (invalid) return invalid;
  if (!conversations.has(body.conversation_id as string))
    return json(404, { detail: 'Conversation not found.' });
  return json(200, { conversation_id: body.conversation_id, status: 'delivered_to_agent' });
}

export function isWebhook(value: SangomaWebhook | Reply): value is SangomaWebhook {
  return isRecord(value) && 'id' in value && 'url' in value;
}

/** `POST /digital-interactions/agent-bot/ {name, outgoing_url}` → 201. */
export function createAgentBot(body: Record<string, unknown>): Reply {
  const invalid = requireStrings(body, ['name', 'outgoing_url']);
  if (invalid) return invalid;
  if (!/^https?:\/\/\S+$/.test(body.outgoing_url as string))
    return fieldError('outgoing_url', 'Enter a valid URL.');
  return json(201, {
    id: randomUUID(),
    name: body.name,
    outgoing_url: body.outgoing_url,
    tenant_domain: body.tenant_domain,
  });
}

/** The digital-interaction inboxes of a tenant (fixed, for every tenant). */
export function inboxesOf(tenant: string): unknown[] {
  return [
    { id: 1, name: 'Website chat', channel_type: 'web_widget', tenant_domain: tenant },
    { id: 2, name: 'SMS', channel_type: 'sms', tenant_domain: tenant },
    { id: 3, name: 'WhatsApp', channel_type: 'whatsapp', tenant_domain: tenant },
  ];
}
