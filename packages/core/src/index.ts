export type * from './transport/types';
export type * from './oauth/types';
export type * from './engine/types';
export type * from './profiles/types';
export type * from './operations/types';
export type { ErrorCode } from './errors/codes';
export * from './errors/switchboard-error';
// Token engine, stores, transport, API client.
export * from './engine-api';
// Provider profiles, operations, diagnose, connections.
export * from './profiles-api';
// Call-record sync and phone numbers.
export * from './sync-api';
