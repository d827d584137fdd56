import { SwitchboardError } from '../errors/switchboard-error';
import type { ApiRequest } from '../operations/types';
import { redactUrl } from '../redact';
import { buildApiUrl } from './build-api-request';

/**
 * What identifies a page: method, URL with its query (parameters sorted, so `?a=1&b=2` and
 * `?b=2&a=1` are the same page, no fragment) and body.
 */
export function pageSignature(request: ApiRequest): string {
  const url = new URL(pageUrl(request));
  url.searchParams.sort();
  url.hash = '';
  return JSON.stringify([request.method, url.toString(), request.body]);
}

function pageUrl(request: ApiRequest): string {
  return buildApiUrl(request.url, request.query);
}

/**
 * The pages one listing has fetched. A next-page link back to any of them (A → A, or A → B → A)
 * would page forever: `visit` throws instead of letting the listing loop or stop silently.
 */
export class PageVisits {
  /** Signature → page number (1-based). */
  private readonly seen = new Map<string, number>();

  constructor(private readonly provider?: string) {}

  /** Records the page about to be fetched; throws `unexpected_response` when it was fetched before. */
  visit(request: ApiRequest): void {
    const signature = pageSignature(request);
    const page = this.seen.size + 1;
    const earlier = this.seen.get(signature);
    if (earlier !== undefined) {
      throw new SwitchboardError({
        kind: 'api',
        code: 'unexpected_response',
        message:
          `Pagination loop: page ${page} would be ${request.method} ${redactUrl(pageUrl(request))} ` +
          `again, which was already fetched as page ${earlier}; paging stopped.`,
        hint: 'The provider’s next-page links lead back to a page already read; report it with the correlation id.',
        ...(this.provider !== undefined ? { provider: this.provider } : {}),
      });
    }
    this.seen.set(signature, page);
  }
}
