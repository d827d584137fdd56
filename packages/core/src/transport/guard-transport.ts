import { withDeadline } from './deadline';
import { limitResponseSize } from './response-limit';
import { withSafeErrors } from './safe-transport';
import type { Transport } from './types';

/**
 * What core asks of every transport, enforced around any one (the default or the caller's):
 * an overall deadline, the response size limit, errors that carry no request and no secret.
 */
export function guardTransport(transport: Transport, secrets: readonly string[] = []): Transport {
  return limitResponseSize(withSafeErrors(withDeadline(transport), secrets));
}
