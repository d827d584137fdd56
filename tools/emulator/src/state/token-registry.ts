import { randomBytes, randomUUID } from 'node:crypto';
import type { Clock } from './clock';

export interface Issued<T> {
  token: string;
  expiresAt: number;
  issuedAt: number;
  data: T;
}

const SWEEP_THRESHOLD = 100_000;

/**
 * Tokens one provider has issued. Revoking deletes; expiry is checked on lookup against the
 * emulator clock. Expired entries are swept only when the map grows large, so issuing stays O(1).
 */
export class TokenRegistry<T> {
  private readonly tokens = new Map<string, Issued<T>>();

  constructor(
    private readonly clock: Clock,
    private readonly format: 'opaque' | 'uuid' = 'opaque',
  ) {}

  issue(data: T, lifetimeSec: number): Issued<T> {
    if (this.tokens.size > SWEEP_THRESHOLD) this.sweep();
    const now = this.clock.now();
    const token = this.format === 'uuid' ? randomUUID() : randomBytes(24).toString('base64url');
    const issued = { token, issuedAt: now, expiresAt: now + lifetimeSec * 1000, data };
    this.tokens.set(token, issued);
    return issued;
  }

  /** The live token, or undefined when unknown, revoked or expired. */
  get(token: string | undefined): Issued<T> | undefined {
    if (!token) return undefined;
    const issued = this.tokens.get(token);
    if (!issued) return undefined;
    if (issued.expiresAt <= this.clock.now()) {
      this.tokens.delete(token);
      return undefined;
    }
    return issued;
  }

  /** Seconds left, rounded down, never negative. */
  remainingSec(issued: Issued<T>): number {
    return Math.max(0, Math.floor((issued.expiresAt - this.clock.now()) / 1000));
  }

  revoke(token: string): boolean {
    return this.tokens.delete(token);
  }

  revokeWhere(predicate: (data: T) => boolean): number {
    let count = 0;
    for (const [token, issued] of this.tokens) {
      if (predicate(issued.data)) {
        this.tokens.delete(token);
        count++;
      }
    }
    return count;
  }

  clear(): number {
    const count = this.tokens.size;
    this.tokens.clear();
    return count;
  }

  private sweep(): void {
    const now = this.clock.now();
    for (const [token, issued] of this.tokens)
      if (issued.expiresAt <= now) this.tokens.delete(token);
  }
}
