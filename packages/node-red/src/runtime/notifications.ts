// Pure parts of the notifications node: which deliveries belong to our subscription.

/** A Mitel CloudLink webhook delivery (one event); other fields are kept as they are. */
export interface MitelDelivery {
  subscription?: { subscriptionId?: unknown };
  [field: string]: unknown;
}

/** A delivery body may hold one event or an array of events. */
export function deliveryEvents(body: unknown): MitelDelivery[] {
  const events = Array.isArray(body) ? body : [body];
  return events.filter(
    (event): event is MitelDelivery =>
      event !== null && typeof event === 'object' && !Array.isArray(event),
  );
}

export function subscriptionIdOf(event: MitelDelivery): string | undefined {
  const id = event.subscription?.subscriptionId;
  return typeof id === 'string' && id !== '' ? id : undefined;
}

/** The subscription id in a "create subscription" response. */
export function createdSubscriptionId(data: unknown): string | undefined {
  if (data === null || typeof data !== 'object') return undefined;
  const id =
    (data as Record<string, unknown>).subscriptionId ?? (data as Record<string, unknown>).id;
  return typeof id === 'string' && id !== '' ? id : undefined;
}
