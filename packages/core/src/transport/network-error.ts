import type { ErrorCode } from '../errors/codes';
import { SwitchboardError } from '../errors/switchboard-error';
import { redactUrl } from '../redact';

const TLS_CODES = new Set([
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'CERT_UNTRUSTED',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'HOSTNAME_MISMATCH',
]);

const DESCRIPTIONS: Record<string, { what: string; hint: string }> = {
  network_dns: {
    what: 'host name not found',
    hint: 'Check the host name in the URL (typo, wrong region, or no DNS from this machine).',
  },
  network_refused: {
    what: 'connection refused',
    hint: 'Nothing listens at this host and port: check the URL, the port and that the server runs.',
  },
  network_reset: {
    what: 'connection reset',
    hint: 'The connection was closed mid-request (server restart, proxy or firewall): it is retried; if it persists check proxies.',
  },
  network_timeout: {
    what: 'no answer in time',
    hint: 'The server did not answer before the timeout: check the host is reachable, or raise the timeout.',
  },
  tls_untrusted: {
    what: 'TLS certificate not trusted',
    hint: "Add the server's CA certificate (PEM) to the connection, or, for a test appliance only, explicitly allow self-signed certificates.",
  },
  network_error: {
    what: 'network error',
    hint: 'The request could not be completed: check the URL, proxies and the network.',
  },
};

export function networkCodeOf(systemCode: string | undefined, timedOut: boolean): ErrorCode {
  if (timedOut) return 'network_timeout';
  switch (systemCode) {
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
    case 'EAI_NONAME':
      return 'network_dns';
    case 'ECONNREFUSED':
      return 'network_refused';
    case 'ECONNRESET':
    case 'EPIPE':
      return 'network_reset';
    case 'ERR_SOCKET_CONNECTION_TIMEOUT':
    case 'ETIMEDOUT':
    case 'ECONNABORTED':
    case 'ESOCKETTIMEDOUT':
      return 'network_timeout';
    default:
      return systemCode && TLS_CODES.has(systemCode) ? 'tls_untrusted' : 'network_error';
  }
}

/**
 * A failure where no HTTP response arrived. The message names the (redacted) URL and the
 * system code, never headers or bodies; the original error is not attached because it holds
 * the request configuration (Authorization header, form body).
 */
export function networkError(
  method: string,
  url: string,
  systemCode: string | undefined,
  timedOut: boolean,
): SwitchboardError {
  const code = networkCodeOf(systemCode, timedOut);
  const description = DESCRIPTIONS[code] ?? { what: 'network error', hint: '' };
  const suffix = systemCode ? ` (${systemCode})` : '';
  return new SwitchboardError({
    kind: 'network',
    code,
    message: `${method} ${redactUrl(url)} failed: ${description.what}${suffix}`,
    hint: description.hint,
  });
}
