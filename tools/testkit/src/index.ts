// Shared test helpers: real redis-server, free ports, sentinel secrets.
export { freePort } from './free-port';
export { startRedis, REDIS_SERVER } from './redis';
export type { RunningRedis } from './redis';
export { sentinelSecret, sentinelSecrets, expectNoSecrets, leakForms } from './secrets';
export { errorViews } from './error-views';
export { startPostgres, POSTGRES_BIN, POSTGRES_USER } from './postgres';
export type { RunningPostgres } from './postgres';
export { startTokenWorker } from './token-workers';
export type { TokenWorker, TokenWorkerConfig, TokenWorkerReply } from './token-workers';
export { REDIRECT_STATUSES, startAttacker, startHostileProvider } from './hostile-provider';
export type { LoopbackServer, Recorded } from './hostile-provider';
