import type { Clock, Logger, TokenSource } from '../engine/types';
import { parseTokenResponse } from '../oauth/parse-token-response';
import { MAX_TOKEN_RESPONSE_BYTES } from '../oauth/build-token-request';
import { createOAuthTokenSource } from '../oauth/token-source';
import type { TokenRequestSpec, TokenSet } from '../oauth/types';
import { assertSecureTransport } from '../transport/insecure-http';
import { guardHostTransport } from '../transport/guard-transport';
import type { HttpRequest, Transport } from '../transport/types';
import type { AssumedRole } from './assumed-role';
import type { BoundCredential } from './bind';

export interface TokenSourceOptions {
  clock?: Clock;
  /** Per-request timeout for token requests. */
  timeoutMs?: number;
  /** Send secrets over plain HTTP to non-loopback hosts (explicit opt-in). */
  allowInsecureHttp?: boolean;
  /** Gets the warning about a token lifetime raised to the minimum. */
  logger?: Logger;
}

/**
 * The TokenSource of one bound credential: the profile's grant, plus Mitel's assume-role
 * exchange when a role is set, plus refresh when the profile supports it.
 */
export function createTokenSource(
  bound: BoundCredential,
  options: TokenSourceOptions = {},
): TokenSource {
  const { profile, role } = bound;
  const request: Omit<TokenRequestSpec, 'grant'> = { ...bound.token.request };
  if (options.timeoutMs !== undefined) request.timeoutMs = options.timeoutMs;
  if (options.allowInsecureHttp === true) request.allowInsecureHttp = true;
  const base = createOAuthTokenSource({
    key: bound.cacheKey,
    provider: profile.id,
    renewal: profile.renewal,
    grant: bound.token.grant,
    request,
    defaultExpiresInSec: profile.token.defaultExpiresInSec,
    // An assumed-role token is renewed by signing in and assuming the role again.
    supportsRefresh: profile.token.supportsRefresh && role === undefined,
    ...(profile.token.refreshTokenLifetimeSec === undefined
      ? {}
      : { refreshTokenLifetimeSec: profile.token.refreshTokenLifetimeSec }),
    ...(profile.correlationHeader === undefined
      ? {}
      : { correlationHeader: profile.correlationHeader }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
  });
  if (role === undefined) return base;
  const clock = options.clock ?? Date;
  return {
    key: base.key,
    provider: base.provider,
    renewal: base.renewal,
    async obtain(transport: Transport): Promise<TokenSet> {
      const first = await base.obtain(transport);
      return assumeRole(bound, request, role, first, transport, clock.now());
    },
  };
}

/** Runs the full grant (and assume-role) once: what n8n's preAuthentication calls. */
export function obtainToken(
  bound: BoundCredential,
  transport: Transport,
  now?: number,
): Promise<TokenSet> {
  const source = createTokenSource(bound, now === undefined ? {} : { clock: { now: () => now } });
  // The caller's transport (n8n's) gets the same size limit and error redaction as a connection's;
  // its deadline is the host's own (n8n's helper times the request; core may add no timer there).
  return source.obtain(guardHostTransport(transport, bound.secrets));
}

async function assumeRole(
  bound: BoundCredential,
  spec: Omit<TokenRequestSpec, 'grant'>,
  role: AssumedRole,
  first: TokenSet,
  transport: Transport,
  now: number,
): Promise<TokenSet> {
  const { profile } = bound;
  // The first token goes along, so the same plain-HTTP rule applies as for the token URL.
  assertSecureTransport(role.url, 'Assume-role URL', spec.allowInsecureHttp, profile.id);
  const body: Record<string, string> = { role: role.role };
  if (role.accountId !== '') body.accountId = role.accountId;
  // Same headers, timeout and TLS as the token request itself.
  const request: HttpRequest = {
    method: 'POST',
    url: role.url,
    headers: {
      ...spec.headers,
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${first.accessToken}`,
    },
    body: JSON.stringify(body),
    maxResponseBytes: MAX_TOKEN_RESPONSE_BYTES,
  };
  if (spec.timeoutMs !== undefined) request.timeoutMs = spec.timeoutMs;
  if (spec.tls !== undefined) request.tls = spec.tls;
  const response = await transport(request);
  return parseTokenResponse(response, {
    now,
    defaultExpiresInSec: profile.token.defaultExpiresInSec,
    provider: profile.id,
    secrets: [
      ...bound.secrets,
      first.accessToken,
      ...(first.refreshToken === undefined ? [] : [first.refreshToken]),
    ],
    ...(profile.correlationHeader === undefined
      ? {}
      : { correlationHeader: profile.correlationHeader }),
  });
}
