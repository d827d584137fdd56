import type { FaultSpec } from '../state/faults';
import type { Reply } from './types';

/**
 * The reply a fault produces, or 'reset' when the connection must be destroyed,
 * or undefined for a pure latency fault (the request then proceeds normally).
 */
export function faultReply(
  fault: FaultSpec,
  providerBody: (status: number, message: string) => unknown = () => undefined,
): Reply | 'reset' | undefined {
  const errorBody = (status: number, error: string, message: string) =>
    providerBody(status, message) ?? { error, error_description: message };
  switch (fault.kind) {
    case 'latency':
      return undefined;
    case 'reset':
      return 'reset';
    case 'status':
      return {
        status: fault.status ?? 503,
        json: errorBody(
          fault.status ?? 503,
          'server_error',
          'The service is temporarily unavailable (emulated fault).',
        ),
      };
    case 'rate-limit': {
      const seconds = fault.retryAfterSec ?? 1;
      // Wall time, not the emulator clock: a client waits in real time.
      const retryAfter =
        fault.retryAfterFormat === 'date'
          ? new Date(Date.now() + seconds * 1000).toUTCString()
          : String(seconds);
      return {
        status: 429,
        headers: { 'retry-after': retryAfter },
        json: errorBody(429, 'too_many_requests', `Too many requests; retry after ${seconds} s.`),
      };
    }
    case 'malformed-json':
      return {
        status: 200,
        text: '{"access_token": "trunc',
        contentType: 'application/json; charset=utf-8',
      };
    case 'html': {
      const status = fault.status ?? 502;
      return {
        status,
        text: `<!DOCTYPE html><html><head><title>${status} Bad Gateway</title></head><body><h1>${status} Bad Gateway</h1><p>The upstream server did not answer (emulated proxy page).</p></body></html>`,
        contentType: 'text/html; charset=utf-8',
      };
    }
  }
}
