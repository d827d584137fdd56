// A real PostgreSQL (Debian's binaries) on a free loopback port, in a temporary cluster that is
// removed on stop. initdb refuses to run as root: as root, the cluster belongs to and runs as the
// `postgres` system user (runuser). Queries go through psql, so tests need no driver package.
import { execFile, execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, chownSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { freePort } from './free-port';

const run = promisify(execFile);

export const POSTGRES_BIN = process.env['POSTGRES_BIN'] ?? '/usr/lib/postgresql/15/bin';
/** Superuser of the temporary cluster; it trusts loopback connections, any password works. */
export const POSTGRES_USER = 'switchboard';

export interface RunningPostgres {
  host: string;
  port: number;
  user: string;
  /** A database that exists: `postgres`; create more with `query('CREATE DATABASE ...')`. */
  database: string;
  /** postgres://user@127.0.0.1:port/database */
  url: string;
  /** Runs SQL through psql; returns psql's unaligned output (`-At`). */
  query(sql: string, database?: string): Promise<string>;
  /** Rows of a SELECT as JSON objects, in the query's order. */
  rows<T = Record<string, unknown>>(select: string, database?: string): Promise<T[]>;
  stop(): Promise<void>;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** As root, run a PostgreSQL binary as the postgres user; otherwise as ourselves. */
function asOwner(binary: string, args: string[]): [string, string[]] {
  const path = join(POSTGRES_BIN, binary);
  return userInfo().uid === 0 ? ['runuser', ['-u', 'postgres', '--', path, ...args]] : [path, args];
}

function ownerIds(): { uid: number; gid: number } | undefined {
  if (userInfo().uid !== 0) return undefined;
  // `id` answers from the system's user database without a package.
  const uid = Number(execFileSync('id', ['-u', 'postgres']).toString());
  const gid = Number(execFileSync('id', ['-g', 'postgres']).toString());
  return { uid, gid };
}

/** Starts a fresh cluster; `stop()` ends it and removes its files. */
export async function startPostgres(): Promise<RunningPostgres> {
  if (!existsSync(join(POSTGRES_BIN, 'initdb'))) {
    throw new Error(`${POSTGRES_BIN}/initdb not found: run  apt-get install -y postgresql`);
  }
  const dir = mkdtempSync(join(tmpdir(), 'switchboard-postgres-'));
  const data = join(dir, 'data');
  const owner = ownerIds();
  if (owner !== undefined) {
    chownSync(dir, owner.uid, owner.gid);
    chmodSync(dir, 0o700);
  }
  const [initdb, initArgs] = asOwner('initdb', [
    '-D',
    data,
    '-U',
    POSTGRES_USER,
    '--auth=trust',
    '--encoding=UTF8',
    '--no-sync',
  ]);
  await run(initdb, initArgs);
  const port = await freePort();
  const [postgres, args] = asOwner('postgres', [
    '-D',
    data,
    '-p',
    String(port),
    '-k',
    dir,
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'fsync=off',
  ]);
  const child = spawn(postgres, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let log = '';
  child.stdout?.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (log += chunk.toString()));

  const psql = async (sql: string, database = 'postgres'): Promise<string> => {
    const { stdout } = await run(
      join(POSTGRES_BIN, 'psql'),
      [
        '-h',
        '127.0.0.1',
        '-p',
        String(port),
        '-U',
        POSTGRES_USER,
        '-d',
        database,
        '-v',
        'ON_ERROR_STOP=1',
        '-At',
        '-c',
        sql,
      ],
      { env: { ...process.env, PGCONNECT_TIMEOUT: '10' } },
    );
    return stdout.trim();
  };
  const stop = async (): Promise<void> => {
    if (child.exitCode === null && child.signalCode === null) {
      // pg_ctl, not a signal to our child: under root that child is runuser, which does not pass
      // signals on. "fast" disconnects clients instead of waiting for them.
      const [pgCtl, stopArgs] = asOwner('pg_ctl', ['stop', '-D', data, '-m', 'fast', '-w']);
      await run(pgCtl, stopArgs).catch(() => child.kill('SIGKILL'));
      await exited(child);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    for (let attempt = 0; ; attempt += 1) {
      if (child.exitCode !== null) throw new Error(`postgres exited early:\n${log}`);
      try {
        await psql('SELECT 1');
        break;
      } catch {
        if (attempt >= 300) throw new Error(`postgres did not answer on port ${port}:\n${log}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    host: '127.0.0.1',
    port,
    user: POSTGRES_USER,
    database: 'postgres',
    url: `postgres://${POSTGRES_USER}@127.0.0.1:${port}/postgres`,
    query: psql,
    async rows<T>(select: string, database?: string): Promise<T[]> {
      const text = await psql(
        `SELECT coalesce(json_agg(row_to_json(q)), '[]') FROM (${select}) q`,
        database,
      );
      return JSON.parse(text) as T[];
    },
    stop,
  };
}
