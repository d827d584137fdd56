// One config node type per provider. Each node owns its credential's Connection (and so one
// token manager and one token store) for as long as it is deployed, and closes it on close.
import {
  createConnection,
  createTokenStore,
  isSwitchboardError,
  SwitchboardError,
} from '@switchboard/core';
import type { Connection, Logger, ProviderProfile, TokenStore } from '@switchboard/core';
import { configNodeType, STORE_CREDENTIALS } from '../names';
import { credentialValues } from './credential-values';
import type {
  CredentialDefinition,
  NodeDefinition,
  NodeInstance,
  NodeRedApi,
} from './node-red-types';
import { tokenStoreChoice } from './store-options';

export interface ConfigNode extends NodeInstance {
  provider: ProviderProfile;
  /** Absent when the configuration is unusable; `configurationError` says why. */
  connection?: Connection;
  configurationError?: Error;
  /** The connection's token store, closed after the connection. */
  tokenStore?: TokenStore;
  /** The node's non-secret settings (client id, environment, ...). */
  settings: NodeDefinition;
  /** Work that must finish before the connection closes (deleting a subscription on undeploy). */
  holdOpenUntil(work: Promise<unknown>): void;
}

/** Secret profile fields plus the store's secrets, as Node-RED credential definitions. */
export function credentialDefinitions(
  profile: ProviderProfile,
): Record<string, CredentialDefinition> {
  const definitions: Record<string, CredentialDefinition> = {};
  for (const field of profile.fields) {
    if (field.secret) definitions[field.name] = { type: 'password' };
  }
  definitions[STORE_CREDENTIALS[0]] = { type: 'password' };
  definitions[STORE_CREDENTIALS[1]] = { type: 'password' };
  return definitions;
}

/** Whether any of Node-RED's loggers prints debug lines (by default none does: `info`). */
export function debugLogged(settings: NodeRedApi['settings']): boolean {
  return Object.values(settings.logging ?? {}).some(
    (logger) => logger?.level === 'debug' || logger?.level === 'trace',
  );
}

/**
 * Core logs through the node, so lines show in Node-RED's log with the node's id. Debug lines
 * (one per API call) are dropped here when no logger prints them: node.debug builds an Error
 * for its stack on every call, a measurable cost with many messages in flight.
 */
export function nodeLogger(node: NodeInstance, printsDebug = true): Logger {
  return {
    debug: printsDebug ? (message) => node.debug(message) : () => undefined,
    info: (message) => node.log(message),
    // node.error without a msg would reach Catch nodes as an empty message: log as a warning.
    warn: (message) => node.warn(message),
    error: (message) => node.warn(message),
  };
}

function openConnection(RED: NodeRedApi, node: ConfigNode, definition: NodeDefinition): void {
  const secrets = node.credentials ?? {};
  const choice = tokenStoreChoice(
    {
      tokenStore: definition.tokenStore,
      tokenStorePath: definition.tokenStorePath,
      redisUrl: secrets.redisUrl,
      encryptionKey: secrets.encryptionKey,
    },
    node.id,
    RED.settings.userDir ?? process.cwd(),
  );
  const logger = nodeLogger(node, debugLogged(RED.settings));
  const store: TokenStore = createTokenStore(choice, logger);
  try {
    const connection = createConnection(
      node.provider,
      credentialValues(node.provider, definition, secrets),
      { store, logger },
    );
    node.connection = connection;
    // The token manager does not close its store (stores may be shared): this node owns both.
    node.tokenStore = store;
  } catch (error) {
    void store.close();
    throw error;
  }
}

export function registerConfigNode(RED: NodeRedApi, profile: ProviderProfile): void {
  function SwitchboardConfigNode(this: NodeInstance, definition: NodeDefinition): void {
    RED.nodes.createNode(this, definition);
    const node = this as ConfigNode;
    node.provider = profile;
    node.settings = definition;
    try {
      openConnection(RED, node, definition);
    } catch (error) {
      node.configurationError = error instanceof Error ? error : new Error(String(error));
      node.warn(`${profile.displayName} connection not usable: ${node.configurationError.message}`);
    }
    const pending = new Set<Promise<unknown>>();
    node.holdOpenUntil = (work) => {
      const settled = work.catch(() => undefined).finally(() => pending.delete(settled));
      pending.add(settled);
    };
    node.on('close', (_removed, done) => {
      const connection = node.connection;
      node.connection = undefined;
      if (!connection) return done();
      // Node-RED stops flow nodes before config nodes, so their clean-up is registered by now.
      const store = node.tokenStore;
      const closing = Promise.allSettled([...pending])
        .then(() => connection.close())
        .finally(() => store?.close());
      closing.then(done, (error: unknown) => {
        node.warn(
          `closing the connection failed: ${error instanceof Error ? error.message : error}`,
        );
        done();
      });
    });
  }
  RED.nodes.registerType(configNodeType(profile.id), SwitchboardConfigNode, {
    credentials: credentialDefinitions(profile),
  });
}

/** The config node an API / token / notifications node points at, with a clear error if unusable. */
export function usableConnection(RED: NodeRedApi, id: unknown, expectedType?: string): Connection {
  return usableConfigNode(RED, id, expectedType).connection as Connection;
}

export function usableConfigNode(RED: NodeRedApi, id: unknown, expectedType?: string): ConfigNode {
  const node =
    typeof id === 'string' && id !== '' ? (RED.nodes.getNode(id) as ConfigNode | null) : null;
  if (!node?.provider || (expectedType !== undefined && node.type !== expectedType)) {
    throw configurationError('No connection selected: pick or create one in the node’s settings.');
  }
  const problem = node.configurationError;
  // Core's own configuration errors already carry the right hint; keep them as they are.
  if (problem) throw isSwitchboardError(problem) ? problem : configurationError(problem.message);
  if (!node.connection) throw configurationError('The connection is closed: redeploy the flow.');
  return node;
}

function configurationError(message: string): SwitchboardError {
  return new SwitchboardError({
    code: 'invalid_configuration',
    kind: 'configuration',
    message,
    hint: 'Open the node and its connection in the editor, fix the settings and deploy again.',
  });
}
