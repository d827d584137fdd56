import type { Clock, Logger, TokenSource } from '../engine/types';
import { parseTokenResponse } from '../oauth/parse-token-response';
import { MAX_TOKEN_RESPONSE_BYTES } from '../oauth/build-token-request';
import { createOAuthTokenSource } from '../oauth/token-source';
import type { TokenSet } from '../oauth/types';
import { credentialKey } from '../stores/credential-key';
import { assertSecureTransport } from '../transport/insecure-http';
import { guardHostTransport } from '../transport/guard-transport';
import type { HttpRequest, Transport } from '../transport/types';
import { expandProfileTemplate } from './base-url';
import { credentialKeyParts, resolveTokenSpec, type ResolvedTokenSpec } from './token-spec';
import type { AssumeRoleDef, CredentialValues, ProviderProfile } from './types';
import { credentialText } from './values';

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
 * The TokenSource of one credential: the profile's grant, plus Mitel's assume-role exchange
 * when a role is set, plus refresh when the profile supports it. Throws
 * `invalid_configuration` at once when the credentials are incomplete.
 */
export function createTokenSource(
  profile: ProviderProfile,
  credentials: CredentialValues,
  options: TokenSourceOptions = {},
): TokenSource {
  const spec = resolveTokenSpec(profile, credentials);
  if (options.timeoutMs !== undefined) spec.request.timeoutMs = options.timeoutMs;
  if (options.allowInsecureHttp === true) spec.request.allowInsecureHttp = true;
  const role = assumedRole(profile, credentials);
  const key = credentialKey(
    credentialKeyParts(profile, credentials, spec),
    spec.secrets.join('\n'),
  );
  const base = createOAuthTokenSource({
    key,
    provider: profile.id,
    renewal: profile.renewal,
    grant: spec.grant,
    request: spec.request,
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
      return assumeRole(profile, spec, role, first, transport, clock.now());
    },
  };
}

/** Runs the full grant (and assume-role) once: what n8n's preAuthentication calls. */
export function obtainToken(
  profile: ProviderProfile,
  credentials: CredentialValues,
  transport: Transport,
  now?: number,
): Promise<TokenSet> {
  const clock = now === undefined ? undefined : { now: () => now };
  const source = createTokenSource(profile, credentials, clock === undefined ? {} : { clock });
  // The caller's transport (n8n's) gets the same size limit and error redaction as a connection's;
  // its deadline is the host's own (n8n's helper times the request; core may add no timer there).
  const secrets = resolveTokenSpec(profile, credentials).secrets;
  return source.obtain(guardHostTransport(transport, secrets));
}

interface RoleRequest {
  def: AssumeRoleDef;
  url: string;
  role: string;
  accountId: string;
}

function assumedRole(
  profile: ProviderProfile,
  credentials: CredentialValues,
): RoleRequest | undefined {
  const def = profile.token.assumeRole;
  if (def === undefined) return undefined;
  const role = credentialText(profile, credentials, def.roleField);
  if (role === '') return undefined;
  return {
    def,
    role,
    accountId: credentialText(profile, credentials, def.accountIdField),
    url: expandProfileTemplate(profile, credentials, def.url),
  };
}

async function assumeRole(
  profile: ProviderProfile,
  spec: ResolvedTokenSpec,
  role: RoleRequest,
  first: TokenSet,
  transport: Transport,
  now: number,
): Promise<TokenSet> {
  // The first token goes along, so the same plain-HTTP rule applies as for the token URL.
  assertSecureTransport(role.url, 'Assume-role URL', spec.request.allowInsecureHttp, profile.id);
  const body: Record<string, string> = { role: role.role };
  if (role.accountId !== '') body.accountId = role.accountId;
  // Same headers, timeout and TLS as the token request itself.
  const request: HttpRequest = {
    method: 'POST',
    url: role.url,
    headers: {
      ...spec.request.headers,
      accept: 'application/json',
      'content-type': 'application/json',
      authorization: `Bearer ${first.accessToken}`,
    },
    body: JSON.stringify(body),
    maxResponseBytes: MAX_TOKEN_RESPONSE_BYTES,
  };
  if (spec.request.timeoutMs !== undefined) request.timeoutMs = spec.request.timeoutMs;
  if (spec.request.tls !== undefined) request.tls = spec.request.tls;
  const response = await transport(request);
  return parseTokenResponse(response, {
    now,
    defaultExpiresInSec: profile.token.defaultExpiresInSec,
    provider: profile.id,
    secrets: [
      ...spec.secrets,
      first.accessToken,
      ...(first.refreshToken === undefined ? [] : [first.refreshToken]),
    ],
    ...(profile.correlationHeader === undefined
      ? {}
      : { correlationHeader: profile.correlationHeader }),
  });
}
