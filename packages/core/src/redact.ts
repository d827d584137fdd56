// Masks secrets before any text reaches a log line, an error message or a status.

const MASK = '***';

/** Query / form parameter names whose values are credentials. */
const SENSITIVE_PARAMS = [
  'client_secret',
  'password',
  'passwd',
  'access_token',
  'refresh_token',
  'id_token',
  'token',
  'secret',
  'api_key',
  'apikey',
  'code',
  'assertion',
  'client_assertion',
];

const PARAM_PATTERN = new RegExp(`([?&;](?:${SENSITIVE_PARAMS.join('|')}))=([^&#\\s"']*)`, 'gi');
const USERINFO_PATTERN = /(\/\/[^/@\s:]*):([^/@\s]*)@/g;
const JSON_FIELD_PATTERN = new RegExp(
  `("(?:${SENSITIVE_PARAMS.join('|')}|accessToken|refreshToken|clientSecret)"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  'gi',
);

/**
 * Masks credential-bearing query parameters (`client_secret`, `password`, `access_token`, ...)
 * and URL user-info passwords. The rest of the URL is left byte for byte as it was.
 */
export function redactUrl(url: string): string {
  return url.replace(PARAM_PATTERN, `$1=${MASK}`).replace(USERINFO_PATTERN, `$1:${MASK}@`);
}

/** Secrets shorter than this are not searched for: masking every "ab" would ruin messages. */
const MIN_SECRET_LENGTH = 3;

/** The forms a secret takes on the wire: as is, percent-encoded, form-encoded. */
function secretForms(secret: string): string[] {
  const forms = new Set([secret, encodeURIComponent(secret)]);
  forms.add(new URLSearchParams({ s: secret }).toString().slice(2));
  return [...forms];
}

/**
 * Replaces every occurrence of the given secrets (and their URL-encoded forms) with `***`,
 * masks credential query parameters and JSON token fields.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  const forms = secrets
    .filter((secret): secret is string => typeof secret === 'string')
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .flatMap(secretForms)
    .sort((a, b) => b.length - a.length);
  for (const form of forms) result = result.split(form).join(MASK);
  return redactUrl(result).replace(JSON_FIELD_PATTERN, `$1"${MASK}"`);
}
