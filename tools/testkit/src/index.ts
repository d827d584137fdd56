// Shared test helpers: real redis-server, free ports, sentinel secrets.
export { freePort } from './free-port';
export { startRedis, REDIS_SERVER } from './redis';
export type { RunningRedis } from './redis';
export { startPostgres, POSTGRES_BIN, POSTGRES_USER } from './postgres';
export type { RunningPostgres } from './postgres';
export { sentinelSecret, sentinelSecrets, expectNoSecrets } from './secrets';
export { startTokenWorker } from './token-workers';
export type { TokenWorker, TokenWorkerConfig, TokenWorkerReply } from './token-workers';
