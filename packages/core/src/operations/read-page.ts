import { SwitchboardError } from '../errors/switchboard-error';
import type { ProviderProfile } from '../profiles/types';
import { isPlainObject } from './coerce';
import { getOperation } from './get-operation';
import type { ApiRequest, ApiResponse, Page } from './types';

/**
 * Items of one response and the request for the next page. HAL collections follow
 * `_links.next` (absolute or relative, a string or `{href}`); offset paging advances the skip
 * parameter while full pages come back; anything else is one page: an array as it is, an
 * object as a one-item list.
 */
export function readPage(
  profile: ProviderProfile,
  operationId: string,
  request: ApiRequest,
  response: ApiResponse,
): Page {
  const pagination = getOperation(profile, operationId).pagination ?? { style: 'none' };
  const data = response.data;
  switch (pagination.style) {
    case 'hal-next': {
      const items = arrayAt(data, pagination.itemsPath);
      const next = nextFromLink(profile, request, valueAt(data, pagination.nextPath));
      return withNext({ items, response }, items.length > 0 ? next : undefined);
    }
    case 'next-token': {
      const items = arrayAt(data, pagination.itemsPath);
      const token = valueAt(data, pagination.tokenPath);
      if (typeof token !== 'string' || token === '' || items.length === 0)
        return { items, response };
      const query = { ...request.query, [pagination.tokenParam]: token };
      return { items, response, next: { ...request, query, idempotent: true } };
    }
    case 'offset': {
      const items =
        pagination.itemsPath === undefined ? asArray(data) : arrayAt(data, pagination.itemsPath);
      const limit = Number(request.query?.[pagination.limitParam] ?? pagination.pageSize);
      const skip = Number(request.query?.[pagination.skipParam] ?? 0);
      if (items.length === 0 || items.length < limit) return { items, response };
      const query = { ...request.query, [pagination.skipParam]: skip + items.length };
      return { items, response, next: { ...request, query } };
    }
    default:
      return {
        items: data === undefined || data === null || data === '' ? [] : asArray(data),
        response,
      };
  }
}

function withNext(page: Page, next: ApiRequest | undefined): Page {
  return next === undefined ? page : { ...page, next };
}

function asArray(data: unknown): unknown[] {
  return Array.isArray(data) ? data : [data];
}

export function valueAt(data: unknown, path: string): unknown {
  let current: unknown = data;
  for (const key of path.split('.')) {
    if (!isPlainObject(current)) return undefined;
    current = current[key];
  }
  return current;
}

function arrayAt(data: unknown, path: string): unknown[] {
  const value = valueAt(data, path);
  return Array.isArray(value) ? value : [];
}

/** The origin of the last request URL seen: a listing asks it of the same URL page after page. */
let lastOrigin: { url: string; origin: string } | undefined;

function originOf(url: string): string {
  if (lastOrigin?.url !== url) lastOrigin = { url, origin: new URL(url).origin };
  return lastOrigin.origin;
}

/** The next-page request: same method and headers, URL and query from the link. */
function nextFromLink(
  profile: ProviderProfile,
  request: ApiRequest,
  link: unknown,
): ApiRequest | undefined {
  const href = isPlainObject(link) ? link.href : link;
  if (typeof href !== 'string' || href === '') return undefined;
  const url = new URL(href, request.url);
  const origin = originOf(request.url);
  if (url.origin !== origin) {
    // Following it would send the bearer token to another host.
    throw new SwitchboardError({
      code: 'unexpected_response',
      kind: 'api',
      provider: profile.id,
      message: `The next-page link points to another host (${url.origin}); paging stopped.`,
      hint: 'Check the base URL of the connection; a proxy may be rewriting links.',
    });
  }
  const query: Record<string, string> = {};
  let hasQuery = false;
  for (const [name, value] of url.searchParams) {
    query[name] = value;
    hasQuery = true;
  }
  const next: ApiRequest = { ...request, url: withoutQueryAndFragment(url.href), idempotent: true };
  if (hasQuery) next.query = query;
  else delete next.query;
  if (sameRequest(request, next)) return undefined;
  return next;
}

/**
 * A parsed URL's href up to its query or fragment. In the parser's serialisation the first `?`
 * or `#` starts them (the path and user info percent-encode both): no setter, which would
 * parse and serialise the URL again, once for each.
 */
export function withoutQueryAndFragment(href: string): string {
  const query = href.indexOf('?');
  const fragment = href.indexOf('#');
  const end = query === -1 ? fragment : fragment === -1 ? query : Math.min(query, fragment);
  return end === -1 ? href : href.slice(0, end);
}

function sameRequest(a: ApiRequest, b: ApiRequest): boolean {
  if (a.url !== b.url) return false;
  const left = Object.entries(a.query ?? {});
  const right = Object.entries(b.query ?? {});
  return (
    left.length === right.length &&
    left.every(([name, value], index) => {
      const other = right[index];
      return other !== undefined && other[0] === name && String(other[1]) === String(value);
    })
  );
}
