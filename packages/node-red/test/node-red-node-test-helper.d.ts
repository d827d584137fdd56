// The part of node-red-node-test-helper's API these tests use (the package ships no types).
declare module 'node-red-node-test-helper' {
  import type { EventEmitter } from 'node:events';

  interface TestNode extends EventEmitter {
    id: string;
    receive(msg: Record<string, unknown>): void;
    status(status: Record<string, unknown>): void;
    [property: string]: unknown;
  }

  interface NodeTestHelper {
    init(nodeRedPath: string, userSettings?: Record<string, unknown>): void;
    settings(userSettings: Record<string, unknown>): Record<string, unknown>;
    load(
      nodes: unknown,
      flow: Record<string, unknown>[],
      credentials?: Record<string, Record<string, unknown>>,
    ): Promise<void>;
    unload(): Promise<void>;
    getNode(id: string): TestNode;
    startServer(): Promise<void>;
    stopServer(): Promise<void>;
    request(): {
      post(path: string): {
        send(
          body: unknown,
        ): Promise<{ status: number; body: Record<string, unknown>; text: string }>;
      };
    };
    url(): string;
    /** Sinon spy on Node-RED's log: `args` holds every logged message. */
    log(): { args: unknown[][] };
  }

  const helper: NodeTestHelper;
  export default helper;
}
