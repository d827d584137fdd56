import type { TlsOptions } from '../transport/types';
import { credentialKey } from '../stores/credential-key';
import { DEFAULT_SERVICE, expandProfileTemplate, resolveBaseUrl } from './base-url';
import { assumedRole, type AssumedRole } from './assumed-role';
import { allowsInsecureHttp, credentialKeyParts, resolveTls, tokenSpecOf } from './token-spec';
import type { ResolvedTokenSpec } from './token-spec';
import type { CredentialValues, ProviderProfile } from './types';
import { validateCredentials } from './validate';
import { credentialText } from './values';

/**
 * One credential of one profile, validated once and resolved into everything the rest of core
 * and the platform adapters need: the token request, headers, TLS, secrets, the cache key and
 * the base URLs. Nothing downstream reads the raw values through the profile again, except
 * operations that put a credential field in a request (`text`).
 */
export interface BoundCredential {
  readonly profile: ProviderProfile;
  /** The values as given (the binding is immutable: bind again after a change). */
  readonly values: Readonly<CredentialValues>;
  /** The full grant and the token request, filled in. */
  readonly token: Readonly<ResolvedTokenSpec>;
  /** Every secret a request of this credential carries, to mask in errors. */
  readonly secrets: readonly string[];
  /** The profile's headers for every request (Mitel `X-Mitel-App`), empty ones omitted. */
  readonly headers: Readonly<Record<string, string>>;
  readonly tls: TlsOptions | undefined;
  /** The credential's own opt-in to plain HTTP (`allowInsecureHttp` field). */
  readonly allowInsecureHttp: boolean;
  /** The token cache key: identifying parts, the secrets only hashed. */
  readonly cacheKey: string;
  /** Mitel's assume-role exchange, when a role is set. */
  readonly role: AssumedRole | undefined;
  /** Origins of every service this credential resolves: the only places the token goes. */
  readonly apiOrigins: readonly string[];
  /** A service's base URL without a trailing slash; resolved once per service. */
  baseUrl(service?: string): string;
  /** A credential value as text (default applied, trimmed unless secret). */
  text(field: string): string;
}

/**
 * Validates the values against the profile once (`invalid_configuration` naming every problem)
 * and resolves them. The token source, the API client, the operation builder, diagnose and
 * the n8n credential all take the result.
 */
export function bindCredentials(
  profile: ProviderProfile,
  values: CredentialValues,
): BoundCredential {
  validateCredentials(profile, values);
  const frozen = Object.freeze({ ...values });
  const headers = profileHeaders(profile, frozen);
  const tls = resolveTls(profile, frozen);
  const insecure = allowsInsecureHttp(profile, frozen);
  const token = tokenSpecOf(profile, frozen, { headers, tls, allowInsecureHttp: insecure });
  const baseUrls = new Map<string, string>();
  const baseUrl = (service: string = DEFAULT_SERVICE): string => {
    let url = baseUrls.get(service);
    if (url === undefined) {
      url = resolveBaseUrl(profile, frozen, service);
      baseUrls.set(service, url);
    }
    return url;
  };
  return {
    profile,
    values: frozen,
    token,
    secrets: token.secrets,
    headers,
    tls,
    allowInsecureHttp: insecure,
    cacheKey: credentialKey(credentialKeyParts(profile, frozen, token), token.secrets.join('\n')),
    role: assumedRole(profile, frozen),
    apiOrigins: apiOrigins(profile, baseUrl),
    baseUrl,
    text: (field) => credentialText(profile, frozen, field),
  };
}

function profileHeaders(
  profile: ProviderProfile,
  values: CredentialValues,
): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(profile.defaultHeaders ?? {})) {
    const value = expandProfileTemplate(profile, values, template).trim();
    if (value !== '') headers[name] = value;
  }
  return headers;
}

function apiOrigins(profile: ProviderProfile, baseUrl: (service: string) => string): string[] {
  const origins = new Set<string>();
  for (const service of Object.keys(profile.baseUrls)) {
    try {
      origins.add(new URL(baseUrl(service)).origin);
    } catch {
      // Not configured for this credential (an optional service); its URLs are refused.
    }
  }
  return [...origins];
}

/** Pure: validates the credentials, then fills the profile's token endpoint with them. */
export function resolveTokenSpec(
  profile: ProviderProfile,
  values: CredentialValues,
): Readonly<ResolvedTokenSpec> {
  return bindCredentials(profile, values).token;
}
