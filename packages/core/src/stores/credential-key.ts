import { createHash } from 'node:crypto';

/**
 * A stable cache key for one credential: the identifying parts (provider, environment, client
 * or user id, account, scope, role) in a fixed order, and the secret only as a SHA-256 hash so
 * that a changed secret gets a new token without the secret ever being in the key.
 */
export function credentialKey(parts: Record<string, string | undefined>, secret?: string): string {
  const fields = Object.keys(parts)
    .sort()
    .flatMap((name) => {
      const value = parts[name];
      return value === undefined || value === '' ? [] : [`${name}=${encodeURIComponent(value)}`];
    });
  if (secret !== undefined && secret !== '') {
    const digest = createHash('sha256').update(`switchboard:${secret}`, 'utf8').digest('hex');
    fields.push(`secret=${digest.slice(0, 32)}`);
  }
  return fields.join('&');
}
