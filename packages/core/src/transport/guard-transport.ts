import { createAxiosTransport } from './axios-transport';
import { withDeadline } from './deadline';
import { assertWithinLimit } from './response-limit';
import { safeTransportError } from './safe-transport';
import type { HttpResponse, Transport } from './types';

/**
 * What core asks of every transport, enforced around a caller's own one:
 * an overall deadline, the response size limit, errors that carry no request and no secret.
 */
export function guardTransport(transport: Transport, secrets: readonly string[] = []): Transport {
  return guardHostTransport(withDeadline(transport), secrets);
}

/**
 * The same without core's own deadline timer, for a host's transport that keeps the deadline
 * itself and whose code may not use timers (n8n: its request helper times the request, and n8n
 * Cloud forbids setTimeout in community packages). Safe errors and the size limit are one
 * layer (one async frame per request, not one each): it wraps every page of a listing.
 */
export function guardHostTransport(
  transport: Transport,
  secrets: readonly string[] = [],
): Transport {
  return async (request) => {
    let response: HttpResponse;
    try {
      response = await transport(request);
    } catch (error: unknown) {
      throw safeTransportError(error, request, secrets);
    }
    assertWithinLimit(request, response);
    return response;
  };
}

/**
 * The transport a connection uses: the caller's, guarded as above, or the built-in one, which
 * ends every exchange at its own deadline (it destroys the request), so it needs no second timer.
 */
export function connectionTransport(
  custom: Transport | undefined,
  secrets: readonly string[] = [],
): Transport {
  return custom === undefined
    ? guardHostTransport(createAxiosTransport(), secrets)
    : guardTransport(custom, secrets);
}
