import type { Reply } from './types';

export function json(status: number, body: unknown, headers?: Record<string, string>): Reply {
  return headers ? { status, json: body, headers } : { status, json: body };
}

export function noContent(): Reply {
  return { status: 204 };
}

export function text(status: number, body: string, contentType: string): Reply {
  return { status, text: body, contentType };
}
