// Turns a failure into words a person can act on, with what we know about the connection.
import { isSwitchboardError, SwitchboardError } from '../errors/switchboard-error';
import type { CredentialValues, ProviderProfile } from '../profiles/types';
import { resolveBaseUrl } from '../profiles/base-url';
import { credentialText } from '../profiles/values';

export interface Explained {
  code: SwitchboardError['code'];
  message: string;
  hint: string;
  status?: number;
  correlationId?: string;
}

const MITEL_OTHER: Record<string, string> = { production: 'Sandbox', sandbox: 'Production' };

/** A SwitchboardError (or anything thrown) as message + a hint tailored to this connection. */
export function explainFailure(
  profile: ProviderProfile,
  credentials: CredentialValues,
  error: unknown,
  warnings: string[],
): Explained {
  const base = isSwitchboardError(error)
    ? error
    : new SwitchboardError({
        code: 'network_error',
        kind: 'network',
        message: error instanceof Error ? error.message : String(error),
        hint: 'Check the URL, proxies and the network.',
      });
  const hints = [specificHint(profile, credentials, base), base.hint].filter((hint) => hint !== '');
  const whitespace = warnings.find((warning) => warning.includes('whitespace'));
  if (whitespace !== undefined && isCredentialRejection(base)) hints.unshift(whitespace);
  return {
    code: base.code,
    message: base.message,
    hint: unique(hints).join(' '),
    ...(base.status === undefined ? {} : { status: base.status }),
    ...(base.correlationId === undefined ? {} : { correlationId: base.correlationId }),
  };
}

function isCredentialRejection(error: SwitchboardError): boolean {
  return ['invalid_client', 'invalid_grant', 'unauthorized', 'wrong_environment'].includes(
    error.code,
  );
}

/** production / sandbox, also for region and custom base URLs (sandbox hosts say `.dev.` or `sandbox`). */
function environmentOf(profile: ProviderProfile, credentials: CredentialValues): string {
  const chosen = textOf(profile, credentials, profile.environment?.field ?? '');
  if (chosen in MITEL_OTHER) return chosen;
  let url = '';
  try {
    url = resolveBaseUrl(profile, credentials, Object.keys(profile.baseUrls)[0]);
  } catch {
    return 'production';
  }
  return /\.dev\.|sandbox/i.test(url) ? 'sandbox' : 'production';
}

function specificHint(
  profile: ProviderProfile,
  credentials: CredentialValues,
  error: SwitchboardError,
): string {
  const text = (name: string): string => textOf(profile, credentials, name);
  const urlField = profile.fields.find((field) => field.format === 'url');
  if (/tenant/i.test(error.message) && profile.fields.some((field) => /^tenant/.test(field.name))) {
    return tenantHint(text('tenant') || text('tenantDomain'));
  }
  switch (error.code) {
    case 'wrong_environment':
    case 'invalid_client':
    case 'invalid_grant':
    case 'unauthorized': {
      if (profile.environment === undefined) return '';
      const environment = environmentOf(profile, credentials);
      const other = MITEL_OTHER[environment] ?? 'Sandbox';
      const chosen =
        text(profile.environment.field) === environment
          ? `You chose ${environment}`
          : `Your base URL points at ${environment}`;
      return `${chosen}: credentials and tokens from ${other.toLowerCase()} are rejected there (and vice versa). If the id and secret are right, switch Environment to ${other}.`;
    }
    case 'account_ambiguous':
      return text('accountId') === ''
        ? 'This user or client exists in several accounts: fill in Account ID.'
        : 'The Account ID does not single out one account: check it.';
    case 'account_not_found':
      return 'Check Account ID and that it exists in the chosen environment.';
    case 'unknown_tenant':
      return tenantHint(text('tenant') || text('tenantDomain'));
    case 'invalid_scope':
    case 'insufficient_scope': {
      const scopeField = profile.token.scopeField;
      const scopes = scopeField === undefined ? '' : text(scopeField);
      const advice =
        profile.platform.diagnosis?.scopes ?? 'Ask only for scopes this client is allowed.';
      return `Requested scopes: ${scopes || '(none)'}. ${advice}`;
    }
    case 'tls_untrusted': {
      if (profile.tlsFields === undefined)
        return 'The server certificate is not trusted by this machine.';
      const hasCa = profile.tlsFields.ca !== undefined && text(profile.tlsFields.ca) !== '';
      return hasCa
        ? 'The certificate is still not trusted with the CA certificates you gave: check that the bundle holds the CA that signed this server’s certificate (or its self-signed certificate).'
        : 'The host presents a self-signed or privately issued certificate. Paste its CA certificate (PEM) into "CA Certificates"; only for a test appliance, switch on "Allow Self-Signed Certificates".';
    }
    case 'network_dns':
      return profile.environment !== undefined && text(profile.environment.field) === 'region'
        ? 'Check Region: the host name built from it does not exist.'
        : `Check the host name in ${urlField?.displayName ?? 'the URL'}.`;
    case 'network_refused':
      return `Check the port in ${urlField?.displayName ?? 'the URL'} and that the server is running.`;
    case 'network_timeout':
      return 'A firewall or proxy may be dropping the connection, or the host may be overloaded.';
    case 'invalid_request':
      return /urlencoded|form/i.test(error.hint)
        ? 'A proxy or gateway in front of the provider may be rewriting the request body.'
        : '';
    default:
      return '';
  }
}

function textOf(profile: ProviderProfile, credentials: CredentialValues, name: string): string {
  return profile.fields.some((field) => field.name === name)
    ? credentialText(profile, credentials, name)
    : '';
}

function tenantHint(tenant: string): string {
  return `The tenant "${tenant}" is not known to this host: check the tenant setting (usually the host name of your contact centre, for example acme.brightpattern.com).`;
}

function unique(items: string[]): string[] {
  return [...new Set(items)];
}
