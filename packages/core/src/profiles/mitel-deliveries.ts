// Mitel CloudLink webhook deliveries echo the subscription's applicationId; no signature is
// documented, so that id is how a receiver drops deliveries meant for another application.
// Where in the body it sits is not documented either: top level and under `subscription` are read.

function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : undefined;
}

/** The application id a delivery carries, if any. */
export function deliveryApplicationId(delivery: unknown): string | undefined {
  if (typeof delivery !== 'object' || delivery === null) return undefined;
  const record = delivery as Record<string, unknown>;
  const subscription = record.subscription;
  const nested =
    typeof subscription === 'object' && subscription !== null
      ? (subscription as Record<string, unknown>).applicationId
      : undefined;
  return text(record.applicationId) ?? text(nested);
}

/**
 * False when the delivery names another application than `applicationId`; true when it names
 * ours, or none (then the subscription id alone decides).
 */
export function isDeliveryForApplication(delivery: unknown, applicationId: string): boolean {
  const theirs = deliveryApplicationId(delivery);
  return theirs === undefined || applicationId.trim() === '' || theirs === applicationId.trim();
}
