import type { EmRequest, Reply } from '../../http/types';
import { mitelError } from './errors';

/** Default page size. */
export const DEFAULT_TOP = 100;
/**
 * Mitel's own scripts page with large `$top` values and no limit is documented: the emulator
 * accepts up to this many, far beyond any page a client asks for.
 */
export const MAX_TOP = 100_000;

export interface Paging {
  ok: true;
  top: number;
  skip: number;
}

/**
 * OData `$top` (default 100), `$skip` (>= 0, default 0) and `$skiptoken`. The emulator's next
 * links page with `$skip`; a `$skiptoken` it reads as an offset (real ones are opaque).
 */
export function parsePaging(req: EmRequest): Paging | { ok: false; reply: Reply } {
  const top = integer(req.query.get('$top'), DEFAULT_TOP);
  const skip = integer(req.query.get('$skiptoken') ?? req.query.get('$skip'), 0);
  if (top === undefined || top < 1 || top > MAX_TOP) {
    return {
      ok: false,
      reply: mitelError(400, 'InvalidParameters', `$top must be an integer from 1 to ${MAX_TOP}.`),
    };
  }
  if (skip === undefined || skip < 0) {
    return {
      ok: false,
      reply: mitelError(
        400,
        'InvalidParameters',
        req.query.has('$skiptoken')
          ? '$skiptoken is not one this service issued.'
          : '$skip must be an integer >= 0.',
      ),
    };
  }
  return { ok: true, top, skip };
}

function integer(value: string | null, fallback: number): number | undefined {
  if (value === null || value === '') return fallback;
  const parsed = Number(value);
  return Number.isInteger(parsed) ? parsed : undefined;
}

/**
 * A HAL page: `{count, _links: {self, next?}, _embedded: {items}}`. `count` is the number of items
 * on this page; `next` (an absolute URL keeping every other query parameter) is absent on the last.
 */
export function halCollection<T>(req: EmRequest, all: readonly T[], paging: Paging): unknown {
  const items = all.slice(paging.skip, paging.skip + paging.top);
  return { count: items.length, _links: halLinks(req, all.length, paging), _embedded: { items } };
}

/**
 * The same page as JSON text, from items serialised once and reused: big pages of call records
 * then cost a string join instead of a JSON.stringify per request.
 */
export function halCollectionText<T>(
  req: EmRequest,
  all: readonly T[],
  paging: Paging,
  itemJson: (item: T) => string,
): string {
  const items = all.slice(paging.skip, paging.skip + paging.top);
  const links = JSON.stringify(halLinks(req, all.length, paging));
  return `{"count":${items.length},"_links":${links},"_embedded":{"items":[${items.map(itemJson).join(',')}]}}`;
}

function halLinks(req: EmRequest, total: number, paging: Paging): Record<string, { href: string }> {
  const links: Record<string, { href: string }> = {
    self: { href: pageUrl(req, paging.skip, paging.top) },
  };
  if (paging.skip + paging.top < total) {
    links.next = { href: pageUrl(req, paging.skip + paging.top, paging.top) };
  }
  return links;
}

function pageUrl(req: EmRequest, skip: number, top: number): string {
  const query = new URLSearchParams(req.query);
  query.delete('$skiptoken');
  query.set('$skip', String(skip));
  query.set('$top', String(top));
  // OData names read better unescaped; `$` is legal in a query string.
  return `${req.baseUrl}${req.fullPath}?${query.toString().replace(/%24/g, '$')}`;
}
