import type { ApiRequest, ApiResponse } from '../operations/types';
import type { HttpResponse, TlsOptions, Transport } from '../transport/types';
import type { Logger, RetryPolicy } from '../engine/types';
import type { TokenManager } from '../engine/token-manager';
import { SwitchboardError } from '../errors/switchboard-error';
import { apiErrorFromResponse } from '../errors/api-error';
import { redactResponse } from '../errors/response-body';
import { DEFAULT_RETRY } from '../engine/backoff';
import { noopLogger } from '../engine/logger';
import { isTransient, withRetry } from '../engine/retry';
import { CancellableSleeper } from '../engine/sleep';
import { redactUrl } from '../redact';
import { buildApiRequest, isIdempotent } from './build-api-request';
import { PageVisits } from './page-visits';

export interface ApiClientOptions {
  tokens: TokenManager;
  transport: Transport;
  provider?: string;
  /** Response header carrying the provider's correlation id. */
  correlationHeader?: string;
  /** Sent with every request (Mitel `X-Mitel-App`). */
  defaultHeaders?: Record<string, string>;
  retry?: RetryPolicy;
  logger?: Logger;
  /** Credential secrets to mask in errors. */
  secrets?: string[];
  timeoutMs?: number;
  tls?: TlsOptions;
  sleep?: (ms: number) => Promise<void>;
  random?: () => number;
}

export interface PageResult {
  request: ApiRequest;
  response: ApiResponse;
}

/** Authenticated API calls: bearer token, one retry after a 401, backoff for idempotent calls. */
export class ApiClient {
  private readonly options: ApiClientOptions;
  private readonly logger: Logger;
  private readonly sleeper = new CancellableSleeper();

  constructor(options: ApiClientOptions) {
    this.options = options;
    this.logger = options.logger ?? noopLogger;
  }

  async send<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const http = buildApiRequest(request, this.options.defaultHeaders, this.options.timeoutMs);
    if (this.options.tls) http.tls = this.options.tls;
    // Shared by every backoff attempt: a request is retried at most once for auth, ever.
    const auth = { retried: false };
    // Token failures were already retried by the token manager: do not multiply the attempts.
    const tokenFailures = new WeakSet<object>();
    const attempt = () => this.sendAuthenticated(http, auth, tokenFailures);
    const response = isIdempotent(request)
      ? await withRetry(attempt, {
          policy: this.options.retry ?? DEFAULT_RETRY,
          sleep: this.options.sleep ?? this.sleeper.sleep,
          random: this.options.random ?? Math.random,
          isRetryable: (error) =>
            isTransient(error) && !(error instanceof Object && tokenFailures.has(error)),
        })
      : await attempt();
    return {
      status: response.status,
      headers: response.headers,
      data: this.parse<T>(response, http.url),
    };
  }

  /**
   * Streams the pages of a list: `next` derives the following request from a page, or returns
   * undefined on the last one. Pages are yielded as they arrive, never accumulated; a next page
   * that was fetched before (a link loop) ends the listing with `unexpected_response`.
   */
  async *paginate(
    first: ApiRequest,
    next: (page: ApiResponse, request: ApiRequest) => ApiRequest | undefined,
  ): AsyncGenerator<PageResult> {
    let request: ApiRequest | undefined = first;
    const visits = new PageVisits(this.options.provider);
    while (request) {
      visits.visit(request);
      const response: ApiResponse = await this.send(request);
      yield { request, response };
      request = next(response, request);
    }
  }

  /** Cancels pending backoff waits. */
  close(): void {
    this.sleeper.cancelAll(
      new SwitchboardError({
        kind: 'configuration',
        code: 'invalid_configuration',
        message: 'The API client is closed.',
        hint: 'Create a new connection.',
      }),
    );
  }

  /** Sends with the current token; a 401 drops that token and retries once with a fresh one. */
  private async sendAuthenticated(
    http: ReturnType<typeof buildApiRequest>,
    auth: { retried: boolean },
    tokenFailures: WeakSet<object>,
  ): Promise<HttpResponse> {
    for (;;) {
      const token = await this.options.tokens.getToken().catch((error: unknown) => {
        if (error instanceof Object) tokenFailures.add(error);
        throw error;
      });
      const response = await this.options.transport({
        ...http,
        headers: { ...http.headers, authorization: `${token.tokenType} ${token.accessToken}` },
      });
      // The line costs a URL scan per request: not built when nobody reads it.
      if (this.logger !== noopLogger) {
        this.logger.debug(`${http.method} ${redactUrl(http.url)} → ${response.status}`);
      }
      if (response.status >= 200 && response.status <= 299) return response;
      if (response.status === 401 && !auth.retried) {
        auth.retried = true;
        await this.options.tokens.invalidate(token.accessToken);
        continue;
      }
      throw apiErrorFromResponse(response, {
        ...(this.options.provider !== undefined ? { provider: this.options.provider } : {}),
        ...(this.options.correlationHeader !== undefined
          ? { correlationHeader: this.options.correlationHeader }
          : {}),
        secrets: [...(this.options.secrets ?? []), token.accessToken, token.refreshToken ?? ''],
      });
    }
  }

  private parse<T>(response: HttpResponse, url: string): T {
    const text = response.body;
    if (text.trim() === '') return null as T;
    const contentType = response.headers['content-type'] ?? '';
    const looksJson = /json/i.test(contentType) || /^\s*[[{"]/.test(text);
    if (!looksJson) return text as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      if (!/json/i.test(contentType)) return text as T;
      throw new SwitchboardError({
        kind: 'api',
        code: 'unexpected_response',
        status: response.status,
        message: `Response from ${redactUrl(url)} is not valid JSON.`,
        hint: 'The provider sent a broken JSON body; retry, and report it if it persists.',
        ...(this.options.provider !== undefined ? { provider: this.options.provider } : {}),
        response: redactResponse(response, this.options.secrets ?? []),
      });
    }
  }
}
