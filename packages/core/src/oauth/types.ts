import type { HttpMethod, TlsOptions } from '../transport/types';

/** A token as Switchboard keeps it. Times are epoch milliseconds. */
export interface TokenSet {
  accessToken: string;
  /** Normalised: 'Bearer' whatever case the provider used. */
  tokenType: string;
  obtainedAt: number;
  expiresAt: number;
  refreshToken?: string;
  /**
   * When `refreshToken` stops working, as far as known (the profile's declared lifetime, or a
   * conservative default): stores keep the token at least this long so it can still be refreshed.
   */
  refreshExpiresAt?: number;
  scope?: string;
}

export type GrantType =
  | 'client_credentials'
  | 'account_credentials'
  | 'password'
  | 'refresh_token'
  | 'authorization_code';

/** What one token request sends (`grant_type` and its parameters). */
export type Grant =
  | { type: 'client_credentials' }
  /** Zoom server-to-server OAuth: like client credentials, the account id in extra parameters. */
  | { type: 'account_credentials' }
  | { type: 'password'; username: string; password: string }
  | { type: 'refresh_token'; refreshToken: string }
  | { type: 'authorization_code'; code: string };

/**
 * Mitel's headless authorization-code sign-in: `POST <authorizeUrl>` (form: response_type=code,
 * username, password, client_id, account_id) answers `{code}`, which the token request then
 * exchanges (`grant_type=authorization_code`, `code`, `client_id`).
 */
export interface HeadlessAuthorizationCodeGrant {
  type: 'headless_authorization_code';
  authorizeUrl: string;
  username: string;
  password: string;
}

/** A grant that signs in from scratch: what a token source runs when it has no usable token. */
export type SignInGrant =
  | Exclude<Grant, { type: 'refresh_token' } | { type: 'authorization_code' }>
  | HeadlessAuthorizationCodeGrant;

/** Where the client id / secret go (RFC 6749 §2.3); never two places at once. */
export type ClientAuthPlacement = 'body' | 'basic' | 'query';

/**
 * How id and secret are encoded before base64 in HTTP Basic: `strict` form-urlencodes them
 * first (RFC 6749 §2.3.1), `raw` uses them as they are (what many real servers expect).
 */
export type BasicEncoding = 'strict' | 'raw';

export interface ClientCredentials {
  id: string;
  secret?: string;
  placement: ClientAuthPlacement;
  basicEncoding?: BasicEncoding;
}

/** Everything needed to build one token request, resolved from a profile and credentials. */
export interface TokenRequestSpec {
  tokenUrl: string;
  grant: Grant;
  client?: ClientCredentials;
  /** Space-separated scopes. */
  scope?: string;
  /** Extra form parameters (Mitel `account_id`, Bright Pattern `tenant`, ...). */
  extraParams?: Record<string, string>;
  /** Dell CloudLink Center wants every parameter in the query string and no body. */
  paramsIn?: 'body' | 'query';
  method?: HttpMethod;
  headers?: Record<string, string>;
  timeoutMs?: number;
  tls?: TlsOptions;
  /** Send secrets over plain HTTP to a non-loopback host anyway (explicit opt-in). */
  allowInsecureHttp?: boolean;
  /** Largest token response accepted, bytes; default MAX_TOKEN_RESPONSE_BYTES. */
  maxResponseBytes?: number;
}

export interface ParseTokenOptions {
  /** Epoch ms at which the response was received. */
  now: number;
  /** Used when the response has no usable `expires_in`, in seconds. */
  defaultExpiresInSec: number;
  provider?: string;
  /** Previous refresh token, kept when a refresh response omits a new one. */
  previousRefreshToken?: string;
  /** Secrets to mask in the error raised for a non-2xx response. */
  secrets?: string[];
  /** Response header carrying the provider's correlation id. */
  correlationHeader?: string;
  /** Told when the lifetime was raised to MIN_TOKEN_LIFETIME_SEC (safe text). */
  warn?: (message: string) => void;
}
