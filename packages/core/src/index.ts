export type * from './transport/types';
export type * from './oauth/types';
export type * from './engine/types';
export type * from './profiles/types';
export type * from './operations/types';
export type { ErrorCode } from './errors/codes';
export * from './errors/switchboard-error';
// Token engine, stores, transport, API client (issue 2).
export * from './engine-api';
// Provider profiles, operations, diagnose, connections (issue 3).
export * from './profiles-api';
// Call-record sync and phone numbers (issue 10).
export * from './sync-api';
