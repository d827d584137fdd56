import type { CounterSnapshot } from '../state/counters';
import type { LoggedRequest } from '../state/request-log';
import { parseFaultSpec, type FaultSpec } from '../state/faults';
import { providerNameList, toProviderName, type ProviderName } from '../state/providers';
import type { EmulatorState } from '../state/state';
import type { ProviderModule } from '../providers/types';
import type { MitelProvider } from '../providers/mitel';
import type { SangomaProvider } from '../providers/sangoma';
import type {
  MitelSubscription,
  NotificationRequest,
  DeliveryResult,
} from '../providers/mitel/notifications';
import type { SangomaWebhook } from '../providers/sangoma/api';
import { deliverSangomaEvent, type SangomaEventRequest } from '../providers/sangoma/events';
import type { InjectedRecord } from '../providers/mitel/injected-records';
import { injectMitelCallRecords, type CallRecordInjection } from './call-records';

/** In-process control of a running emulator; the `/_control` HTTP API calls the same methods. */
export class EmulatorControl {
  constructor(
    private readonly state: EmulatorState,
    private readonly providers: ReadonlyMap<ProviderName, ProviderModule>,
  ) {}

  // The Mitel and Sangoma routes below drive features only those two modules have.
  private get mitel(): MitelProvider {
    return this.provider('mitel') as MitelProvider;
  }

  private get sangoma(): SangomaProvider {
    return this.provider('sangoma') as SangomaProvider;
  }

  counters(): CounterSnapshot {
    return this.state.counters.snapshot();
  }

  resetCounters(): void {
    this.state.counters.reset();
  }

  /** The last 200 provider requests (status 0 = connection reset), without credentials. */
  recentRequests(provider?: ProviderName | string): LoggedRequest[] {
    return this.state.requests.recent(
      provider === undefined ? undefined : requireProvider(provider),
    );
  }

  /** Everything back to the seeded state: counters, faults, tokens, lifetimes, clock, subscriptions. */
  reset(): void {
    this.state.reset();
    for (const provider of this.providers.values()) provider.reset();
  }

  setTokenLifetime(provider: ProviderName | string, seconds: number): void {
    this.state.setLifetime(requireProvider(provider), seconds);
  }

  tokenLifetime(provider: ProviderName | string): number {
    return this.state.lifetime(requireProvider(provider));
  }

  /** Revokes every token (access and refresh) of one provider; returns how many. */
  revokeTokens(provider: ProviderName | string): number {
    return this.provider(provider).revokeAll();
  }

  /** Revokes one access or refresh token, whichever provider issued it. */
  revokeToken(token: string): boolean {
    for (const provider of this.providers.values()) if (provider.revokeToken(token)) return true;
    return false;
  }

  injectFault(spec: FaultSpec): void {
    this.state.faults.add(parseFaultSpec(spec));
  }

  pendingFaults(): ReturnType<EmulatorState['faults']['pending']> {
    return this.state.faults.pending();
  }

  clearFaults(): void {
    this.state.faults.clear();
  }

  /** Moves the emulator clock forward: tokens expire without waiting. */
  advanceClock(seconds: number): void {
    if (!Number.isFinite(seconds) || seconds < 0) throw new Error('seconds must be a number >= 0');
    this.state.clock.advance(seconds);
  }

  listSubscriptions(): MitelSubscription[] {
    return this.mitel.subscriptions.list();
  }

  /** POSTs a Mitel notification to matching webhook subscriptions; reports each webhook's status. */
  deliverNotification(request: NotificationRequest = {}): Promise<DeliveryResult[]> {
    return this.mitel.subscriptions.deliver(request, (env) => this.mitel.directory(env));
  }

  /** Adds Mitel call records to the history now (late / out of order); reset() removes them. */
  injectCallRecords(request: CallRecordInjection): InjectedRecord[] {
    return injectMitelCallRecords(this.mitel, request, this.state.clock.now());
  }

  listSangomaWebhooks(): SangomaWebhook[] {
    return this.sangoma.webhooks();
  }

  deliverSangomaEvent(request: SangomaEventRequest = {}): Promise<DeliveryResult[]> {
    return deliverSangomaEvent(this.sangoma.webhooks(), request, this.state.clock.now());
  }

  private provider(name: ProviderName | string): ProviderModule {
    return this.providers.get(requireProvider(name)) as ProviderModule;
  }
}

function requireProvider(value: unknown): ProviderName {
  const name = toProviderName(value);
  if (!name) {
    throw new Error(`unknown provider ${JSON.stringify(value)}; use ${providerNameList()}`);
  }
  return name;
}
