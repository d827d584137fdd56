// Small readings of successful answers: who-am-I claims, granted scopes.
import { SwitchboardError } from '../errors/switchboard-error';
import type { ProviderProfile } from '../profiles/types';

/** `principal p-1, account a-1, role ACCOUNT_ADMIN` from Mitel `{claims: {...}}` (or flat). */
export function describeClaims(body: string): string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return '';
  }
  if (typeof value !== 'object' || value === null) return '';
  const record = value as Record<string, unknown>;
  const claims = (
    typeof record.claims === 'object' && record.claims !== null ? record.claims : record
  ) as Record<string, unknown>;
  const parts: string[] = [];
  for (const [key, label] of [
    ['principalId', 'principal'],
    ['accountId', 'account'],
    ['role', 'role'],
  ] as const) {
    const item = claims[key];
    if (typeof item === 'string' && item !== '') parts.push(`${label} ${item}`);
  }
  return parts.join(', ');
}

export type ScopeCheck = { ok: true; detail: string } | { ok: false; error: SwitchboardError };

/**
 * For profiles whose operations need scopes (Sangoma): were the requested ones granted, and
 * which operations will therefore fail? Undefined when the profile has no scoped operations.
 */
export function scopeCheck(
  profile: ProviderProfile,
  requested: string | undefined,
  granted: string | undefined,
): ScopeCheck | undefined {
  const scoped = profile.operations.filter((operation) => operation.requiredScope !== undefined);
  if (scoped.length === 0) return undefined;
  const have = new Set((granted ?? requested ?? '').split(/\s+/).filter(Boolean));
  const missingRequested = (requested ?? '')
    .split(/\s+/)
    .filter((scope) => scope !== '' && !have.has(scope));
  const unavailable = scoped.filter((operation) => !have.has(operation.requiredScope ?? ''));
  const unavailableText = unavailable
    .map((operation) => `${operation.displayName} (${operation.requiredScope})`)
    .join(', ');
  if (missingRequested.length > 0) {
    return {
      ok: false,
      error: new SwitchboardError({
        code: 'insufficient_scope',
        kind: 'token',
        provider: profile.id,
        message: `The token was granted without the scope(s) ${missingRequested.join(', ')}${unavailableText === '' ? '' : `; these operations will fail: ${unavailableText}`}.`,
        hint: '',
      }),
    };
  }
  return {
    ok: true,
    detail:
      unavailable.length === 0
        ? `Granted scopes cover every operation: ${[...have].join(' ')}.`
        : `Granted: ${[...have].join(' ')}. Not covered (add the scope to use them): ${unavailableText}.`,
  };
}
