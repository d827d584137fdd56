import type { HttpResponse } from '../transport/types';
import { redactText } from '../redact';

/** What an error response body turned out to be. */
export type ErrorBody =
  | { kind: 'json'; value: Record<string, unknown> }
  | { kind: 'html'; title?: string }
  | { kind: 'empty' }
  | { kind: 'text'; text: string };

/** Classifies a response body without trusting the content-type header. */
export function readErrorBody(response: HttpResponse): ErrorBody {
  const text = response.body.trim();
  if (text === '') return { kind: 'empty' };
  const contentType = response.headers['content-type'] ?? '';
  if (contentType.includes('html') || /^<(!doctype|html|head|body)/i.test(text)) {
    const title = /<title[^>]*>([^<]*)<\/title>/i.exec(text)?.[1]?.trim();
    return title ? { kind: 'html', title } : { kind: 'html' };
  }
  if (text.startsWith('{')) {
    try {
      const value: unknown = JSON.parse(text);
      if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
        return { kind: 'json', value: value as Record<string, unknown> };
      }
    } catch {
      // Not JSON after all: reported as text below.
    }
  }
  return { kind: 'text', text };
}

export function stringField(value: Record<string, unknown>, name: string): string | undefined {
  const field = value[name];
  if (typeof field === 'string' && field.trim() !== '') return field.trim();
  if (typeof field === 'number') return String(field);
  return undefined;
}

/** Provider text shortened and stripped of secrets, safe for a message. */
export function safeSnippet(text: string, secrets: readonly string[], max = 200): string {
  const oneLine = redactText(text, secrets).replace(/\s+/g, ' ').trim();
  return oneLine.length > max ? `${oneLine.slice(0, max)}…` : oneLine;
}

const HIDDEN_HEADERS = new Set(['set-cookie', 'authorization', 'proxy-authorization']);

/** A copy of the response safe to keep on an error: secrets and token fields masked. */
export function redactResponse(response: HttpResponse, secrets: readonly string[]): HttpResponse {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    headers[name] = HIDDEN_HEADERS.has(name) ? '***' : redactText(value, secrets);
  }
  return { status: response.status, headers, body: redactText(response.body, secrets) };
}
