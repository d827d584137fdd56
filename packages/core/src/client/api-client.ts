import type { ApiRequest, ApiResponse, Page } from '../operations/types';
import type { HttpResponse, TlsOptions, Transport } from '../transport/types';
import type { Logger, RetryPolicy } from '../engine/types';
import type { TokenSet } from '../oauth/types';
import type { TokenManager } from '../engine/token-manager';
import { SwitchboardError } from '../errors/switchboard-error';
import { apiErrorFromResponse } from '../errors/api-error';
import { redactResponse } from '../errors/response-body';
import { DEFAULT_RETRY } from '../engine/backoff';
import { noopLogger } from '../engine/logger';
import { isTransient, withRetry, type RetryOptions } from '../engine/retry';
import { CancellableSleeper } from '../engine/sleep';
import { redactUrl } from '../redact';
import { buildApiRequest, isIdempotent } from './build-api-request';
import { DestinationCheck } from './destination-check';
import { EchoedSecrets } from './mask-echoed-secrets';
import { followPages } from './paginate';

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
  /**
   * Origins (`https://host:port`) the token may be sent to; any other URL is refused before
   * anything is sent. Default: any origin.
   */
  allowedOrigins?: readonly string[];
  /** Send the token over plain HTTP to a non-loopback host anyway (explicit opt-in). */
  allowInsecureHttp?: boolean;
  /** Largest API response body accepted, bytes; default DEFAULT_MAX_API_RESPONSE_BYTES. */
  maxResponseBytes?: number;
}

/** Largest API response read by default (50 MiB); raise `maxResponseBytes` for bulk exports. */
export const DEFAULT_MAX_API_RESPONSE_BYTES = 50 * 1024 * 1024;

export interface PageResult {
  request: ApiRequest;
  response: ApiResponse;
}

interface TokenSecrets {
  accessToken: string;
  refreshToken: string | undefined;
  secrets: string[];
  echoed: EchoedSecrets;
}

/**
 * Errors of the token manager, which already retried them: the API call does not multiply the
 * attempts. Weak, so an error is forgotten with the error itself.
 */
const tokenFailures = new WeakSet<object>();

function markTokenFailure(error: unknown): never {
  if (error instanceof Object) tokenFailures.add(error);
  throw error;
}

function isRetryableApiError(error: unknown): boolean {
  return isTransient(error) && !(error instanceof Object && tokenFailures.has(error));
}

/** Authenticated API calls: bearer token, one retry after a 401, backoff for idempotent calls. */
export class ApiClient {
  private readonly options: ApiClientOptions;
  private readonly logger: Logger;
  private readonly sleeper = new CancellableSleeper();
  /** Built once: every call of a listing would otherwise allocate the same options again. */
  private readonly retryOptions: RetryOptions;
  private readonly destinations: DestinationCheck;
  private tokenSecrets: TokenSecrets | undefined;

  constructor(options: ApiClientOptions) {
    this.options = options;
    this.logger = options.logger ?? noopLogger;
    this.retryOptions = {
      policy: options.retry ?? DEFAULT_RETRY,
      sleep: options.sleep ?? this.sleeper.sleep,
      random: options.random ?? Math.random,
      isRetryable: isRetryableApiError,
    };
    this.destinations = new DestinationCheck({
      ...(options.allowedOrigins === undefined ? {} : { allowedOrigins: options.allowedOrigins }),
      ...(options.allowInsecureHttp === undefined
        ? {}
        : { allowInsecureHttp: options.allowInsecureHttp }),
      ...(options.provider === undefined ? {} : { provider: options.provider }),
    });
  }

  async send<T = unknown>(request: ApiRequest): Promise<ApiResponse<T>> {
    const http = buildApiRequest(request, this.options.defaultHeaders, this.options.timeoutMs);
    this.destinations.check(http.url);
    if (this.options.tls) http.tls = this.options.tls;
    http.maxResponseBytes = this.options.maxResponseBytes ?? DEFAULT_MAX_API_RESPONSE_BYTES;
    // Shared by every backoff attempt: a request is retried at most once for auth, ever.
    const auth = { retried: false };
    const attempt = () => this.sendAuthenticated(http, auth);
    const { response, secrets } = isIdempotent(request)
      ? await withRetry(attempt, this.retryOptions)
      : await attempt();
    return {
      status: response.status,
      headers: response.headers,
      data: this.parse<T>(response, http.url, secrets),
    };
  }

  /**
   * Streams the pages of a list: `next` derives the following request from a page, or returns
   * undefined on the last one. Pages are yielded as they arrive, never accumulated; a next page
   * that was fetched before (a link loop) ends the listing with `unexpected_response`. The loop
   * is core's one paging loop (client/paginate.ts); profile operations use `paginate` itself.
   */
  async *paginate(
    first: ApiRequest,
    next: (page: ApiResponse, request: ApiRequest) => ApiRequest | undefined,
  ): AsyncGenerator<PageResult> {
    // The loop asks for one page at a time, so `current` is the request of the page it yields.
    let current = first;
    const fetchPage = async (request: ApiRequest): Promise<Page> => {
      current = request;
      const response: ApiResponse = await this.send(request);
      const following = next(response, request);
      return following === undefined
        ? { items: [], response }
        : { items: [], response, next: following };
    };
    const options = this.options.provider === undefined ? {} : { provider: this.options.provider };
    for await (const page of followPages(first, fetchPage, options)) {
      yield { request: current, response: page.response };
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
  ): Promise<{ response: HttpResponse; secrets: string[] }> {
    for (;;) {
      let token: TokenSet;
      try {
        token = await this.options.tokens.getToken();
      } catch (error: unknown) {
        markTokenFailure(error);
      }
      const response = await this.options.transport({
        ...http,
        headers: { ...http.headers, authorization: `${token.tokenType} ${token.accessToken}` },
      });
      // The line costs a URL scan per request: not built when nobody reads it.
      if (this.logger !== noopLogger) {
        this.logger.debug(`${http.method} ${redactUrl(http.url)} → ${response.status}`);
      }
      const { secrets, echoed } = this.secretsOf(token);
      if (response.status >= 200 && response.status <= 299)
        return { response: echoed.mask(response), secrets };
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
        secrets,
      });
    }
  }

  /**
   * The secrets a response may echo when `token` was sent: the credential's and the token's.
   * Kept while the token is, so a listing's pages share one list and its search probes.
   */
  private secretsOf(token: TokenSet): TokenSecrets {
    const last = this.tokenSecrets;
    if (last?.accessToken === token.accessToken && last.refreshToken === token.refreshToken)
      return last;
    const secrets = [...(this.options.secrets ?? []), token.accessToken, token.refreshToken ?? ''];
    this.tokenSecrets = {
      accessToken: token.accessToken,
      refreshToken: token.refreshToken,
      secrets,
      echoed: new EchoedSecrets(secrets),
    };
    return this.tokenSecrets;
  }

  /** The body as JSON where it looks like JSON; `secrets` include the token that was sent. */
  private parse<T>(response: HttpResponse, url: string, secrets: readonly string[]): T {
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
        response: redactResponse(response, secrets),
      });
    }
  }
}
