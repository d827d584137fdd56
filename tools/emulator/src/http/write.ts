import type { ServerResponse } from 'node:http';
import type { Reply } from './types';

/** Writes a handler's reply; JSON is serialised once, with an explicit length (keep-alive friendly). */
export function writeReply(
  res: ServerResponse,
  reply: Reply,
  extraHeaders?: Record<string, string>,
): void {
  if (res.headersSent || res.destroyed) return;
  const headers: Record<string, string | number> = { ...extraHeaders, ...reply.headers };
  let payload: string | undefined;
  if (reply.json !== undefined) {
    payload = JSON.stringify(reply.json);
    headers['content-type'] = 'application/json; charset=utf-8';
  } else if (reply.text !== undefined) {
    payload = reply.text;
    headers['content-type'] = reply.contentType ?? 'text/plain; charset=utf-8';
  }
  if (payload !== undefined) headers['content-length'] = Buffer.byteLength(payload);
  else if (reply.status !== 204 && reply.status !== 304) headers['content-length'] = 0;
  res.writeHead(reply.status, headers);
  res.end(payload);
}
