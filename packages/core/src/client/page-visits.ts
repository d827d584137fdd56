import { SwitchboardError } from '../errors/switchboard-error';
import type { ApiRequest } from '../operations/types';
import { redactUrl } from '../redact';
import { buildApiUrl } from './build-api-request';

/**
 * What identifies a page: method, URL and query (parameters sorted, so `?a=1&b=2` and
 * `?b=2&a=1` are the same page; no fragment), body. A query may be given apart or written
 * into the URL: both spell the same page alike.
 */
export function pageSignature(request: ApiRequest): string {
  // Every paging style keeps a listing's base URL and changes `query`: that base is parsed
  // once per listing, the query sorted as it is, not parsed back out of a URL on every page.
  if (!/[?#]/.test(request.url)) {
    return signature(request, normalisedBase(request.url), queryPairs(request.query));
  }
  const url = new URL(pageUrl(request));
  const pairs = [...url.searchParams];
  url.search = '';
  url.hash = '';
  return signature(request, url.href, pairs);
}

function signature(request: ApiRequest, base: string, pairs: [string, string][]): string {
  return JSON.stringify([request.method, base, pairs.sort(byName), request.body]);
}

/** The last base URL normalised (lower-case host, no default port...): one per listing. */
let lastBase: { url: string; normalised: string } | undefined;

/** `url` (no query, no fragment) as the URL parser spells it. */
function normalisedBase(url: string): string {
  if (lastBase?.url !== url) {
    lastBase = { url, normalised: new URL(pageUrl({ method: 'GET', url })).href };
  }
  return lastBase.normalised;
}

/** The name/value pairs sent (values as text; undefined and null left out, as when sent). */
function queryPairs(query: ApiRequest['query']): [string, string][] {
  const pairs: [string, string][] = [];
  for (const [name, value] of Object.entries(query ?? {})) {
    if (value !== undefined && value !== null) pairs.push([name, String(value)]);
  }
  return pairs;
}

/** Code-unit order of the names, stable, as URLSearchParams.sort orders them. */
function byName(a: [string, string], b: [string, string]): number {
  return a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0;
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
