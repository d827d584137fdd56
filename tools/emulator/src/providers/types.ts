import type { EmRequest, Reply } from '../http/types';
import type { ProviderName } from '../state/providers';

/** One emulated provider, mounted under `/<name>/`. */
export interface ProviderModule {
  name: ProviderName;
  /** Token traffic is counted and faulted separately from API traffic. */
  classify(req: EmRequest): 'token' | 'api';
  handle(req: EmRequest): Promise<Reply>;
  /** Headers added to every response of this provider, faults included (Mitel correlation id). */
  responseHeaders?(): Record<string, string>;
  /** The provider's error body for injected 5xx / 429 faults; undefined → RFC 6749 shape. */
  errorBody?(status: number, message: string, kind: 'token' | 'api'): unknown;
  /** Revokes every access and refresh token; returns how many. */
  revokeAll(): number;
  /** Revokes one access or refresh token; false when unknown. */
  revokeToken(token: string): boolean;
  /** Back to the seeded state: tokens, created objects, subscriptions. */
  reset(): void;
}
