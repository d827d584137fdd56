// Which region the account lives in, read from the token's claims (Mitel's `domain` claim,
// `<account>.<region>[.dev].api.mitel.io`), against the region the connection addresses.
import { resolveBaseUrl } from '../profiles/base-url';
import type { CredentialValues, ProviderProfile, RegionClaimDef } from '../profiles/types';

export interface RegionReading {
  /** The claim's value, e.g. `acme.eu.api.mitel.io`. */
  domain: string;
  region: string;
  ok: boolean;
  detail: string;
}

/** The region named by the claims of a who-am-I body, or of the access token if it is a JWT. */
export function readRegion(
  profile: ProviderProfile,
  credentials: CredentialValues,
  whoAmIBody: string,
  accessToken: string,
): RegionReading | undefined {
  const def = profile.regionClaim;
  if (def === undefined) return undefined;
  const domain =
    claimOf(parseObject(whoAmIBody), def.claim) ?? claimOf(jwtClaims(accessToken), def.claim);
  if (domain === undefined) return undefined;
  const region = regionOfHost(domain, def, false);
  if (region === undefined || region === '') return undefined;
  const configured = configuredRegion(profile, credentials, def);
  const where = `The token’s ${def.claim} claim (${domain}) puts the account in region ${region}`;
  if (configured === undefined) return { domain, region, ok: true, detail: `${where}.` };
  if (configured === '') {
    return {
      domain,
      region,
      ok: true,
      detail: `${where}; this connection uses the global host (Environment Region with ${region} addresses it directly).`,
    };
  }
  // `us-west-2.us` in a host is a part of region `us`.
  if (configured === region || configured.endsWith(`.${region}`))
    return { domain, region, ok: true, detail: `${where}, as configured.` };
  return {
    domain,
    region,
    ok: false,
    detail: `${where}, but this connection is set to region ${configured}: set Region to ${region}.`,
  };
}

/**
 * The region part of `<first label>.<region>[.dev].<hostSuffix>`; '' for the global host;
 * undefined when the host is not one of the provider's.
 */
function regionOfHost(host: string, def: RegionClaimDef, isUrl: boolean): string | undefined {
  const name = host.toLowerCase();
  const suffix = `.${def.hostSuffix.toLowerCase()}`;
  if (!name.endsWith(suffix)) return undefined;
  const labels = name.slice(0, -suffix.length).split('.');
  labels.shift(); // the account (claim) or the service (URL)
  if (labels[labels.length - 1] === 'dev') labels.pop();
  return isUrl || labels.length > 0 ? labels.join('.') : '';
}

function configuredRegion(
  profile: ProviderProfile,
  credentials: CredentialValues,
  def: RegionClaimDef,
): string | undefined {
  try {
    const url = new URL(resolveBaseUrl(profile, credentials, Object.keys(profile.baseUrls)[0]));
    return regionOfHost(url.hostname, def, true);
  } catch {
    return undefined;
  }
}

function parseObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null
      ? (value as Record<string, unknown>)
      : undefined;
  } catch {
    return undefined;
  }
}

/** The payload of a JWT access token; undefined for opaque tokens. */
function jwtClaims(token: string): Record<string, unknown> | undefined {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === undefined) return undefined;
  return parseObject(Buffer.from(parts[1], 'base64url').toString('utf8'));
}

/** `claims.<name>` (Mitel's who-am-I shape) or `<name>` at the top. */
function claimOf(body: Record<string, unknown> | undefined, name: string): string | undefined {
  if (body === undefined) return undefined;
  const nested = body.claims;
  const claims =
    typeof nested === 'object' && nested !== null ? (nested as Record<string, unknown>) : body;
  const value = claims[name] ?? body[name];
  return typeof value === 'string' && value !== '' ? value : undefined;
}
