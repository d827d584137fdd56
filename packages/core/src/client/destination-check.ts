// The bearer token goes only to the provider's own origins, and not in clear text. Every page
// of a listing goes to the same origin, so an origin that passed is remembered: later URLs on
// it are recognised by a string comparison instead of being parsed again.
import { configurationError } from '../errors/configuration-error';
import { redactUrl } from '../redact';
import { assertSecureTransport } from '../transport/insecure-http';

export interface DestinationCheckOptions {
  /** Origins (`https://host:port`) the token may be sent to; default: any origin. */
  allowedOrigins?: readonly string[];
  /** Send the token over plain HTTP to a non-loopback host anyway (explicit opt-in). */
  allowInsecureHttp?: boolean;
  provider?: string;
}

/**
 * Whether `url` certainly has `origin` as its origin without parsing it: it starts with the
 * origin (as `URL.origin` spells it: lower-case host, no default port, no user info) followed
 * by the end, a path, a query or a fragment. Anything else (`https://host@evil`, `:443`,
 * upper case, backslashes) is left to the URL parser.
 */
export function startsWithOrigin(url: string, origin: string): boolean {
  if (!url.startsWith(origin)) return false;
  if (url.length === origin.length) return true;
  const next = url.charCodeAt(origin.length);
  return next === 0x2f /* / */ || next === 0x3f /* ? */ || next === 0x23; /* # */
}

/** A client talks to one or a few origins; a bound keeps a caller with many from growing it. */
const MAX_REMEMBERED = 16;

/** The origin, or undefined for a string that is no URL (the request builder reports those). */
function originOf(url: string): string | undefined {
  try {
    return new URL(url).origin;
  } catch {
    return undefined;
  }
}

export class DestinationCheck {
  /** Origins that passed both checks (at most the allowed ones, or the few a client uses). */
  private readonly passed: string[] = [];

  constructor(private readonly options: DestinationCheckOptions = {}) {}

  /** Throws a configuration error unless the token may be sent to `url`. */
  check(url: string): void {
    for (const origin of this.passed) if (startsWithOrigin(url, origin)) return;
    const { provider, allowedOrigins, allowInsecureHttp } = this.options;
    assertSecureTransport(url, 'Request URL', allowInsecureHttp, provider);
    const origin = originOf(url);
    if (
      allowedOrigins !== undefined &&
      (origin === undefined || !allowedOrigins.includes(origin))
    ) {
      throw configurationError(
        `Request URL "${redactUrl(url)}" is not on ${provider ?? 'the provider'}'s API (${allowedOrigins.join(', ')}): the token is only sent there.`,
        'Use a URL on the connection’s base URL (or a path relative to it with custom.request).',
        provider,
      );
    }
    // `null` is the origin of URLs without a host (such as file:): nothing to remember.
    if (origin !== undefined && origin !== 'null' && this.passed.length < MAX_REMEMBERED)
      this.passed.push(origin);
  }
}
