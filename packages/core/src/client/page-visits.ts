import { SwitchboardError } from '../errors/switchboard-error';
import type { ApiRequest } from '../operations/types';
import { redactUrl } from '../redact';
import { buildApiUrl } from './build-api-request';

/**
 * What identifies a page, in two parts: what the pages of a listing share (method, URL
 * without query or fragment, body) and the query (parameters sorted, so `?a=1&b=2` and
 * `?b=2&a=1` are the same page). A query may be given apart or written into the URL: both
 * spell the same page alike.
 */
export function signatureParts(request: ApiRequest): { shared: string; query: string } {
  // Every paging style keeps a listing's base URL and changes `query`: that base is parsed
  // once per listing, the query sorted as it is, not parsed back out of a URL on every page.
  if (!/[?#]/.test(request.url)) {
    return parts(request, normalisedBase(request.url), queryPairs(request.query));
  }
  const url = new URL(pageUrl(request));
  const pairs = [...url.searchParams];
  url.search = '';
  url.hash = '';
  return parts(request, url.href, pairs);
}

/** Both parts in one string: JSON holds no raw line break, so the join is unambiguous. */
export function pageSignature(request: ApiRequest): string {
  const { shared, query } = signatureParts(request);
  return `${shared}\n${query}`;
}

function parts(request: ApiRequest, base: string, pairs: [string, string][]) {
  return {
    shared: JSON.stringify([request.method, base, request.body]),
    query: JSON.stringify(pairs.sort(byName)),
  };
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
  /**
   * Shared part → query → page number (1-based). A listing keeps this for every page it
   * fetched: the shared part once, not in every page's key (~180 bytes a page less).
   */
  private readonly seen = new Map<string, Map<string, number>>();
  private pages = 0;

  constructor(private readonly provider?: string) {}

  /** Records the page about to be fetched; throws `unexpected_response` when it was fetched before. */
  visit(request: ApiRequest): void {
    const { shared, query } = signatureParts(request);
    let queries = this.seen.get(shared);
    if (queries === undefined) {
      queries = new Map();
      this.seen.set(shared, queries);
    }
    const page = this.pages + 1;
    const earlier = queries.get(query);
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
    queries.set(query, page);
    this.pages = page;
  }
}
