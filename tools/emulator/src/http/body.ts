import type { IncomingMessage } from 'node:http';
import type { EmRequest } from './types';

const MAX_BODY_BYTES = 1024 * 1024;

/** Reads the whole request body (bounded, so a runaway client cannot exhaust memory). */
export function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error('request body larger than 1 MiB'));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () =>
      resolve(chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks)),
    );
    req.on('error', reject);
  });
}

/** Media type of the request without parameters, lower case; '' when absent. */
export function mediaType(req: EmRequest): string {
  const header = req.headers['content-type'] ?? '';
  return (header.split(';')[0] ?? '').trim().toLowerCase();
}

export function isForm(req: EmRequest): boolean {
  return mediaType(req) === 'application/x-www-form-urlencoded';
}

export function isJson(req: EmRequest): boolean {
  const type = mediaType(req);
  return type === 'application/json' || type.endsWith('+json');
}

export function hasBody(req: EmRequest): boolean {
  return req.body.length > 0;
}

export function formParams(req: EmRequest): URLSearchParams {
  return new URLSearchParams(req.body.toString('utf8'));
}

export type JsonResult = { ok: true; value: unknown } | { ok: false; reason: string };

export function jsonBody(req: EmRequest): JsonResult {
  if (!isJson(req)) {
    return { ok: false, reason: 'the body must be JSON (Content-Type: application/json)' };
  }
  try {
    return { ok: true, value: JSON.parse(req.body.toString('utf8')) as unknown };
  } catch {
    return { ok: false, reason: 'the body is not valid JSON' };
  }
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Bearer token from the Authorization header (scheme case-insensitive). */
export function bearerToken(req: EmRequest): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^bearer\s+(\S+)\s*$/i.exec(header);
  return match?.[1];
}

export interface BasicCredentials {
  id: string;
  secret: string;
}

/**
 * HTTP Basic credentials. `raw` takes id and secret as they are; `strict` form-url-decodes them
 * first (RFC 6749 §2.3.1). Real servers disagree, so each provider picks one.
 */
export function basicCredentials(
  req: EmRequest,
  decoding: 'raw' | 'strict',
): BasicCredentials | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^basic\s+(\S+)\s*$/i.exec(header);
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  const id = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (decoding === 'raw') return { id, secret };
  return { id: formDecode(id), secret: formDecode(secret) };
}

function formDecode(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}
