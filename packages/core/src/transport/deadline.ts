import { DEFAULT_TIMEOUT_MS } from './axios-transport';
import { networkError } from './network-error';
import type { Transport } from './types';

/** Time a transport gets past the deadline to report its own timeout before it is cut off. */
export const DEADLINE_GRACE_MS = 1_000;

/**
 * Backstop for transports that do not keep `timeoutMs` for the whole exchange (a custom one
 * whose library times only the headers, or one that hangs): the caller stops waiting at the
 * deadline plus a grace second, with `network_timeout`, whatever the transport still does.
 */
export function withDeadline(transport: Transport): Transport {
  return (request) => {
    const deadlineMs = (request.timeoutMs ?? DEFAULT_TIMEOUT_MS) + DEADLINE_GRACE_MS;
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(
        () => reject(networkError(request.method, request.url, undefined, true)),
        deadlineMs,
      );
      // A transport that hangs must not keep the process alive on its own.
      timer.unref();
    });
    return Promise.race([transport(request), expired]).finally(() => clearTimeout(timer));
  };
}
