import type { ProviderName } from './providers';

export interface CounterSnapshot {
  tokenRequests: {
    total: number;
    byProvider: Record<string, number>;
    byCredential: Record<string, number>;
  };
  apiRequests: {
    total: number;
    byProvider: Record<string, number>;
    byPath: Record<string, number>;
  };
  /** 401 responses served (token and API). */
  unauthorized: { total: number; byProvider: Record<string, number> };
  /** Faults that were actually applied. */
  faultsApplied: { total: number; byKind: Record<string, number> };
}

/** Request counters. Plain maps: incrementing is the only per-request work. */
export class Counters {
  private tokenByProvider = new Map<string, number>();
  private tokenByCredential = new Map<string, number>();
  private apiByProvider = new Map<string, number>();
  private apiByPath = new Map<string, number>();
  private unauthorizedByProvider = new Map<string, number>();
  private faultsByKind = new Map<string, number>();

  tokenRequest(provider: ProviderName): void {
    bump(this.tokenByProvider, provider);
  }

  /** Credential ids are client ids / user names, never secrets: `mitel:prod:<clientId>`. */
  tokenCredential(provider: ProviderName, credentialId: string): void {
    bump(this.tokenByCredential, `${provider}:${credentialId}`);
  }

  apiRequest(provider: ProviderName, path: string): void {
    bump(this.apiByProvider, provider);
    bump(this.apiByPath, `${provider}:${path}`);
  }

  unauthorized(provider: ProviderName): void {
    bump(this.unauthorizedByProvider, provider);
  }

  fault(kind: string): void {
    bump(this.faultsByKind, kind);
  }

  snapshot(): CounterSnapshot {
    return {
      tokenRequests: {
        total: sum(this.tokenByProvider),
        byProvider: Object.fromEntries(this.tokenByProvider),
        byCredential: Object.fromEntries(this.tokenByCredential),
      },
      apiRequests: {
        total: sum(this.apiByProvider),
        byProvider: Object.fromEntries(this.apiByProvider),
        byPath: Object.fromEntries(this.apiByPath),
      },
      unauthorized: {
        total: sum(this.unauthorizedByProvider),
        byProvider: Object.fromEntries(this.unauthorizedByProvider),
      },
      faultsApplied: {
        total: sum(this.faultsByKind),
        byKind: Object.fromEntries(this.faultsByKind),
      },
    };
  }

  reset(): void {
    for (const map of [
      this.tokenByProvider,
      this.tokenByCredential,
      this.apiByProvider,
      this.apiByPath,
      this.unauthorizedByProvider,
      this.faultsByKind,
    ]) {
      map.clear();
    }
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function sum(map: Map<string, number>): number {
  let total = 0;
  for (const value of map.values()) total += value;
  return total;
}
