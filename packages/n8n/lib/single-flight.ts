// n8n runs no lock around preAuthentication: every execution that finds the token empty,
// expired or rejected runs the grant. This shares one grant per credential per renewal inside
// the n8n process. Callers are grouped by a keyed hash of the credential's values and of the
// token they are replacing, so 50 executions holding the same stale (or no) token wait for one
// grant, and one that arrives later with that same stale token gets the renewed token while it
// is still valid. Across processes (queue-mode workers) nothing reachable from a credential
// can coordinate: see the README's "Token sharing".
import { createHmac, randomBytes } from 'node:crypto';
import type { CredentialValues, ProviderProfile } from '@switchboard/core';
import { needsRenewal } from '@switchboard/core';
import type { IDataObject } from 'n8n-workflow';
import { TOKEN_EXPIRES_FIELD, TOKEN_FIELD, TOKEN_OBTAINED_FIELD } from './providers';

/** Renewed tokens kept for late callers; the oldest goes first. */
const MAX_RENEWED = 200;

export interface RenewalRequest {
  profile: ProviderProfile;
  values: CredentialValues;
  /** The token the caller holds and wants replaced; '' when it has none. */
  staleToken: string;
}

export class TokenSingleFlight {
  // A per-process random key: the fingerprint reveals nothing about the secret it covers,
  // not even to someone who can guess candidate secrets.
  private readonly hashKey = randomBytes(32);
  private readonly inFlight = new Map<string, Promise<IDataObject>>();
  private readonly renewed = new Map<string, IDataObject>();

  constructor(
    private readonly now: () => number = Date.now,
    private readonly capacity = MAX_RENEWED,
  ) {}

  /** Runs `grant` unless an identical renewal is under way or has just produced a valid token. */
  async renew(request: RenewalRequest, grant: () => Promise<IDataObject>): Promise<IDataObject> {
    const key = this.fingerprint(request);
    const done = this.renewed.get(key);
    if (done !== undefined) {
      if (isStillValid(request.profile, done, this.now())) return { ...done };
      this.renewed.delete(key);
    }
    let pending = this.inFlight.get(key);
    if (pending === undefined) {
      pending = grant()
        .then((result) => {
          this.remember(key, result);
          return result;
        })
        .finally(() => this.inFlight.delete(key));
      this.inFlight.set(key, pending);
    }
    // A copy each: n8n assigns the result into each execution's own credential object.
    return { ...(await pending) };
  }

  /** How many renewed tokens are kept (for tests of the bound). */
  get size(): number {
    return this.renewed.size;
  }

  private fingerprint({ profile, values, staleToken }: RenewalRequest): string {
    const fields = Object.keys(values)
      .sort()
      .map((name) => [name, values[name]]);
    return createHmac('sha256', this.hashKey)
      .update(JSON.stringify([profile.id, fields, staleToken]))
      .digest('hex');
  }

  private remember(key: string, result: IDataObject): void {
    if (!hasLifetime(result)) return;
    this.renewed.delete(key);
    this.renewed.set(key, result);
    for (const oldest of this.renewed.keys()) {
      if (this.renewed.size <= this.capacity) break;
      this.renewed.delete(oldest);
    }
  }
}

function hasLifetime(result: IDataObject): boolean {
  const expiresAt = Number(result[TOKEN_EXPIRES_FIELD]);
  return typeof result[TOKEN_FIELD] === 'string' && Number.isFinite(expiresAt) && expiresAt > 0;
}

function isStillValid(profile: ProviderProfile, result: IDataObject, now: number): boolean {
  const token = {
    accessToken: String(result[TOKEN_FIELD]),
    tokenType: 'Bearer',
    obtainedAt: Number(result[TOKEN_OBTAINED_FIELD]) || 0,
    expiresAt: Number(result[TOKEN_EXPIRES_FIELD]),
  };
  return !needsRenewal(token, profile.renewal, now);
}
