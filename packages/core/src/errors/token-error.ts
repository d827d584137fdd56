import type { HttpResponse } from '../transport/types';
import type { ErrorCode } from './codes';
import type { SwitchboardError } from './switchboard-error';
import { readErrorBody, stringField, type ErrorBody } from './response-body';
import type { ErrorContext } from './error-context';
import { responseError, type ExtractedError } from './response-error';

const RFC_CODES: ReadonlySet<string> = new Set([
  'invalid_client',
  'invalid_grant',
  'invalid_request',
  'invalid_scope',
  'unauthorized_client',
  'unsupported_grant_type',
]);

/** Mitel CloudLink `{name}` values and what they mean in OAuth terms. */
const MITEL_NAMES: Record<string, ErrorCode> = {
  ClientSecretMismatch: 'invalid_client',
  ClientNotActive: 'user_not_active',
  ClientNotFound: 'invalid_client',
  InvalidLoginCredentials: 'invalid_grant',
  InvalidRefreshToken: 'invalid_grant',
  UserNotFound: 'invalid_grant',
  AuthenticationFailure: 'invalid_grant',
  UserNotActive: 'user_not_active',
  AccountNotFound: 'account_not_found',
  MissingParameters: 'invalid_request',
  InvalidGrantType: 'unsupported_grant_type',
  InvalidScope: 'invalid_scope',
  MultipleAccounts: 'account_ambiguous',
  WrongEnvironment: 'wrong_environment',
};

/** Mitel 422 `{error: "401" | "451" | "452"}`. */
const MITEL_422: Record<string, ErrorCode> = {
  '401': 'account_locked',
  '451': 'password_change_required',
  '452': 'password_rules',
};

export const TOKEN_HINTS: Record<string, string> = {
  invalid_client:
    'Check the client id and client secret (copy them again: a trailing space or newline is a common cause).',
  invalid_grant:
    'The username / password or refresh token was rejected: check them and that the user belongs to this account.',
  invalid_request:
    'A required parameter is missing or malformed: check the account id, tenant, scope and grant type.',
  invalid_scope: 'Ask only for scopes this client is allowed to use (check the scope list).',
  unauthorized_client:
    'This client is not allowed to use this grant type: enable it at the provider or choose another grant.',
  unsupported_grant_type:
    'The server does not support this grant type: use one your provider documents.',
  wrong_environment:
    "The credentials belong to another environment: production and sandbox do not accept each other's credentials or tokens.",
  account_ambiguous: 'The username exists in several accounts: set the account id.',
  account_not_found: 'No such account: check the account id and the environment.',
  account_locked: 'The user is locked out after failed logins: unlock it at the provider or wait.',
  password_change_required:
    'The user must change its password before it can log in: sign in once interactively and change it.',
  password_rules: "The password does not meet the provider's password rules: set a compliant one.",
  user_not_active: 'The user or client is not active: activate it at the provider.',
  unknown_tenant: 'The tenant was not recognised: check the tenant URL in the credential.',
  rate_limited:
    'Too many token requests: wait before retrying and make sure tokens are cached (and shared between processes).',
  server_error: 'The provider had a problem answering: try again later.',
  not_found: 'Nothing answers at this token URL: check the host, the path and the environment.',
  unexpected_response:
    'The token endpoint did not answer like an OAuth server: check the token URL (a proxy, a login page or another service may have answered).',
};

const FORM_HINT =
  'The token endpoint needs an application/x-www-form-urlencoded body (not JSON): check the request format.';
const MITEL_ENVIRONMENT_HINT =
  " Also check the environment: production and sandbox reject each other's credentials.";

interface Extracted extends ExtractedError {
  /** Mitel 422 `{error: "401" | "451" | "452"}`. */
  subCode?: string;
}

function extract(body: ErrorBody): Extracted {
  if (body.kind === 'json') {
    const value = body.value;
    const error = stringField(value, 'error');
    const name = stringField(value, 'name');
    const nested = value['error'];
    const nestedMessage =
      nested !== null && typeof nested === 'object'
        ? stringField(nested as Record<string, unknown>, 'message')
        : undefined;
    const description =
      stringField(value, 'error_description') ?? stringField(value, 'message') ?? nestedMessage;
    const numeric = error !== undefined && /^\d+$/.test(error);
    const providerCode = numeric ? (name ?? error) : (error ?? name);
    return {
      ...(providerCode !== undefined ? { providerCode } : {}),
      ...(description !== undefined ? { description } : {}),
      ...(numeric ? { subCode: error } : {}),
    };
  }
  if (body.kind === 'text') {
    // Some servers answer form-encoded errors (`error=invalid_client&error_description=...`).
    const params = new URLSearchParams(body.text);
    const error = params.get('error');
    if (error && /^[a-z_]+$/.test(error)) {
      const description = params.get('error_description') ?? undefined;
      return { providerCode: error, ...(description ? { description } : {}) };
    }
    return { description: body.text };
  }
  if (body.kind === 'html' && body.title) return { description: body.title };
  return {};
}

const mentionsForm = (text: string): boolean =>
  /urlencoded|form[- ]?(data|body|encoded)|content-type/i.test(text);
const mentionsEnvironment = (text: string): boolean =>
  /\b(environment|sandbox|issuer|wrong region)\b/i.test(text);

function classify(status: number, body: ErrorBody, extracted: Extracted): ErrorCode {
  const { providerCode, description = '', subCode } = extracted;
  if (status === 429) return 'rate_limited';
  if (status >= 500) return 'server_error';
  if (subCode && MITEL_422[subCode]) return MITEL_422[subCode];
  if (providerCode && MITEL_NAMES[providerCode]) return MITEL_NAMES[providerCode];
  if (mentionsEnvironment(description)) return 'wrong_environment';
  if (providerCode && RFC_CODES.has(providerCode)) return providerCode as ErrorCode;
  if (status === 409) return 'account_ambiguous';
  if (status === 415 || mentionsForm(description)) return 'invalid_request';
  if (/tenant/i.test(description)) return 'unknown_tenant';
  if (body.kind === 'html') return status === 404 ? 'not_found' : 'unexpected_response';
  switch (status) {
    case 400:
      return 'invalid_request';
    case 401:
      return 'invalid_client';
    case 403:
      return 'unauthorized_client';
    case 404:
      return 'not_found';
    default:
      return 'unexpected_response';
  }
}

function hintFor(
  code: ErrorCode,
  status: number,
  body: ErrorBody,
  extracted: Extracted,
  ctx: ErrorContext,
): string {
  const description = extracted.description ?? '';
  if (body.kind === 'html' && code !== 'rate_limited' && code !== 'server_error') {
    return 'The server answered with an HTML page, not an OAuth response: check the token URL (a proxy, firewall or login page may be in the way).';
  }
  if (body.kind === 'empty' && code === 'unexpected_response') {
    return 'The token endpoint answered with an empty body: check the token URL and method.';
  }
  let hint =
    status === 415 || (code === 'invalid_request' && mentionsForm(description))
      ? FORM_HINT
      : (TOKEN_HINTS[code] ?? TOKEN_HINTS['unexpected_response'] ?? '');
  if (
    (code === 'invalid_client' || code === 'invalid_grant') &&
    hasSurroundingWhitespace(ctx.secrets)
  ) {
    hint += ' The secret you entered starts or ends with whitespace: remove it.';
  }
  const credentialRejected = ['invalid_client', 'invalid_grant', 'account_not_found'].includes(
    code,
  );
  if (ctx.provider === 'mitel-cloudlink' && credentialRejected) {
    hint += MITEL_ENVIRONMENT_HINT;
  }
  return hint;
}

function hasSurroundingWhitespace(secrets: readonly string[] | undefined): boolean {
  return (secrets ?? []).some((secret) => secret !== secret.trim());
}

/**
 * Turns a failed token-endpoint response into a typed error: RFC 6749 §5.2 bodies, Mitel
 * `{name, message}` (incl. 409 and 422 `{error: "401"|"451"|"452"}`), HTML pages, empty bodies.
 */
export function tokenErrorFromResponse(
  response: HttpResponse,
  ctx: ErrorContext = {},
): SwitchboardError {
  const body = readErrorBody(response);
  const extracted = extract(body);
  const code = classify(response.status, body, extracted);
  return responseError({
    kind: 'token',
    code,
    failed: 'Token request failed',
    response,
    ctx,
    extracted,
    hint: hintFor(code, response.status, body, extracted, ctx),
    note: body.kind === 'html' ? ' (HTML page)' : body.kind === 'empty' ? ' (empty body)' : '',
  });
}
