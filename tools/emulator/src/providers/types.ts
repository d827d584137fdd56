import type { EmRequest, Reply } from '../http/types';
import type { SeedOptions } from '../seed/seed';
import type { ProviderName } from '../state/providers';
import type { EmulatorState } from '../state/state';

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

/** A value of a core profile's credential field (core's `FieldValue`). */
export type ConnectionValue = string | number | boolean | string[];

/** What a test or demo needs to point core's profile `profileId` at this emulator. */
export interface EmulatorConnection {
  profileId: string;
  /** Credential values for that profile, its (fake, seeded) secrets included. */
  values: Record<string, ConnectionValue>;
}

/**
 * One entry of the emulator's provider list (`providers/index.ts`): everything the emulator, its
 * CLI and the test fixtures need to know about a provider, as data.
 */
export interface ProviderDefinition<N extends string = string> {
  /** The URL prefix (`/<name>/...`) and the name counters, faults and the control API use. */
  readonly name: N;
  /** Core's profile id of this provider; the control API accepts it as well as `name`. */
  readonly profileId: string;
  /** How the CLI names it. */
  readonly title: string;
  /** Access-token lifetime in seconds, as the real provider issues them. */
  readonly tokenLifetimeSec: number;
  /** Where it answers under `baseUrl`, for the CLI listing. */
  endpoints(baseUrl: string): string;
  /** The seeded credentials a test connects with, pointed at the emulator at `baseUrl`. */
  connection(baseUrl: string): EmulatorConnection;
  /** Its seeded (fake) data, as `GET /_control/seed` and the CLI show it under `name`. */
  readonly seed: unknown;
  /** Every seeded secret and password of this provider, for leak checks. */
  readonly secrets: readonly string[];
  create(state: EmulatorState, seed: SeedOptions): ProviderModule;
}

/** Keeps `name` a literal type, so `ProviderName` is the union of the listed names. */
export function defineProvider<N extends string>(
  definition: ProviderDefinition<N>,
): ProviderDefinition<N> {
  return definition;
}
