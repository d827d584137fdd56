// The one paging loop every adapter uses (Connection.pages, the n8n nodes and the n8n trigger):
// pages are fetched one at a time as the caller asks for them, never accumulated, up to a limit
// of items; a next-page link back to a page already read (A → B → A) ends the listing with
// `unexpected_response` instead of paging forever. Items lose the operation's sensitive
// response fields unless its option keeps them.
import { getOperation } from '../operations/get-operation';
import { readPage } from '../operations/read-page';
import { sensitiveFieldsToRemove, withoutFields } from '../operations/sensitive-fields';
import type { ApiRequest, ApiResponse, OperationParams, Page } from '../operations/types';
import type { OperationDef, ProviderProfile } from '../profiles/types';
import { PageVisits } from './page-visits';

export interface PaginateOptions {
  /** At most this many items in total (the last page is cut); default: every page. */
  limit?: number;
  /** The operation's parameters: its output options (such as keeping sensitive fields). */
  params?: OperationParams;
}

/** The first request of a listing, or what builds it once the listing starts. */
export type FirstRequest = ApiRequest | (() => ApiRequest);

/** Sends one request with the adapter's own authentication (core's client, n8n's helper). */
export type SendRequest = (request: ApiRequest) => Promise<ApiResponse>;

/** Whether an operation lists items over several pages (so "return all" / "limit" apply). */
export function isPaged(operation: OperationDef): boolean {
  return operation.pagination !== undefined && operation.pagination.style !== 'none';
}

/**
 * The pages of a profile operation, starting at `first`, each read with the profile's paging.
 * `first` may be a function that builds it: it is called when the listing starts, so its
 * errors reject the first page like any other.
 */
export function paginate(
  profile: ProviderProfile,
  operationId: string,
  first: FirstRequest,
  send: SendRequest,
  options: PaginateOptions = {},
): AsyncGenerator<Page> {
  const remove = sensitiveFieldsToRemove(getOperation(profile, operationId), options.params);
  const fetchPage = async (request: ApiRequest): Promise<Page> => {
    const page = readPage(profile, operationId, request, await send(request));
    return remove.length === 0
      ? page
      : { ...page, items: page.items.map((item) => withoutFields(item, remove)) };
  };
  return followPages(first, fetchPage, {
    provider: profile.id,
    ...(options.limit === undefined ? {} : { limit: options.limit }),
  });
}

/**
 * The loop itself: `fetchPage` sends one request and says what the next one is. Shared with
 * ApiClient.paginate, whose callers derive the next request themselves.
 */
export async function* followPages(
  first: FirstRequest,
  fetchPage: (request: ApiRequest) => Promise<Page>,
  options: PaginateOptions & { provider?: string } = {},
): AsyncGenerator<Page> {
  let request: ApiRequest | undefined = typeof first === 'function' ? first() : first;
  let remaining = options.limit ?? Number.POSITIVE_INFINITY;
  const visits = new PageVisits(options.provider);
  while (request !== undefined && remaining > 0) {
    visits.visit(request);
    const page = await fetchPage(request);
    if (page.items.length >= remaining) {
      yield { items: page.items.slice(0, remaining), response: page.response };
      return;
    }
    remaining -= page.items.length;
    yield page;
    request = page.next;
  }
}
