// n8n's queue mode on testkit's throw-away PostgreSQL cluster: the same server, plus the
// environment n8n reads to use it.
import { startPostgres as startCluster } from '@switchboard/testkit';
import type { RunningPostgres as Cluster } from '@switchboard/testkit';

export interface RunningPostgres extends Cluster {
  /** The environment n8n reads to use this database. */
  n8nEnv: Record<string, string>;
}

export async function startPostgres(): Promise<RunningPostgres> {
  const cluster = await startCluster();
  return {
    ...cluster,
    n8nEnv: {
      DB_TYPE: 'postgresdb',
      DB_POSTGRESDB_HOST: cluster.host,
      DB_POSTGRESDB_PORT: String(cluster.port),
      DB_POSTGRESDB_DATABASE: cluster.database,
      DB_POSTGRESDB_USER: cluster.user,
      DB_POSTGRESDB_PASSWORD: '',
    },
  };
}
