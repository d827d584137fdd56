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

/** Pages remembered exactly: a loop of up to this many pages ends before any page repeats. */
export const RECENT_PAGES = 256;

/**
 * The pages one listing has fetched, in memory that does not grow with the listing. A next-page
 * link back to a page fetched before (A → A, or A → B → A) would page forever: `visit` throws
 * instead of letting the listing loop or stop silently. The last `RECENT_PAGES` pages are
 * remembered exactly, so such a loop ends before any page is fetched twice; a longer loop is
 * found by Brent’s cycle detection (one page kept as a mark, moved to pages 1, 3, 7, 15, …),
 * within about twice its length.
 */
export class PageVisits {
  /** Signature → page number (1-based) of the recent pages, oldest first. */
  private readonly recent = new Map<string, number>();
  /** Brent's mark: the page it was set on, moved to pages 1, 3, 7, 15, … */
  private mark: { signature: string; page: number } | undefined;
  private pages = 0;

  constructor(private readonly provider?: string) {}

  /** Records the page about to be fetched; throws `unexpected_response` when it was fetched before. */
  visit(request: ApiRequest): void {
    const signature = pageSignature(request);
    const page = this.pages + 1;
    const earlier =
      this.recent.get(signature) ??
      (this.mark?.signature === signature ? this.mark.page : undefined);
    if (earlier !== undefined) throw this.loopError(request, page, earlier);
    // A signature is set once (a repeat throws), so the Map's first key is the oldest page.
    this.recent.set(signature, page);
    if (this.recent.size > RECENT_PAGES) {
      this.recent.delete(this.recent.keys().next().value as string);
    }
    // page + 1 a power of two: the mark then waits 2, 4, 8, … pages before it moves again.
    if ((page & (page + 1)) === 0) this.mark = { signature, page };
    this.pages = page;
  }

  private loopError(request: ApiRequest, page: number, earlier: number): SwitchboardError {
    return new SwitchboardError({
      kind: 'api',
      code: 'unexpected_response',
      message:
        `Pagination loop: page ${page} would be ${request.method} ${redactUrl(pageUrl(request))} ` +
        `again, which was already fetched as page ${earlier}; paging stopped.`,
      hint: 'The provider’s next-page links lead back to a page already read; report it with the correlation id.',
      ...(this.provider !== undefined ? { provider: this.provider } : {}),
    });
  }
}
