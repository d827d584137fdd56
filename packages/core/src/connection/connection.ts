import { ApiClient } from '../client/api-client';
import { isPaged, paginate } from '../client/paginate';
import { TokenManager } from '../engine/token-manager';
import type { Clock, Logger, RetryPolicy, TokenStore } from '../engine/types';
import { diagnoseBound, type Diagnosis } from '../diagnose/diagnose';
import { buildOperationRequest } from '../operations/build-request';
import { getOperation } from '../operations/get-operation';
import { sensitiveFieldsToRemove, withoutFields } from '../operations/sensitive-fields';
import type { ApiRequest, ApiResponse, OperationParams, Page } from '../operations/types';
import { bindCredentials, type BoundCredential } from '../profiles/bind';
import { createTokenSource } from '../profiles/token-source';
import type { CredentialValues, ProviderProfile } from '../profiles/types';
import { connectionTransport } from '../transport/guard-transport';
import type { Transport } from '../transport/types';

export interface ConnectionOptions {
  /** Default: axios with a timeout on every request. n8n passes its own. */
  transport?: Transport;
  /** Default: in memory. Sangoma tokens live a year: use a file or Redis store there. */
  store?: TokenStore;
  logger?: Logger;
  clock?: Clock;
  retry?: RetryPolicy;
  /** Deadline of each request, response body included. Default 30 s. */
  timeoutMs?: number;
  /** Largest API response body, bytes (token responses: 1 MiB). Default 50 MiB. */
  maxResponseBytes?: number;
  /**
   * Send credentials and tokens over plain http:// to a host other than loopback. Off by
   * default (a configuration error); the profile field `allowInsecureHttp` does the same.
   */
  allowInsecureHttp?: boolean;
}

export interface ExecuteOptions {
  /** Paged operations: fetch every page and return all items in `data`. */
  returnAll?: boolean;
  /** Paged operations: at most this many items in `data` (may span pages). */
  limit?: number;
}

export interface Connection {
  readonly profile: ProviderProfile;
  readonly tokens: TokenManager;
  readonly client: ApiClient;
  /**
   * Runs one operation. Without `returnAll` / `limit` the response is the provider's own; with
   * either, on a paged operation, `data` is the array of items (status and headers of the last page).
   */
  execute(
    operationId: string,
    params: OperationParams,
    options?: ExecuteOptions,
  ): Promise<ApiResponse>;
  /**
   * Streams the pages of an operation one at a time (bounded memory), up to `limit` items. A
   * next-page link back to a page already read fails with `unexpected_response`.
   */
  pages(
    operationId: string,
    params: OperationParams,
    options?: { limit?: number },
  ): AsyncIterable<Page>;
  /** Any request, with this connection's authentication and error handling. */
  request(request: ApiRequest): Promise<ApiResponse>;
  /** Fresh sign-in and who-am-I, with explanations; does not touch the cached token. */
  diagnose(): Promise<Diagnosis>;
  close(): Promise<void>;
}

/**
 * One credential of one provider, ready to call its operations: a token manager (cached,
 * single-flight, renewed per the profile) and an API client over the same transport.
 * Throws `invalid_configuration` at once when the credentials are incomplete.
 */
export function createConnection(
  profile: ProviderProfile,
  credentials: CredentialValues,
  options: ConnectionOptions = {},
): Connection {
  return connectBound(bindCredentials(profile, credentials), options);
}

function connectBound(bound: BoundCredential, options: ConnectionOptions): Connection {
  const { profile } = bound;
  const secrets = [...bound.secrets];
  const transport = connectionTransport(options.transport, secrets);
  const allowInsecureHttp = options.allowInsecureHttp === true || bound.allowInsecureHttp;
  const source = createTokenSource(bound, {
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(allowInsecureHttp ? { allowInsecureHttp } : {}),
  });
  const tokens = new TokenManager({
    source,
    transport,
    secrets,
    ...(options.store === undefined ? {} : { store: options.store }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeoutMs === undefined ? {} : { requestTimeoutMs: options.timeoutMs }),
  });
  const client = new ApiClient({
    tokens,
    transport,
    provider: profile.id,
    defaultHeaders: { ...bound.headers },
    secrets,
    allowedOrigins: bound.apiOrigins,
    ...(allowInsecureHttp ? { allowInsecureHttp } : {}),
    ...(options.maxResponseBytes === undefined
      ? {}
      : { maxResponseBytes: options.maxResponseBytes }),
    ...(profile.correlationHeader === undefined
      ? {}
      : { correlationHeader: profile.correlationHeader }),
    ...(bound.tls === undefined ? {} : { tls: bound.tls }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.retry === undefined ? {} : { retry: options.retry }),
    ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
  });

  const send = (request: ApiRequest) => client.send(request);
  // paginate's own generator, not one around it: a layer of `yield*` costs every page a resumption.
  function pages(
    operationId: string,
    params: OperationParams,
    opts: { limit?: number } = {},
  ): AsyncIterable<Page> {
    return {
      [Symbol.asyncIterator]: () =>
        paginate(
          profile,
          operationId,
          () => buildOperationRequest(bound, operationId, params),
          send,
          {
            ...opts,
            params,
          },
        ),
    };
  }

  return {
    profile,
    tokens,
    client,
    pages,
    async execute(operationId, params, opts = {}) {
      const paged = isPaged(getOperation(profile, operationId));
      const collect = paged && (opts.returnAll === true || opts.limit !== undefined);
      if (!collect) {
        const request = buildOperationRequest(bound, operationId, params);
        const response = await client.send(request);
        const remove = sensitiveFieldsToRemove(getOperation(profile, operationId), params);
        return remove.length === 0
          ? response
          : { ...response, data: withoutFields(response.data, remove) };
      }
      const items: unknown[] = [];
      let last: ApiResponse | undefined;
      const limit = opts.returnAll === true ? undefined : opts.limit;
      for await (const page of pages(operationId, params, limit === undefined ? {} : { limit })) {
        for (const item of page.items) items.push(item);
        last = page.response;
      }
      return { status: last?.status ?? 200, headers: last?.headers ?? {}, data: items };
    },
    request: send,
    diagnose: () =>
      diagnoseBound(bound, {
        transport,
        ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
        ...(options.clock === undefined ? {} : { now: options.clock.now.bind(options.clock) }),
        ...(allowInsecureHttp ? { allowInsecureHttp } : {}),
      }),
    async close() {
      client.close();
      await tokens.close();
    },
  };
}
