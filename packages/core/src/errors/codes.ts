/** Stable error codes. Users match on these in Catch nodes and n8n error branches. */
export type ErrorCode =
  // token endpoint / credentials
  | 'invalid_client'
  | 'invalid_grant'
  | 'invalid_request'
  | 'invalid_scope'
  | 'unauthorized_client'
  | 'unsupported_grant_type'
  | 'wrong_environment'
  | 'account_ambiguous'
  | 'account_not_found'
  | 'account_locked'
  | 'password_change_required'
  | 'password_rules'
  | 'user_not_active'
  | 'unknown_tenant'
  // API calls
  | 'unauthorized'
  | 'forbidden'
  | 'insufficient_scope'
  | 'not_found'
  | 'conflict'
  | 'validation_failed'
  | 'rate_limited'
  | 'server_error'
  | 'unexpected_response'
  // transport
  | 'network_dns'
  | 'network_refused'
  | 'network_reset'
  | 'network_timeout'
  | 'tls_untrusted'
  | 'network_error'
  | 'response_too_large'
  // local
  | 'invalid_configuration'
  | 'store_unavailable';
