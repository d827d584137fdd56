// A hostile or careless provider may echo what it was sent (the bearer token, a secret) in a
// successful answer, in its body or in a response header. Results reach node outputs
// (msg.payload, msg.headers, n8n items), so the credential's secrets are masked there too.
// Cheap when nothing is echoed: one substring search per secret, of a short rare piece first.
import type { HttpResponse } from '../transport/types';
import { SecretSearch } from './secret-probe';

const MASK = '***';
/** Shorter strings are not searched for: masking every "ab" would ruin data. */
const MIN_SECRET_LENGTH = 8;

function usable(secrets: readonly (string | undefined)[]): string[] {
  const list: string[] = [];
  for (const secret of secrets)
    if (typeof secret === 'string' && secret.length >= MIN_SECRET_LENGTH) list.push(secret);
  return list;
}

function maskText(text: string, secrets: readonly string[]): string {
  let result = text;
  for (const secret of secrets)
    if (result.includes(secret)) result = result.split(secret).join(MASK);
  return result;
}

/**
 * Masks one credential's secrets (the client secret, the token sent and its refresh token) in
 * raw responses. Runs on every page of a listing: when nothing is echoed (the usual case) it
 * only searches, one native substring search of the body per secret through probes kept from
 * page to page (see secret-probe.ts), and allocates nothing.
 */
export class EchoedSecrets {
  private readonly list: string[];
  private readonly search: SecretSearch;

  constructor(secrets: readonly (string | undefined)[]) {
    this.list = usable(secrets);
    this.search = new SecretSearch(this.list);
  }

  /** The raw response with every secret in its body text and header values masked. */
  mask(response: HttpResponse): HttpResponse {
    const { list, search } = this;
    if (list.length === 0) return response;
    let echoed = search.containsAny(response.body);
    if (!echoed) {
      for (const name of Object.keys(response.headers)) {
        if (search.containsAny(response.headers[name] as string)) {
          echoed = true;
          break;
        }
      }
    }
    if (!echoed) return response;
    const headers: Record<string, string> = {};
    for (const [name, value] of Object.entries(response.headers))
      headers[name] = maskText(value, list);
    return { ...response, headers, body: maskText(response.body, list) };
  }
}

/** The raw response with every secret in its body text and header values masked. */
export function maskEchoedSecrets(
  response: HttpResponse,
  secrets: readonly (string | undefined)[],
): HttpResponse {
  return new EchoedSecrets(secrets).mask(response);
}

/** Parsed data (n8n parses bodies itself) with every secret in any string masked; a copy. */
export function maskSecretsInData(
  data: unknown,
  secrets: readonly (string | undefined)[],
): unknown {
  const list = usable(secrets);
  if (list.length === 0 || data === undefined) return data;
  // One native pass to find out whether anything is echoed at all (usually not).
  const text = JSON.stringify(data) ?? '';
  if (!list.some((secret) => text.includes(JSON.stringify(secret).slice(1, -1)))) return data;
  const walk = (value: unknown): unknown => {
    if (typeof value === 'string') return maskText(value, list);
    if (Array.isArray(value)) return value.map(walk);
    if (value === null || typeof value !== 'object') return value;
    const copy: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value as Record<string, unknown>))
      copy[key] = walk(item);
    return copy;
  };
  return walk(data);
}
