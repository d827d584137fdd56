// One emulator per test file, and the connections a test opens, closed when the file ends.
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { createConnection, type Connection } from '../../../src/connection/connection';

export interface EmulatorSession {
  /** The running emulator (set once beforeAll has run). */
  readonly emulator: Emulator;
  /** createConnection, closed again after the file's tests. */
  connect(...args: Parameters<typeof createConnection>): Connection;
  /** Operation ids of a profile that answered with a 2xx over real HTTP in this file. */
  succeeded(profileId: string): Set<string>;
}

/** Registers beforeAll / afterAll hooks: call it at the top level of a test file. */
export function useEmulatorSession(): EmulatorSession {
  let emulator: Emulator | undefined;
  const open: Connection[] = [];
  const succeeded = new Map<string, Set<string>>();
  const record = (profileId: string, operationId: string, status: number): void => {
    if (status < 200 || status > 299) return;
    const ids = succeeded.get(profileId) ?? new Set<string>();
    ids.add(operationId);
    succeeded.set(profileId, ids);
  };
  beforeAll(async () => {
    emulator = await startEmulator({ port: 0 });
  });
  afterAll(async () => {
    await Promise.all(open.map((connection) => connection.close()));
    await emulator?.close();
  });
  return {
    get emulator(): Emulator {
      if (emulator === undefined) throw new Error('The emulator starts in beforeAll.');
      return emulator;
    },
    connect(...args) {
      const connection = createConnection(...args);
      open.push(connection);
      const profileId = args[0].id;
      // Record which operations succeeded, so a file can prove it covered all of them.
      return {
        ...connection,
        async execute(operationId, params, options) {
          const response = await connection.execute(operationId, params, options);
          record(profileId, operationId, response.status);
          return response;
        },
      };
    },
    succeeded: (profileId) => succeeded.get(profileId) ?? new Set(),
  };
}
