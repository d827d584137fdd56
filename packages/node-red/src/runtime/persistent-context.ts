// Where a node keeps state that must survive a restart: the first Node-RED context store that
// writes to disk (module "localfilesystem"), or memory with a warning when none is configured.
import type { NodeInstance, NodeRedApi } from './node-red-types';

export interface NodeContextStore {
  get(
    key: string,
    store: string | undefined,
    callback: (error: unknown, value: unknown) => void,
  ): void;
  set(
    key: string,
    value: unknown,
    store: string | undefined,
    callback: (error: unknown) => void,
  ): void;
}

export interface ContextNode extends NodeInstance {
  context(): NodeContextStore;
}

type StorageSettings = Record<string, { module?: unknown } | string | undefined>;

/** The name of a context store that persists to disk, or undefined when there is none. */
export function persistentStoreName(RED: NodeRedApi): string | undefined {
  const storage = (RED.settings as { contextStorage?: StorageSettings }).contextStorage;
  if (storage === undefined) return undefined;
  const persists = (name: string): boolean => {
    const entry = storage[name];
    return typeof entry === 'object' && entry?.module === 'localfilesystem';
  };
  // `default` may alias another store by name.
  const alias = storage.default;
  if (typeof alias === 'string' && persists(alias)) return alias;
  return Object.keys(storage).find(persists);
}

export const NO_PERSISTENT_CONTEXT =
  'No persistent context store: the cursor is kept in memory, so after a restart this node starts again from its "Start from" choice. Add contextStorage: { default: { module: "localfilesystem" } } to settings.js.';

export function readContext(
  node: ContextNode,
  key: string,
  store: string | undefined,
): Promise<unknown> {
  return new Promise((resolve, reject) => {
    node
      .context()
      .get(key, store, (error, value) => (error ? reject(toError(error)) : resolve(value)));
  });
}

export function writeContext(
  node: ContextNode,
  key: string,
  value: unknown,
  store: string | undefined,
): Promise<void> {
  return new Promise((resolve, reject) => {
    node.context().set(key, value, store, (error) => (error ? reject(toError(error)) : resolve()));
  });
}

function toError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}
