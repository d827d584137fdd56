import type {
  HttpRequest,
  HttpResponse,
  Logger,
  RenewalPolicy,
  TokenSet,
  TokenStore,
  Transport,
} from './engine';
import { createOAuthTokenSource, SwitchboardError } from './engine';

export class FakeClock {
  constructor(public time = 1_700_000_000_000) {}
  now = (): number => this.time;
  advance(ms: number): void {
    this.time += ms;
  }
}

export type Responder = (
  request: HttpRequest,
  index: number,
) => HttpResponse | Promise<HttpResponse>;

/** A transport that records requests and answers with `responder`. */
export function fakeTransport(responder: Responder): Transport & { requests: HttpRequest[] } {
  const requests: HttpRequest[] = [];
  const transport = async (request: HttpRequest): Promise<HttpResponse> => {
    requests.push(request);
    return responder(request, requests.length - 1);
  };
  return Object.assign(transport, { requests });
}

export const tokenResponse = (
  accessToken: string,
  expiresIn: number,
  refreshToken?: string,
): HttpResponse => ({
  status: 200,
  headers: { 'content-type': 'application/json' },
  body: JSON.stringify({
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: expiresIn,
    ...(refreshToken ? { refresh_token: refreshToken } : {}),
  }),
});

/** A JSON response; a string body is sent as it is (to test broken or odd bodies). */
export const statusResponse = (
  status: number,
  body: unknown = {},
  headers: Record<string, string> = {},
): HttpResponse => ({
  status,
  headers: { 'content-type': 'application/json', ...headers },
  body: typeof body === 'string' ? body : JSON.stringify(body),
});

export function formOf(request: HttpRequest): Record<string, string> {
  return Object.fromEntries(new URLSearchParams(request.body ?? ''));
}

export const EARLY: RenewalPolicy = { mode: 'early', skewMs: 60_000, maxSkewFraction: 0.1 };

export function testSource(
  clock: FakeClock,
  renewal: RenewalPolicy = EARLY,
  secret = 'client-secret',
) {
  return createOAuthTokenSource({
    key: 'test:cred',
    provider: 'generic-oauth2',
    renewal,
    grant: { type: 'client_credentials' },
    request: {
      tokenUrl: 'https://auth.test/token',
      client: { id: 'cid', secret, placement: 'body' },
    },
    defaultExpiresInSec: 3600,
    clock,
  });
}

export function recordingLogger(): Logger & { lines: string[] } {
  const lines: string[] = [];
  const log = (level: string) => (message: string) => void lines.push(`${level} ${message}`);
  return { lines, debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
}

/** Sleeps that resolve at once but remember what was asked. */
export function recordingSleep(): ((ms: number) => Promise<void>) & { calls: number[] } {
  const calls: number[] = [];
  return Object.assign(async (ms: number) => void calls.push(ms), { calls });
}

/** A store whose every call fails, like Redis when it is down. */
export function brokenStore(): TokenStore {
  const fail = async (): Promise<never> => {
    throw new SwitchboardError({
      kind: 'configuration',
      code: 'store_unavailable',
      message: 'connect ECONNREFUSED 127.0.0.1:6399',
      hint: 'start redis',
    });
  };
  return {
    get: fail,
    set: fail,
    delete: fail,
    deleteIf: fail,
    lock: fail,
    close: async () => undefined,
  };
}

export function deferred<T>(): { promise: Promise<T>; resolve: (value: T) => void } {
  let resolve!: (value: T) => void;
  const promise = new Promise<T>((r) => (resolve = r));
  return { promise, resolve };
}

export type { TokenSet };
