import { configurationError } from '../errors/configuration-error';
import { redactUrl } from '../redact';

/** 127.0.0.0/8, ::1 and localhost: the emulator and local test servers live there. */
export function isLoopbackHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1') return true;
  return /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(host);
}

/**
 * Refuses to send a secret (client secret, password, refresh or access token) over plain HTTP
 * to a host other than loopback, unless the person opted in with `allowInsecureHttp`.
 */
export function assertSecureTransport(
  url: string,
  what: string,
  allowInsecureHttp: boolean | undefined,
  provider?: string,
): void {
  if (allowInsecureHttp === true) return;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return; // Reported as an invalid URL by the request builder.
  }
  if (parsed.protocol !== 'http:' || isLoopbackHost(parsed.hostname)) return;
  throw configurationError(
    `${what} "${redactUrl(url)}" uses plain HTTP to ${parsed.hostname}: the credentials or token would travel unencrypted.`,
    'Use an https:// URL. If this host really only speaks HTTP (a lab appliance on a trusted network), opt in explicitly: the connection option allowInsecureHttp, or the "Allow Insecure HTTP" field where the connection form has one.',
    provider,
  );
}
