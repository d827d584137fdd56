// Response headers copied to msg.headers: never anything that could carry a credential, and
// nothing that describes the provider's raw body (msg.payload is already parsed).
const DROPPED = new Set([
  'set-cookie',
  'authorization',
  'proxy-authorization',
  'www-authenticate',
  'proxy-authenticate',
  'content-length',
  'content-encoding',
  'transfer-encoding',
  'connection',
  'keep-alive',
]);

export function safeResponseHeaders(headers: Record<string, string>): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (!DROPPED.has(name.toLowerCase())) kept[name.toLowerCase()] = value;
  }
  return kept;
}
