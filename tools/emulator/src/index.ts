export { startEmulator, type Emulator, type EmulatorOptions } from './emulator';
export { EmulatorControl } from './control/control';
export { EMULATOR_SEED, type EmulatorSeed, type MitelRole, type MitelEnv } from './seed/seed';
export type { CounterSnapshot } from './state/counters';
export type { FaultSpec, FaultKind, FaultTarget } from './state/faults';
export { PROVIDERS, DEFAULT_LIFETIMES, type ProviderName } from './state/providers';
export type { DeliveryResult } from './notifications/deliver';
export type { NotificationRequest, MitelSubscription } from './providers/mitel/notifications';
export type { SangomaEventRequest } from './providers/sangoma/events';
export type { SangomaWebhook } from './providers/sangoma/api';
export type { LoggedRequest } from './state/request-log';
export { providerModules } from './providers';
export {
  defineProvider,
  type ProviderDefinition,
  type EmulatorConnection,
  type ConnectionValue,
} from './providers/types';
