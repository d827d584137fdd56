// Everything a Switchboard credential type needs, derived from one core profile: the form,
// the token grant (preAuthentication), the bearer header and the Test button's request.
import type {
  BoundCredential,
  CredentialValues,
  FieldValue,
  ProviderProfile,
} from '@switchboard/core';
import {
  apiErrorFromResponse,
  bindCredentials,
  guardHostTransport,
  needsRenewal,
  splitList,
} from '@switchboard/core';
import type {
  IAuthenticateRuleResponseCode,
  ICredentialDataDecryptedObject,
  ICredentialTestRequest,
  IDataObject,
  IHttpRequestHelper,
  IHttpRequestOptions,
  INodeProperties,
} from 'n8n-workflow';
import { TokenRequestFailure } from './failure-shape';
import { fieldToProperty } from './properties';
import {
  REFRESH_TOKEN_EXPIRES_FIELD,
  REFRESH_TOKEN_FIELD,
  REFRESH_TOKEN_FOR_FIELD,
  TOKEN_EXPIRES_FIELD,
  TOKEN_FIELD,
  TOKEN_OBTAINED_FIELD,
} from './providers';
import { nextToken, persistedToken } from './refresh-token';
import { NO_CROSS_ORIGIN_CREDENTIALS } from './no-cross-origin';
import { TokenSingleFlight } from './single-flight';
import { n8nTransport } from './transport';
import { baseUrlExpression, textExpression } from './url-expression';

export function credentialProperties(profile: ProviderProfile): INodeProperties[] {
  return [
    {
      displayName: 'Access Token',
      name: TOKEN_FIELD,
      type: 'hidden',
      typeOptions: { expirable: true, password: true },
      default: '',
    },
    { displayName: 'Token Obtained At', name: TOKEN_OBTAINED_FIELD, type: 'hidden', default: 0 },
    { displayName: 'Token Expires At', name: TOKEN_EXPIRES_FIELD, type: 'hidden', default: 0 },
    {
      displayName: 'Refresh Token',
      name: REFRESH_TOKEN_FIELD,
      type: 'hidden',
      typeOptions: { password: true },
      default: '',
    },
    {
      displayName: 'Refresh Token For',
      name: REFRESH_TOKEN_FOR_FIELD,
      type: 'hidden',
      default: '',
    },
    {
      displayName: 'Refresh Token Expires At',
      name: REFRESH_TOKEN_EXPIRES_FIELD,
      type: 'hidden',
      default: 0,
    },
    ...profile.fields.map(fieldToProperty),
  ];
}

/** n8n's decrypted credential data as core's CredentialValues (profile fields only). */
export function credentialValues(
  profile: ProviderProfile,
  data: ICredentialDataDecryptedObject,
): CredentialValues {
  const values: CredentialValues = {};
  for (const field of profile.fields) {
    const value = data[field.name];
    if (field.type === 'multiOptions' && typeof value === 'string') {
      // Free-text lists (Sangoma scopes) are a text field here: commas or spaces both work.
      values[field.name] = splitList(value);
    } else if (isFieldValue(value)) values[field.name] = value;
  }
  return values;
}

/** The credential validated and resolved once, for everything one execution sends. */
export function boundCredential(
  profile: ProviderProfile,
  data: ICredentialDataDecryptedObject,
): BoundCredential {
  return bindCredentials(profile, credentialValues(profile, data));
}

function isFieldValue(value: unknown): value is FieldValue {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** One grant per credential per renewal in this process, however many executions ask. */
const renewals = new TokenSingleFlight();

/**
 * n8n runs this when the token field is empty, after a 401, and for every credential test.
 * It returns the token, its lifetime and refresh token: n8n persists them encrypted with the
 * credential. A stored refresh token is used first (see refresh-token.ts).
 */
export function preAuthentication(profile: ProviderProfile) {
  return async function (
    this: IHttpRequestHelper,
    credentials: ICredentialDataDecryptedObject,
  ): Promise<IDataObject> {
    const stale = credentials[TOKEN_FIELD];
    const staleToken = typeof stale === 'string' ? stale : '';
    try {
      const bound = boundCredential(profile, credentials);
      // Core's size limit and error redaction around n8n's helper (its deadline is n8n's own).
      const transport = guardHostTransport(n8nTransport(this.helpers.httpRequest), [
        ...bound.secrets,
      ]);
      return await renewals.renew({ profile, values: bound.values, staleToken }, async () => {
        const { token, key } = await nextToken(bound, credentials, transport);
        return persistedToken(token, key);
      });
    } catch (error) {
      throw tokenFailure(profile, error);
    }
  };
}

/** Core's failure as preAuthentication throws it: message and hint, code and status kept. */
export function tokenFailure(profile: ProviderProfile, error: unknown): Error {
  return TokenRequestFailure.from(profile.displayName, error);
}

/**
 * Adds `Authorization: Bearer <token>`. A function rather than n8n's declarative form: the
 * declarative one evaluates an expression for every request, which costs more than the
 * request itself on a fast API (see the n8n bench).
 */
export async function bearerAuthentication(
  credentials: ICredentialDataDecryptedObject,
  requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
  const token = credentials[TOKEN_FIELD];
  return {
    ...requestOptions,
    headers: {
      ...requestOptions.headers,
      Authorization: `Bearer ${typeof token === 'string' ? token : ''}`,
    },
  };
}

/**
 * The Test button: n8n always runs preAuthentication first (so a wrong id, secret or
 * environment fails there, with core's hint), then this request with the new token. Profiles
 * with a who-am-I operation call it; the others only prove the grant and reachability.
 */
export function credentialTest(profile: ProviderProfile): ICredentialTestRequest {
  const whoAmI = profile.operations.find((operation) => operation.id === profile.whoAmI);
  const headers = defaultHeaderExpressions(profile);
  if (whoAmI !== undefined) {
    return {
      request: {
        method: whoAmI.method,
        url: `={{ ${baseUrlExpression(profile, whoAmI.service ?? 'api')} + ${JSON.stringify(whoAmI.path)} }}`,
        headers,
        ...NO_CROSS_ORIGIN_CREDENTIALS,
      },
      rules: [401, 403, 404].map((status) => statusRule(profile, status)),
    };
  }
  const service = Object.keys(profile.baseUrls)[0] ?? 'api';
  return {
    request: {
      method: 'GET',
      url: `={{ ${baseUrlExpression(profile, service)} }}`,
      headers,
      ignoreHttpStatusErrors: true,
      ...NO_CROSS_ORIGIN_CREDENTIALS,
    },
  };
}

function defaultHeaderExpressions(profile: ProviderProfile): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const [name, template] of Object.entries(profile.defaultHeaders ?? {})) {
    headers[name] = textExpression(profile, template);
  }
  return headers;
}

function statusRule(profile: ProviderProfile, status: number): IAuthenticateRuleResponseCode {
  const error = apiErrorFromResponse(
    { status, headers: {}, body: '' },
    { provider: profile.id, correlationHeader: profile.correlationHeader },
  );
  return {
    type: 'responseCode',
    properties: {
      value: status,
      message: `The token was issued, but ${profile.displayName} rejected it (${status}). ${error.hint}`,
    },
  };
}

/**
 * n8n renews a token only when the field is empty or after a 401. Nodes call this before each
 * request and empty the field of their decrypted copy when the profile's renewal policy says
 * so (early for most, at expiry for Sangoma), which makes n8n run preAuthentication first.
 */
export function tokenNeedsRenewal(
  profile: ProviderProfile,
  data: ICredentialDataDecryptedObject,
  now: number,
): boolean {
  const accessToken = data[TOKEN_FIELD];
  const obtainedAt = Number(data[TOKEN_OBTAINED_FIELD]);
  const expiresAt = Number(data[TOKEN_EXPIRES_FIELD]);
  if (typeof accessToken !== 'string' || accessToken === '') return false;
  // Tokens stored before these fields existed: leave them to the 401 path.
  if (!Number.isFinite(expiresAt) || expiresAt <= 0) return false;
  const token = {
    accessToken,
    tokenType: 'Bearer',
    obtainedAt: Number.isFinite(obtainedAt) ? obtainedAt : 0,
    expiresAt,
  };
  return needsRenewal(token, profile.renewal, now);
}
