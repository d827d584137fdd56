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

// A parameter at the start of a form body counts too (`access_token=...&token_type=...`).
const PARAM_PATTERN = new RegExp(
  `((?:^|[?&;\\s])(?:${SENSITIVE_PARAMS.join('|')}))=([^&#\\s"']*)`,
  'gi',
);
// The user info of a URL: up to the last `@` of the authority (a password may contain `@`).
const USERINFO_PATTERN = /\/\/([^/?#\s@]*@)+(?=[^/?#\s@]*(?:[/?#\s]|$))/g;
const JSON_FIELD_PATTERN = new RegExp(
  `("(?:${SENSITIVE_PARAMS.join('|')}|accessToken|refreshToken|clientSecret)"\\s*:\\s*)"(?:[^"\\\\]|\\\\.)*"`,
  'gi',
);
/**
 * Credentials of an echoed `Authorization` header, whatever secret they hold: a value of at
 * least 8 token68 characters with a digit or base64 punctuation (so prose such as "Bearer
 * tokens" stays readable).
 */
const AUTH_SCHEME_PATTERN =
  /\b(Basic|Bearer|Digest|MAC)(\s+|%20|\+)(?=[A-Za-z0-9._~+/-]*[0-9+/=])[A-Za-z0-9._~+/-]{8,}=*/gi;
/** Runs of base64 long enough to hide a secret (HTTP Basic `id:secret` without its scheme). */
const BASE64_RUN = /[A-Za-z0-9+/_-]{12,}={0,2}/g;

/**
 * Masks credential-bearing query parameters (`client_secret`, `password`, `access_token`, ...)
 * and URL user info (`//user:password@`). The rest of the URL is left byte for byte as it was.
 */
export function redactUrl(url: string): string {
  return url.replace(PARAM_PATTERN, `$1=${MASK}`).replace(USERINFO_PATTERN, maskUserInfo);
}

/** `//user:password@` keeps the user name; a lone `//token@` is all secret. */
function maskUserInfo(match: string): string {
  const info = match.slice(2, -1);
  const colon = info.indexOf(':');
  return colon < 0 ? `//${MASK}@` : `//${info.slice(0, colon)}:${MASK}@`;
}

/** Secrets shorter than this are not searched for: masking every "ab" would ruin messages. */
const MIN_SECRET_LENGTH = 3;

/**
 * The text forms a secret takes on the wire: as is, percent-encoded, form-encoded and
 * JSON-escaped (also with `\/` and `\uXXXX` escapes, as some servers write them).
 */
function secretForms(secret: string): string[] {
  const json = JSON.stringify(secret).slice(1, -1);
  const forms = new Set([
    secret,
    encodeURIComponent(secret),
    new URLSearchParams({ s: secret }).toString().slice(2),
    json,
    json.replace(/\//g, '\\/'),
    json.replace(/[^\x20-\x7e]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`),
  ]);
  return [...forms];
}

function decodeBase64(run: string): string {
  return Buffer.from(run.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('latin1');
}

/** Masks base64 runs that decode to text holding a secret in any of its forms. */
function maskBase64(text: string, forms: readonly string[]): string {
  if (forms.length === 0) return text;
  // Compared as latin1 so that UTF-8 secrets match byte for byte.
  const needles = forms.map((form) => Buffer.from(form, 'utf8').toString('latin1'));
  return text.replace(BASE64_RUN, (run) => {
    // The run may start a few characters early (`Basic%20...`, `x-...`): try each alignment.
    for (let offset = 0; offset < 4; offset += 1) {
      const decoded = decodeBase64(run.slice(offset));
      if (needles.some((needle) => decoded.includes(needle)))
        return `${run.slice(0, offset)}${MASK}`;
    }
    return run;
  });
}

/**
 * Replaces every occurrence of the given secrets with `***`, in each form a secret takes on the
 * wire (as is, percent- and form-encoded, JSON-escaped, and inside base64 such as HTTP Basic
 * `id:secret`), masks echoed `Authorization` credentials, credential query parameters, URL user
 * info and JSON token fields.
 */
export function redactText(text: string, secrets: readonly (string | undefined)[] = []): string {
  let result = text;
  const forms = secrets
    .filter((secret): secret is string => typeof secret === 'string')
    .filter((secret) => secret.length >= MIN_SECRET_LENGTH)
    .flatMap(secretForms)
    .sort((a, b) => b.length - a.length);
  result = maskBase64(result, forms);
  for (const form of forms) result = result.split(form).join(MASK);
  return redactUrl(result)
    .replace(AUTH_SCHEME_PATTERN, `$1$2${MASK}`)
    .replace(JSON_FIELD_PATTERN, `$1"${MASK}"`);
}
