import { json } from '../http/reply';
import type { Reply } from '../http/types';

/** RFC 6749 §5.2 error body. */
export function oauthError(
  status: number,
  error: string,
  description: string,
  headers?: Record<string, string>,
): Reply {
  return json(status, { error, error_description: description }, headers);
}

/** RFC 6750 §3 answer for a missing, unknown, expired or revoked bearer token. */
export function invalidBearer(
  description = 'The access token is invalid, expired or revoked.',
): Reply {
  return oauthError(401, 'invalid_token', description, {
    'www-authenticate': `Bearer error="invalid_token", error_description="${description}"`,
  });
}

/** Scopes from a space-separated `scope` parameter, without empties or duplicates. */
export function splitScopes(scope: string | null | undefined): string[] {
  if (!scope) return [];
  return [...new Set(scope.split(/\s+/).filter((part) => part.length > 0))];
}
