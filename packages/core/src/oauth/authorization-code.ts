// Mitel's headless authorization-code sign-in, step one: trade user name and password (plus the
// application's client id) for a one-time code. Step two is an ordinary token request with
// `grant_type=authorization_code` (build-token-request.ts). Both pure, no I/O.
import { configurationError } from '../errors/configuration-error';
import { redactResponse } from '../errors/response-body';
import { SwitchboardError } from '../errors/switchboard-error';
import { tokenErrorFromResponse } from '../errors/token-error';
import { redactUrl } from '../redact';
import type { HttpRequest, HttpResponse, TlsOptions } from '../transport/types';

export interface AuthorizeRequestSpec {
  authorizeUrl: string;
  username: string;
  password: string;
  /** The application's (Mitel-issued) client id. */
  clientId: string;
  /** Extra form parameters, such as Mitel's `account_id`; empty ones are left out. */
  extraParams?: Record<string, string>;
  headers?: Record<string, string>;
  timeoutMs?: number;
  tls?: TlsOptions;
}

export interface ParseAuthorizeOptions {
  now: number;
  provider?: string;
  secrets?: string[];
  correlationHeader?: string;
}

function required(value: string, what: string, hint: string): string {
  if (value.trim() === '')
    throw configurationError(`Authorization request: ${what} is missing.`, hint);
  return value;
}

/** `POST <authorizeUrl>`, form `response_type=code, username, password, client_id, ...extra`. */
export function buildAuthorizeRequest(spec: AuthorizeRequestSpec): HttpRequest {
  try {
    const protocol = new URL(spec.authorizeUrl).protocol;
    if (protocol !== 'https:' && protocol !== 'http:') throw new Error(protocol);
  } catch {
    throw configurationError(
      `Authorization URL "${redactUrl(spec.authorizeUrl)}" is not a valid http(s) URL.`,
      'Check the environment or base URL of the connection.',
    );
  }
  const form = new URLSearchParams([
    ['response_type', 'code'],
    ['username', required(spec.username, 'the username', 'Fill in the user name.')],
    ['password', required(spec.password, 'the password', 'Fill in the password.')],
    [
      'client_id',
      required(
        spec.clientId,
        'the client id',
        'Fill in the client id Mitel issued for your application.',
      ),
    ],
  ]);
  for (const [name, value] of Object.entries(spec.extraParams ?? {})) {
    if (value !== '') form.append(name, value);
  }
  const headers: Record<string, string> = { accept: 'application/json' };
  for (const [name, value] of Object.entries(spec.headers ?? {}))
    headers[name.toLowerCase()] = value;
  headers['content-type'] = 'application/x-www-form-urlencoded';
  const request: HttpRequest = {
    method: 'POST',
    url: spec.authorizeUrl,
    headers,
    body: form.toString(),
  };
  if (spec.timeoutMs !== undefined) request.timeoutMs = spec.timeoutMs;
  if (spec.tls !== undefined) request.tls = spec.tls;
  return request;
}

/** The `code` of a 2xx answer (`{code}` JSON or form-encoded); a typed error otherwise. */
export function parseAuthorizeResponse(
  response: HttpResponse,
  options: ParseAuthorizeOptions,
): string {
  const provider = options.provider === undefined ? {} : { provider: options.provider };
  if (response.status < 200 || response.status > 299) {
    throw tokenErrorFromResponse(response, {
      ...provider,
      ...(options.correlationHeader === undefined
        ? {}
        : { correlationHeader: options.correlationHeader }),
      secrets: options.secrets ?? [],
      now: options.now,
    });
  }
  const code = readCode(response.body);
  if (code !== undefined) return code;
  throw new SwitchboardError({
    kind: 'token',
    code: 'unexpected_response',
    status: response.status,
    message: `Authorization response${options.provider ? ` (${options.provider})` : ''} has no code.`,
    hint: 'The authorization URL answered, but not with {code}: check the environment or base URL (a proxy or another service may have answered).',
    ...provider,
    response: redactResponse(response, options.secrets ?? []),
  });
}

function readCode(body: string): string | undefined {
  const text = body.trim();
  let code: unknown;
  if (text.startsWith('{')) {
    try {
      code = (JSON.parse(text) as Record<string, unknown>).code;
    } catch {
      return undefined;
    }
  } else if (/^[\w.-]+=/.test(text)) {
    code = new URLSearchParams(text).get('code');
  }
  return typeof code === 'string' && code !== '' ? code : undefined;
}
