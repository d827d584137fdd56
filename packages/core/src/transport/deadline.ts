import { DEFAULT_TIMEOUT_MS } from './axios-transport';
import { networkError } from './network-error';
import type { HttpResponse, Transport } from './types';

/** Time a transport gets past the deadline to report its own timeout before it is cut off. */
export const DEADLINE_GRACE_MS = 1_000;

/**
 * Backstop for transports that do not keep `timeoutMs` for the whole exchange (a custom one
 * whose library times only the headers, or one that hangs): the caller stops waiting at the
 * deadline plus a grace second, with `network_timeout`, whatever the transport still does.
 * One promise and one timer per request (no race, no `finally`): it wraps every page of a
 * listing.
 */
export function withDeadline(transport: Transport): Transport {
  return (request) =>
    new Promise<HttpResponse>((resolve, reject) => {
      const timer = setTimeout(
        () => reject(networkError(request.method, request.url, undefined, true)),
        (request.timeoutMs ?? DEFAULT_TIMEOUT_MS) + DEADLINE_GRACE_MS,
      );
      // A transport that hangs must not keep the process alive on its own.
      timer.unref();
      const answered = (response: HttpResponse) => {
        clearTimeout(timer);
        resolve(response);
      };
      const failed = (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      };
      try {
        transport(request).then(answered, failed);
      } catch (error: unknown) {
        // A transport that throws instead of rejecting fails the same way.
        failed(error);
      }
    });
}
