// Short node status texts: what the node is doing or how the last message went.
export interface NodeStatus {
  fill?: 'red' | 'green' | 'yellow' | 'blue' | 'grey';
  shape?: 'ring' | 'dot';
  text?: string;
}

export const REQUESTING_TOKEN: NodeStatus = {
  fill: 'blue',
  shape: 'ring',
  text: 'requesting token',
};
export const REFRESHING_TOKEN: NodeStatus = {
  fill: 'blue',
  shape: 'ring',
  text: 'refreshing token',
};
export const REQUESTING: NodeStatus = { fill: 'blue', shape: 'dot', text: 'requesting' };

/** A few words saying what to look at, per error code; the full hint is on msg.error. */
const SHORT_ADVICE: Record<string, string> = {
  wrong_environment: 'check environment',
  invalid_client: 'invalid client',
  invalid_grant: 'invalid credentials',
  invalid_request: 'invalid request',
  invalid_scope: 'check scopes',
  unauthorized_client: 'client not allowed',
  unsupported_grant_type: 'grant not supported',
  account_ambiguous: 'set account id',
  account_not_found: 'check account id',
  account_locked: 'account locked',
  password_change_required: 'password change required',
  password_rules: 'password rules',
  user_not_active: 'user not active',
  unknown_tenant: 'check tenant',
  unauthorized: 'check environment',
  forbidden: 'forbidden',
  insufficient_scope: 'missing scope',
  not_found: 'not found',
  conflict: 'conflict',
  validation_failed: 'invalid parameters',
  rate_limited: 'rate limited',
  server_error: 'provider error',
  unexpected_response: 'unexpected response',
  network_dns: 'host not found',
  network_refused: 'connection refused',
  network_reset: 'connection reset',
  network_timeout: 'timeout',
  tls_untrusted: 'untrusted certificate',
  network_error: 'network error',
  invalid_configuration: 'check configuration',
  store_unavailable: 'token store unavailable',
};

/** "200 · 42 records", "201", "204". */
export function successStatus(statusCode: number, records?: number): NodeStatus {
  const count =
    records === undefined ? '' : ` · ${records} ${records === 1 ? 'record' : 'records'}`;
  return { fill: 'green', shape: 'dot', text: `${statusCode}${count}` };
}

/** "401 · check environment", "timeout". */
export function errorStatus(error: { code: string; status?: number }): NodeStatus {
  const advice = SHORT_ADVICE[error.code] ?? error.code;
  const text = error.status === undefined ? advice : `${error.status} · ${advice}`;
  return { fill: 'red', shape: 'ring', text };
}
