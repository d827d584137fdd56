// Everything a Switchboard credential type needs, derived from one core profile: the form,
// the token grant (preAuthentication), the bearer header and the Test button's request.
import type { CredentialValues, FieldValue, ProviderProfile } from '@switchboard/core';
import {
  apiErrorFromResponse,
  isSwitchboardError,
  needsRenewal,
  obtainToken,
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
import { fieldToProperty } from './properties';
import { TOKEN_EXPIRES_FIELD, TOKEN_FIELD, TOKEN_OBTAINED_FIELD } from './providers';
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
      values[field.name] = value.split(/[\s,]+/).filter((item) => item !== '');
    } else if (isFieldValue(value)) values[field.name] = value;
  }
  return values;
}

function isFieldValue(value: unknown): value is FieldValue {
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string');
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

/** One grant per credential per renewal in this process, however many executions ask. */
const renewals = new TokenSingleFlight();

/**
 * n8n runs this when the token field is empty, after a 401, and for every credential test.
 * It returns the token and its lifetime: n8n persists them encrypted with the credential.
 */
export function preAuthentication(profile: ProviderProfile) {
  return async function (
    this: IHttpRequestHelper,
    credentials: ICredentialDataDecryptedObject,
  ): Promise<IDataObject> {
    const transport = n8nTransport(this.helpers.httpRequest);
    const values = credentialValues(profile, credentials);
    const stale = credentials[TOKEN_FIELD];
    const staleToken = typeof stale === 'string' ? stale : '';
    try {
      return await renewals.renew({ profile, values, staleToken }, async () => {
        const token = await obtainToken(profile, values, transport);
        return {
          [TOKEN_FIELD]: token.accessToken,
          [TOKEN_OBTAINED_FIELD]: token.obtainedAt,
          [TOKEN_EXPIRES_FIELD]: token.expiresAt,
        };
      });
    } catch (error) {
      throw tokenFailure(profile, error);
    }
  };
}

/**
 * A plain Error whose message carries core's message and hint. Deliberately without `response`
 * or `code`: n8n would re-run the grant on a `response.status` of 401, and its credential
 * test shows only the status or code when either is present.
 */
export function tokenFailure(profile: ProviderProfile, error: unknown): Error {
  if (isSwitchboardError(error)) {
    return new Error(error.hint ? `${error.message} — ${error.hint}` : error.message);
  }
  const detail = error instanceof Error ? error.message : String(error);
  return new Error(`${profile.displayName}: the token request failed: ${detail}`);
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
