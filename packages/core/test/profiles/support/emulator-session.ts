// One emulator per test file, and the connections a test opens, closed when the file ends.
import { startEmulator, type Emulator } from '@switchboard/emulator';
import { createConnection, type Connection } from '../../../src/connection/connection';

export interface EmulatorSession {
  /** The running emulator (set once beforeAll has run). */
  readonly emulator: Emulator;
  /** createConnection, closed again after the file's tests. */
  connect(...args: Parameters<typeof createConnection>): Connection;
}

/** Registers beforeAll / afterAll hooks: call it at the top level of a test file. */
export function useEmulatorSession(): EmulatorSession {
  let emulator: Emulator | undefined;
  const open: Connection[] = [];
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
      return connection;
    },
  };
}
