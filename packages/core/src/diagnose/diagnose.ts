import { buildApiRequest } from '../client/build-api-request';
import type { ErrorCode } from '../errors/codes';
import { apiErrorFromResponse } from '../errors/api-error';
import { buildOperationRequest } from '../operations/build-request';
import { bindCredentials, type BoundCredential } from '../profiles/bind';
import { DEFAULT_MAX_API_RESPONSE_BYTES } from '../client/api-client';
import { assertSecureTransport } from '../transport/insecure-http';
import { connectionTransport } from '../transport/guard-transport';
import { createTokenSource } from '../profiles/token-source';
import type { CredentialValues, ProviderProfile } from '../profiles/types';
import { credentialWarnings } from '../profiles/validate';
import type { TokenSet } from '../oauth/types';
import { redactText, redactUrl } from '../redact';
import type { Transport } from '../transport/types';
import { explainFailure, type Explained } from './explain';
import { describeClaims, scopeCheck } from './observations';
import { readRegion } from './region';

export interface DiagnosisStep {
  name: string;
  ok: boolean;
  detail: string;
}

export interface Diagnosis {
  ok: boolean;
  summary: string;
  steps: DiagnosisStep[];
  error?: {
    code: ErrorCode;
    message: string;
    hint: string;
    status?: number;
    correlationId?: string;
  };
}

/** How a step reads in a summary. */
const STEP_LABELS: Record<string, string> = {
  configuration: 'settings check',
  token: 'sign-in',
  scopes: 'scope check',
  whoAmI: 'API check',
  region: 'region check',
};

export interface DiagnoseOptions {
  transport?: Transport;
  /** Per-request timeout; default the transport's (30 s). */
  timeoutMs?: number;
  now?: () => number;
  /** Send secrets over plain HTTP to non-loopback hosts (explicit opt-in). */
  allowInsecureHttp?: boolean;
}

/**
 * Checks a connection the way a person would: are the settings complete, does the token
 * endpoint accept them, does the API accept the token (who-am-I, where the provider has one),
 * were the requested scopes granted. Every failure comes with a hint a person can act on.
 * Always resolves; never contains a secret or a token.
 */
export async function diagnose(
  profile: ProviderProfile,
  credentials: CredentialValues,
  options: DiagnoseOptions = {},
): Promise<Diagnosis> {
  let bound: BoundCredential;
  try {
    bound = bindCredentials(profile, credentials);
  } catch (error) {
    return failedDiagnosis(profile, credentials, [], 'configuration', error);
  }
  return diagnoseBound(bound, options);
}

/** `diagnose` of a credential already bound (a connection's own): settings known to be valid. */
export async function diagnoseBound(
  bound: BoundCredential,
  options: DiagnoseOptions = {},
): Promise<Diagnosis> {
  const { profile, values: credentials } = bound;
  const steps: DiagnosisStep[] = [];
  const warnings = credentialWarnings(profile, credentials);
  const secrets = secretValues(profile, credentials);
  const fail = (name: string, error: unknown, known: string[] = secrets): Diagnosis =>
    failedDiagnosis(profile, credentials, steps, name, error, known);

  steps.push({
    name: 'configuration',
    ok: true,
    detail: ['All required settings are present.', ...warnings].join(' '),
  });

  const transport = connectionTransport(options.transport, secrets);
  const allowInsecureHttp = options.allowInsecureHttp === true || bound.allowInsecureHttp;
  const spec = bound.token;
  let token: TokenSet;
  try {
    token = await createTokenSource(bound, {
      ...(options.timeoutMs === undefined ? {} : { timeoutMs: options.timeoutMs }),
      ...(options.now === undefined ? {} : { clock: { now: options.now } }),
      ...(allowInsecureHttp ? { allowInsecureHttp } : {}),
    }).obtain(transport);
  } catch (error) {
    return fail('token', error);
  }
  const minutes = Math.round((token.expiresAt - token.obtainedAt) / 60_000);
  const tokenSecrets = [...secrets, token.accessToken, token.refreshToken ?? ''];
  // The granted scope is the provider's text: it may echo anything it was sent.
  steps.push({
    name: 'token',
    ok: true,
    detail: safe(
      `Signed in at ${redactUrl(spec.request.tokenUrl)}; the token is valid for ${minutes} min${token.scope === undefined ? '' : ` with scope "${token.scope}"`}.`,
      tokenSecrets,
    ),
  });

  const scopes = scopeCheck(profile, spec.request.scope, token.scope);
  if (scopes !== undefined) {
    if (!scopes.ok) return fail('scopes', scopes.error, tokenSecrets);
    steps.push({ name: 'scopes', ok: true, detail: safe(scopes.detail, tokenSecrets) });
  }

  let who = '';
  let warning = '';
  if (profile.whoAmI !== undefined) {
    let body: string;
    try {
      body = await callWhoAmI(
        bound,
        token,
        transport,
        tokenSecrets,
        options.timeoutMs,
        allowInsecureHttp,
      );
    } catch (error) {
      return fail('whoAmI', error, tokenSecrets);
    }
    who = describeClaims(body);
    steps.push({
      name: 'whoAmI',
      ok: true,
      detail: safe(`The API accepts the token${who === '' ? '' : `: ${who}`}.`, tokenSecrets),
    });
    const region = readRegion(profile, credentials, body, token.accessToken);
    if (region !== undefined) {
      // A region mismatch is a warning: the calls worked, but the settings say otherwise.
      steps.push({ name: 'region', ok: region.ok, detail: safe(region.detail, tokenSecrets) });
      if (!region.ok) warning = ` Warning: ${region.detail}`;
    }
  }
  return {
    ok: true,
    summary: safe(
      `${profile.displayName}: connected${who === '' ? '' : ` (${who})`}.${warning}`,
      tokenSecrets,
    ),
    steps,
  };
}

function failedDiagnosis(
  profile: ProviderProfile,
  credentials: CredentialValues,
  steps: DiagnosisStep[],
  name: string,
  error: unknown,
  known: string[] = secretValues(profile, credentials),
): Diagnosis {
  const warnings = credentialWarnings(profile, credentials);
  const explained = safe(explainFailure(profile, credentials, error, warnings), known);
  steps.push({ name, ok: false, detail: `${explained.message} ${explained.hint}` });
  return {
    ok: false,
    summary: `${profile.displayName}: ${STEP_LABELS[name] ?? name} failed (${explained.code}${explained.status === undefined ? '' : `, HTTP ${explained.status}`}).`,
    steps,
    error: explained,
  };
}

async function callWhoAmI(
  bound: BoundCredential,
  token: TokenSet,
  transport: Transport,
  secrets: string[],
  timeoutMs: number | undefined,
  allowInsecureHttp: boolean,
): Promise<string> {
  const { profile } = bound;
  const request = buildOperationRequest(bound, profile.whoAmI ?? '', {});
  const http = buildApiRequest(request, undefined, timeoutMs);
  assertSecureTransport(http.url, 'Who-am-I URL', allowInsecureHttp, profile.id);
  http.maxResponseBytes = DEFAULT_MAX_API_RESPONSE_BYTES;
  if (bound.tls !== undefined) http.tls = bound.tls;
  const response = await transport({
    ...http,
    headers: { ...http.headers, authorization: `${token.tokenType} ${token.accessToken}` },
  });
  if (response.status < 200 || response.status > 299) {
    throw apiErrorFromResponse(response, {
      provider: profile.id,
      secrets,
      ...(profile.correlationHeader === undefined
        ? {}
        : { correlationHeader: profile.correlationHeader }),
    });
  }
  return response.body;
}

function secretValues(profile: ProviderProfile, credentials: CredentialValues): string[] {
  return profile.fields
    .filter((field) => field.secret === true)
    .map((field) => credentials[field.name])
    .filter((value): value is string => typeof value === 'string' && value !== '')
    .flatMap((value) => [value, value.trim()]);
}

function safe<T extends string | Explained>(value: T, secrets: string[]): T {
  if (typeof value === 'string') return redactText(value, secrets) as T;
  const explained = value as Explained;
  return {
    ...explained,
    message: redactText(explained.message, secrets),
    hint: redactText(explained.hint, secrets),
  } as T;
}
