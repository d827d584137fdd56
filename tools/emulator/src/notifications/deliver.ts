import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';

export interface DeliveryResult {
  /** Mitel subscription id or Sangoma webhook id. */
  subscriptionId: string;
  url: string;
  /** The webhook's HTTP status; absent when it could not be reached. */
  status?: number;
  error?: string;
  /** What was posted, so tests can compare with what the webhook received. */
  payload: unknown;
}

const TIMEOUT_MS = 10_000;

/** POSTs JSON to a webhook on a fresh connection (nothing lingers after the delivery). */
export function postJson(
  url: string,
  payload: unknown,
  headers: Record<string, string> = {},
): Promise<{ status?: number; error?: string }> {
  return new Promise((resolve) => {
    let target: URL;
    try {
      target = new URL(url);
    } catch {
      resolve({ error: `not a valid URL: ${url}` });
      return;
    }
    const body = JSON.stringify(payload);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(
      target,
      {
        method: 'POST',
        agent: false,
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': Buffer.byteLength(body),
          connection: 'close',
        },
        timeout: TIMEOUT_MS,
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode }));
        res.on('error', (error) => resolve({ status: res.statusCode, error: error.message }));
      },
    );
    req.on('timeout', () => req.destroy(new Error(`no answer within ${TIMEOUT_MS} ms`)));
    req.on('error', (error) => resolve({ error: error.message }));
    req.end(body);
  });
}
