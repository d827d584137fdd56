import { PROVIDERS, toProviderName, type ProviderName } from './providers';

export const FAULT_KINDS = [
  'latency',
  'status',
  'rate-limit',
  'reset',
  'malformed-json',
  'html',
] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];
export type FaultTarget = 'token' | 'api' | 'any';

/** A fault applied to the next `count` matching requests of one provider. */
export interface FaultSpec {
  provider: ProviderName;
  kind: FaultKind;
  /** Which traffic: token requests, API requests or both. Default `any`. */
  target?: FaultTarget;
  /** How many requests it applies to. Default 1. */
  count?: number;
  /** Delay before answering (the whole fault for `latency`, a prefix for the others). */
  latencyMs?: number;
  /** HTTP status for `status` (default 503) and `html` (default 502). */
  status?: number;
  /** `Retry-After` seconds for `rate-limit` (default 1). */
  retryAfterSec?: number;
  /**
   * How `Retry-After` is written: delta `seconds` (default) or an HTTP `date` that many seconds
   * ahead (Mitel's own sample reads it as a date; which one Mitel sends is not documented).
   */
  retryAfterFormat?: 'seconds' | 'date';
}

interface ActiveFault {
  spec: FaultSpec;
  remaining: number;
}

/** Queued faults, consumed first-in first-out by matching requests. */
export class FaultQueue {
  private faults: ActiveFault[] = [];

  add(spec: FaultSpec): void {
    this.faults.push({ spec, remaining: spec.count ?? 1 });
  }

  /** Takes one application of the first fault matching this request, if any. */
  take(provider: ProviderName, target: 'token' | 'api'): FaultSpec | undefined {
    if (this.faults.length === 0) return undefined;
    const index = this.faults.findIndex(
      (fault) =>
        fault.spec.provider === provider &&
        (fault.spec.target ?? 'any') !== (target === 'token' ? 'api' : 'token'),
    );
    const fault = this.faults[index];
    if (!fault) return undefined;
    fault.remaining--;
    if (fault.remaining <= 0) this.faults.splice(index, 1);
    return fault.spec;
  }

  pending(): Array<FaultSpec & { remaining: number }> {
    return this.faults.map((fault) => ({ ...fault.spec, remaining: fault.remaining }));
  }

  clear(): void {
    this.faults = [];
  }
}

/** Validates a fault from the control API; throws an Error saying what is wrong. */
export function parseFaultSpec(input: unknown): FaultSpec {
  if (typeof input !== 'object' || input === null) throw new Error('fault must be a JSON object');
  const raw = input as Record<string, unknown>;
  const provider = toProviderName(raw.provider);
  if (!provider) throw new Error(`fault.provider must be one of ${PROVIDERS.join(', ')}`);
  if (!FAULT_KINDS.includes(raw.kind as FaultKind)) {
    throw new Error(`fault.kind must be one of ${FAULT_KINDS.join(', ')}`);
  }
  const target = raw.target ?? 'any';
  if (target !== 'token' && target !== 'api' && target !== 'any') {
    throw new Error('fault.target must be token, api or any');
  }
  const spec: FaultSpec = { provider, kind: raw.kind as FaultKind, target };
  for (const key of ['count', 'latencyMs', 'status', 'retryAfterSec'] as const) {
    const value = raw[key];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0) {
      throw new Error(`fault.${key} must be a non-negative integer`);
    }
    spec[key] = value;
  }
  if (raw.retryAfterFormat !== undefined) {
    if (raw.retryAfterFormat !== 'seconds' && raw.retryAfterFormat !== 'date')
      throw new Error('fault.retryAfterFormat must be seconds or date');
    spec.retryAfterFormat = raw.retryAfterFormat;
  }
  if (spec.kind === 'latency' && spec.latencyMs === undefined) {
    throw new Error('fault.latencyMs is required for a latency fault');
  }
  if (spec.status !== undefined && (spec.status < 400 || spec.status > 599)) {
    throw new Error('fault.status must be between 400 and 599');
  }
  return spec;
}
