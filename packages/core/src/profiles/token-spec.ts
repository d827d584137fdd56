import type { ClientAuthPlacement, SignInGrant, TokenRequestSpec } from '../oauth/types';
import type { TlsOptions } from '../transport/types';
import { expandProfileTemplate } from './base-url';
import { ALLOW_INSECURE_HTTP_FIELD } from './shared';
import { configurationError } from '../errors/configuration-error';
import type { CredentialValues, ProviderProfile } from './types';
import { credentialBoolean, credentialText, isFieldActive } from './values';

export type FullGrant = SignInGrant;

/** The full grant and the request settings of a profile, resolved for one credential. */
export interface ResolvedTokenSpec {
  grant: FullGrant;
  request: Omit<TokenRequestSpec, 'grant'>;
  /** Every secret the request carries, to mask in errors. */
  secrets: string[];
}

/** What the token request shares with the API requests of the same credential. */
export interface SharedRequestSettings {
  headers: Record<string, string>;
  tls: TlsOptions | undefined;
  allowInsecureHttp: boolean;
}

/**
 * Pure: fills the profile's token endpoint with credentials already validated (see
 * `bindCredentials`, the only caller).
 */
export function tokenSpecOf(
  profile: ProviderProfile,
  credentials: CredentialValues,
  shared: SharedRequestSettings,
): ResolvedTokenSpec {
  const token = profile.token;
  const names = {
    clientId: 'clientId',
    clientSecret: 'clientSecret',
    username: 'username',
    password: 'password',
    ...token.credentialFields,
  };
  const text = (name: string): string => credentialText(profile, credentials, name);
  const active = (name: string): boolean => {
    const field = profile.fields.find((candidate) => candidate.name === name);
    return field !== undefined && isFieldActive(profile, credentials, field);
  };

  const grantType = token.grantField === undefined ? token.grants[0] : text(token.grantField);
  let grant: FullGrant;
  if (grantType === 'password')
    grant = { type: 'password', username: text(names.username), password: text(names.password) };
  else if (grantType === 'client_credentials' || grantType === 'account_credentials')
    grant = { type: grantType };
  else if (grantType === 'authorization_code' && token.authorizeUrl !== undefined) {
    grant = {
      type: 'headless_authorization_code',
      authorizeUrl: expandProfileTemplate(profile, credentials, token.authorizeUrl),
      username: text(names.username),
      password: text(names.password),
    };
  } else {
    throw configurationError(
      `${profile.displayName} cannot sign in with the grant "${grantType ?? ''}".`,
      `Choose one of: ${token.grants.filter((name) => name !== 'refresh_token').join(', ')}.`,
      profile.id,
    );
  }

  const request: Omit<TokenRequestSpec, 'grant'> = {
    tokenUrl: expandProfileTemplate(profile, credentials, token.url),
  };
  const clientId = active(names.clientId) ? text(names.clientId) : '';
  const clientSecret = active(names.clientSecret) ? text(names.clientSecret) : '';
  if (clientId !== '') {
    // The authorization code is exchanged with client_id in the form, as Mitel documents it.
    const chosen =
      token.clientAuthField !== undefined && active(token.clientAuthField)
        ? text(token.clientAuthField)
        : '';
    const placement =
      grant.type === 'headless_authorization_code' ? 'body' : chosen || token.clientAuth;
    const encoding =
      (token.basicEncodingField === undefined ? '' : text(token.basicEncodingField)) ||
      token.basicEncoding;
    request.client = {
      id: clientId,
      placement: placement as ClientAuthPlacement,
      ...(clientSecret === '' ? {} : { secret: clientSecret }),
      ...(encoding === 'raw' || encoding === 'strict' ? { basicEncoding: encoding } : {}),
    };
  }
  const scope = token.scopeField === undefined ? '' : text(token.scopeField);
  if (scope !== '') request.scope = scope;
  const extraParams = resolveExtraParams(profile, credentials);
  if (Object.keys(extraParams).length > 0) request.extraParams = extraParams;
  if (token.paramsIn !== undefined) request.paramsIn = token.paramsIn;
  if (Object.keys(shared.headers).length > 0) request.headers = shared.headers;
  if (shared.tls !== undefined) request.tls = shared.tls;
  if (shared.allowInsecureHttp) request.allowInsecureHttp = true;

  const secrets = [clientSecret, 'password' in grant ? grant.password : ''].filter(
    (secret) => secret !== '',
  );
  return { grant, request, secrets };
}

function resolveExtraParams(
  profile: ProviderProfile,
  credentials: CredentialValues,
): Record<string, string> {
  const params: Record<string, string> = {};
  for (const [name, template] of Object.entries(profile.token.extraParams ?? {})) {
    const value = expandProfileTemplate(profile, credentials, template).trim();
    if (value !== '') params[name] = value;
  }
  const field = profile.token.extraParamsField;
  const json = field === undefined ? '' : credentialText(profile, credentials, field);
  if (json !== '') {
    // validateCredentials has already proved it is a JSON object.
    for (const [name, value] of Object.entries(JSON.parse(json) as Record<string, unknown>)) {
      if (value !== undefined && value !== null && value !== '') params[name] = String(value);
    }
  }
  return params;
}

/** The explicit opt-in field for plain HTTP (`ALLOW_INSECURE_HTTP_FIELD`), where a profile has it. */
export function allowsInsecureHttp(
  profile: ProviderProfile,
  credentials: CredentialValues,
): boolean {
  const field = profile.fields.find(
    (candidate) => candidate.name === ALLOW_INSECURE_HTTP_FIELD.name,
  );
  return field !== undefined && credentialBoolean(credentials, field);
}

/** TLS settings of on-premises profiles; undefined when nothing differs from the defaults. */
export function resolveTls(
  profile: ProviderProfile,
  credentials: CredentialValues,
): TlsOptions | undefined {
  const fields = profile.tlsFields;
  if (fields === undefined) return undefined;
  const ca = fields.ca === undefined ? '' : credentialText(profile, credentials, fields.ca);
  const allowField = profile.fields.find((field) => field.name === fields.allowSelfSigned);
  const allowSelfSigned = credentialBoolean(credentials, allowField);
  if (ca === '' && !allowSelfSigned) return undefined;
  return { ...(ca === '' ? {} : { ca }), ...(allowSelfSigned ? { allowSelfSigned: true } : {}) };
}

/** What identifies the credential in a cache key (the secret is hashed separately). */
export function credentialKeyParts(
  profile: ProviderProfile,
  credentials: CredentialValues,
  spec: ResolvedTokenSpec,
): Record<string, string> {
  const assume = profile.token.assumeRole;
  return {
    provider: profile.id,
    tokenUrl: spec.request.tokenUrl,
    grant: spec.grant.type,
    clientId: spec.request.client?.id ?? '',
    username: 'username' in spec.grant ? spec.grant.username : '',
    params: JSON.stringify(spec.request.extraParams ?? {}),
    scope: spec.request.scope ?? '',
    role: assume === undefined ? '' : credentialText(profile, credentials, assume.roleField),
    roleAccount:
      assume === undefined ? '' : credentialText(profile, credentials, assume.accountIdField),
  };
}
