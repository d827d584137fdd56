import { randomUUID } from 'node:crypto';
import { isRecord, jsonBody } from '../../http/body';
import { json, noContent } from '../../http/reply';
import type { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { postJson, type DeliveryResult } from '../../notifications/deliver';
import type { MitelEnv } from '../../seed/seed';
import type { EmulatorState } from '../../state/state';
import { authenticate, type MitelContext } from './context';
import type { MitelDirectory } from './directory';
import { mitelError, validation } from './errors';
import { halCollection, parsePaging } from './paging';

export type { DeliveryResult };

export interface MitelSubscription {
  subscriptionId: string;
  env: MitelEnv;
  accountId: string;
  applicationId?: string;
  transport: 'webhook';
  deviceId: string;
  topic: string;
  subjectFilter?: string;
  publicationFilter?: string;
  methodFilter?: string;
  createdOn: string;
}

/** What the control API asks to deliver; everything optional. */
export interface NotificationRequest {
  /** One subscription; otherwise every subscription matching `topic` (or all). */
  subscriptionId?: string;
  topic?: string;
  /** `call-completed` (default) builds content from a seeded call record. */
  event?: 'call-completed' | 'custom';
  content?: Record<string, unknown>;
  subject?: string;
  method?: string;
}

/** Webhook subscriptions of both environments. */
export class MitelSubscriptions {
  private readonly subscriptions = new Map<string, MitelSubscription>();

  constructor(private readonly state: EmulatorState) {}

  add(subscription: MitelSubscription): void {
    this.subscriptions.set(subscription.subscriptionId, subscription);
  }

  get(id: string): MitelSubscription | undefined {
    return this.subscriptions.get(id);
  }

  delete(id: string): boolean {
    return this.subscriptions.delete(id);
  }

  list(): MitelSubscription[] {
    return [...this.subscriptions.values()];
  }

  clear(): void {
    this.subscriptions.clear();
  }

  async deliver(
    request: NotificationRequest,
    directory: (env: MitelEnv) => MitelDirectory,
  ): Promise<DeliveryResult[]> {
    const targets = this.list().filter(
      (sub) =>
        (!request.subscriptionId || sub.subscriptionId === request.subscriptionId) &&
        (!request.topic || sub.topic === request.topic),
    );
    if (request.subscriptionId && targets.length === 0) {
      throw new Error(
        `no subscription ${request.subscriptionId}; list them with GET /_control/subscriptions`,
      );
    }
    return Promise.all(
      targets.map(async (sub) => {
        const payload = this.notification(sub, request, directory(sub.env));
        const outcome = await postJson(sub.deviceId, payload);
        return { subscriptionId: sub.subscriptionId, url: sub.deviceId, payload, ...outcome };
      }),
    );
  }

  /** The webhook body, shaped as the real notifications service sends it. */
  private notification(
    sub: MitelSubscription,
    request: NotificationRequest,
    dir: MitelDirectory,
  ): unknown {
    const now = new Date(this.state.clock.now()).toISOString();
    let content = request.content;
    let subject = request.subject;
    if (!content && (request.event ?? 'call-completed') === 'call-completed') {
      const records = dir.callRecords.get(sub.accountId) ?? [];
      const record = records[Math.floor(Math.random() * records.length)];
      content = record
        ? { ...record, state: 'completed', completed: true, eventType: 'call-completed' }
        : { eventType: 'call-completed' };
      subject ??= record ? `/calls/${record.callId}` : '/calls';
    }
    return {
      publicationId: randomUUID(),
      topic: sub.topic,
      method: request.method ?? 'UPDATE',
      subject: subject ?? '/',
      content: content ?? {},
      // Echoed from the subscription: receivers drop deliveries of other applications.
      ...(sub.applicationId === undefined ? {} : { applicationId: sub.applicationId }),
      subscription: { subscriptionId: sub.subscriptionId },
      notification: { createdOn: now, correlationId: randomUUID() },
    };
  }
}

/** Notifications service: `POST|GET /subscriptions`, `GET|DELETE /subscriptions/{id}`. */
export function mountNotifications(
  router: Router,
  ctx: MitelContext,
  subs: MitelSubscriptions,
): void {
  router.add('POST', '/subscriptions', (req) => create(ctx, subs, req));
  router.add('GET', '/subscriptions', (req) => list(ctx, subs, req));
  router.add('GET', '/subscriptions/{subscriptionId}', (req) =>
    withOwn(ctx, subs, req, (sub) => json(200, publicSubscription(sub))),
  );
  router.add('DELETE', '/subscriptions/{subscriptionId}', (req) =>
    withOwn(ctx, subs, req, (sub) => (subs.delete(sub.subscriptionId), noContent())),
  );
}

function create(ctx: MitelContext, subs: MitelSubscriptions, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value)) return validation('The body must be a JSON object.');
  const {
    applicationId,
    transport,
    deviceId,
    topic,
    subjectFilter,
    publicationFilter,
    methodFilter,
  } = body.value;
  if (transport !== 'webhook') return validation('transport must be "webhook".');
  if (typeof deviceId !== 'string' || !/^https?:\/\/\S+$/.test(deviceId)) {
    return validation('deviceId must be the http(s) URL of the webhook.');
  }
  if (typeof topic !== 'string' || topic === '')
    return validation('topic is required (e.g. "platform-api-media").');
  for (const [name, value] of Object.entries({
    applicationId,
    subjectFilter,
    publicationFilter,
    methodFilter,
  })) {
    if (value !== undefined && typeof value !== 'string')
      return validation(`${name} must be a string.`);
  }
  const subscription: MitelSubscription = {
    subscriptionId: randomUUID(),
    env: ctx.env,
    accountId: auth.token.data.accountId,
    transport: 'webhook',
    deviceId,
    topic,
    createdOn: new Date(ctx.state.clock.now()).toISOString(),
  };
  if (typeof applicationId === 'string') subscription.applicationId = applicationId;
  if (typeof subjectFilter === 'string') subscription.subjectFilter = subjectFilter;
  if (typeof publicationFilter === 'string') subscription.publicationFilter = publicationFilter;
  if (typeof methodFilter === 'string') subscription.methodFilter = methodFilter;
  subs.add(subscription);
  return json(201, publicSubscription(subscription));
}

function list(ctx: MitelContext, subs: MitelSubscriptions, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const paging = parsePaging(req);
  if (!paging.ok) return paging.reply;
  const own = subs
    .list()
    .filter((sub) => sub.env === ctx.env && sub.accountId === auth.token.data.accountId)
    .map(publicSubscription);
  return json(200, halCollection(req, own, paging));
}

function withOwn(
  ctx: MitelContext,
  subs: MitelSubscriptions,
  req: EmRequest,
  handler: (sub: MitelSubscription) => Reply,
): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const sub = subs.get(req.params.subscriptionId ?? '');
  if (!sub || sub.env !== ctx.env || sub.accountId !== auth.token.data.accountId) {
    return mitelError(404, 'SubscriptionNotFound', 'The subscription was not found.');
  }
  return handler(sub);
}

function publicSubscription(sub: MitelSubscription): Omit<MitelSubscription, 'env'> {
  const { env: _env, ...rest } = sub;
  return rest;
}
