// Tests import the engine through its public barrel only.
export * from '../../src/engine-api';
export * from '../../src/errors/switchboard-error';
export type * from '../../src/transport/types';
export type * from '../../src/oauth/types';
export type * from '../../src/engine/types';
export type * from '../../src/operations/types';
