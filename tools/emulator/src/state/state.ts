import { Clock } from './clock';
import { Counters } from './counters';
import { FaultQueue } from './faults';
import { DEFAULT_LIFETIMES, type ProviderName } from './providers';
import { RequestLog } from './request-log';

/** Everything mutable the control API can inspect or reset, shared by every provider. */
export class EmulatorState {
  readonly clock = new Clock();
  readonly counters = new Counters();
  readonly faults = new FaultQueue();
  readonly requests = new RequestLog();
  private readonly lifetimes = new Map<ProviderName, number>();

  /** Access-token lifetime in seconds for new tokens of this provider. */
  lifetime(provider: ProviderName): number {
    return this.lifetimes.get(provider) ?? DEFAULT_LIFETIMES[provider];
  }

  setLifetime(provider: ProviderName, seconds: number): void {
    if (!Number.isInteger(seconds) || seconds < 1) {
      throw new Error(
        `token lifetime must be a whole number of seconds >= 1, got ${String(seconds)}`,
      );
    }
    this.lifetimes.set(provider, seconds);
  }

  reset(): void {
    this.clock.reset();
    this.counters.reset();
    this.faults.clear();
    this.lifetimes.clear();
    this.requests.clear();
  }
}
