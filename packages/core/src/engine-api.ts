// Public exports of the token engine, stores, transport and API client.

// Redaction
export { redactUrl, redactText } from './redact';

// Transport
export { createAxiosTransport, DEFAULT_TIMEOUT_MS } from './transport/axios-transport';
export type { AxiosTransportOptions } from './transport/axios-transport';
export { networkError, networkCodeOf } from './transport/network-error';
export { guardHostTransport } from './transport/guard-transport';

// Errors
export { tokenErrorFromResponse } from './errors/token-error';
export { apiErrorFromResponse } from './errors/api-error';
export { parseRetryAfter } from './errors/retry-after';
export { configurationError } from './errors/configuration-error';
export type { ErrorContext } from './errors/error-context';

// Pure OAuth
export { buildTokenRequest } from './oauth/build-token-request';
export { encodeBasicAuth, formEncode } from './oauth/basic-auth';
export { parseTokenResponse, parseExpiresIn } from './oauth/parse-token-response';
export { createOAuthTokenSource } from './oauth/token-source';
export type { OAuthTokenSourceOptions } from './oauth/token-source';

// Token engine
export { needsRenewal, isExpired, DEFAULT_RENEWAL } from './engine/renewal';
export { backoffDelay, DEFAULT_RETRY } from './engine/backoff';
export { isTransient } from './engine/retry';
export { TokenManager, DEFAULT_LOCK_LEASE_MS } from './engine/token-manager';
export {
  DEFAULT_REFRESH_TOKEN_LIFETIME_SEC,
  keepTokenUntil,
  withRefreshExpiry,
} from './engine/refresh-expiry';
export { noopLogger, consoleLogger } from './engine/logger';
export { MAX_TIMER_MS } from './engine/sleep';

// Stores
export { MemoryTokenStore } from './stores/memory-store';
export { FileTokenStore } from './stores/file-store';
export type { FileTokenStoreOptions } from './stores/file-store';
export { RedisTokenStore } from './stores/redis-store';
export type { RedisTokenStoreOptions } from './stores/redis-store';
export { createTokenStore } from './stores/create-token-store';
export type { TokenStoreConfig } from './stores/create-token-store';
export { credentialKey } from './stores/credential-key';

// API client
export { ApiClient } from './client/api-client';
export type { ApiClientOptions, PageResult } from './client/api-client';
export { buildApiUrl } from './client/build-api-request';
