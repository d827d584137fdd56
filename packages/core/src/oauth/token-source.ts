import type { Clock, Logger, RenewalPolicy, TokenSource } from '../engine/types';
import type { Transport } from '../transport/types';
import type { Grant, SignInGrant, TokenRequestSpec, TokenSet } from './types';
import { buildAuthorizeRequest, parseAuthorizeResponse } from './authorization-code';
import { buildTokenRequest } from './build-token-request';
import { parseTokenResponse } from './parse-token-response';

export interface OAuthTokenSourceOptions {
  key: string;
  provider: string;
  renewal: RenewalPolicy;
  /** The full grant: client credentials, password, or Mitel's headless authorization code. */
  grant: SignInGrant;
  /** Token URL, client authentication, scope, extra parameters, TLS, timeout. */
  request: Omit<TokenRequestSpec, 'grant'>;
  defaultExpiresInSec: number;
  /** Offer `refresh` when responses carry refresh tokens (Mitel). Default true. */
  supportsRefresh?: boolean;
  /** How long refresh tokens stay usable, seconds; default 24 hours. */
  refreshTokenLifetimeSec?: number;
  correlationHeader?: string;
  clock?: Clock;
  /** Receives the one warning about a lifetime raised to the minimum. */
  logger?: Logger;
}

/** Secrets that a token request carries, for masking in errors. */
function secretsOf(options: OAuthTokenSourceOptions, token?: TokenSet): string[] {
  const secrets: string[] = [];
  if (options.request.client?.secret) secrets.push(options.request.client.secret);
  if (options.grant.type === 'password' || options.grant.type === 'headless_authorization_code')
    secrets.push(options.grant.password);
  if (token?.refreshToken) secrets.push(token.refreshToken);
  if (token?.accessToken) secrets.push(token.accessToken);
  return secrets;
}

/** A plain OAuth2 TokenSource: one token endpoint, one grant, optional refresh tokens. */
export function createOAuthTokenSource(options: OAuthTokenSourceOptions): TokenSource {
  const clock = options.clock ?? Date;
  let warnedShortLifetime = false;
  const warn = (message: string): void => {
    if (warnedShortLifetime) return;
    warnedShortLifetime = true;
    options.logger?.warn(message);
  };
  const parseOptions = (secrets: string[], previousRefreshToken?: string) => ({
    now: clock.now(),
    warn,
    defaultExpiresInSec: options.defaultExpiresInSec,
    provider: options.provider,
    secrets,
    ...(options.correlationHeader !== undefined
      ? { correlationHeader: options.correlationHeader }
      : {}),
    ...(previousRefreshToken !== undefined ? { previousRefreshToken } : {}),
  });
  const source: TokenSource = {
    key: options.key,
    provider: options.provider,
    renewal: options.renewal,
    ...(options.refreshTokenLifetimeSec === undefined
      ? {}
      : { refreshTokenLifetimeSec: options.refreshTokenLifetimeSec }),
    async obtain(transport: Transport): Promise<TokenSet> {
      if (options.grant.type === 'headless_authorization_code')
        return signInWithCode(options, transport, parseOptions);
      const request = buildTokenRequest({ ...options.request, grant: options.grant });
      const response = await transport(request);
      return parseTokenResponse(response, parseOptions(secretsOf(options)));
    },
  };
  if (options.supportsRefresh !== false) {
    source.refresh = async (token: TokenSet, transport: Transport): Promise<TokenSet> => {
      const { scope: _scope, extraParams: _extra, ...base } = options.request;
      const request = buildTokenRequest({
        ...base,
        grant: { type: 'refresh_token', refreshToken: token.refreshToken ?? '' },
      });
      const response = await transport(request);
      return parseTokenResponse(
        response,
        parseOptions(secretsOf(options, token), token.refreshToken),
      );
    };
  }
  return source;
}

/**
 * Authorize (user name, password, client id and the extra parameters such as `account_id`),
 * then exchange the code: `grant_type=authorization_code`, `code` and `client_id` only.
 */
async function signInWithCode(
  options: OAuthTokenSourceOptions,
  transport: Transport,
  parseOptions: (secrets: string[]) => Parameters<typeof parseTokenResponse>[1],
): Promise<TokenSet> {
  const grant = options.grant as Extract<SignInGrant, { type: 'headless_authorization_code' }>;
  const { scope: _scope, extraParams, ...base } = options.request;
  const secrets = secretsOf(options);
  const authorize = buildAuthorizeRequest({
    authorizeUrl: grant.authorizeUrl,
    username: grant.username,
    password: grant.password,
    clientId: base.client?.id ?? '',
    ...(extraParams === undefined ? {} : { extraParams }),
    ...(base.headers === undefined ? {} : { headers: base.headers }),
    ...(base.timeoutMs === undefined ? {} : { timeoutMs: base.timeoutMs }),
    ...(base.tls === undefined ? {} : { tls: base.tls }),
  });
  const code = parseAuthorizeResponse(await transport(authorize), parseOptions(secrets));
  const exchange: Grant = { type: 'authorization_code', code };
  const response = await transport(buildTokenRequest({ ...base, grant: exchange }));
  return parseTokenResponse(response, parseOptions([...secrets, code]));
}
