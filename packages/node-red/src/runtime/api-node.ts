// The API node of one provider: runs a profile operation through the selected connection and
// puts the response on msg.payload / msg.statusCode / msg.headers.
import { isPaged, SwitchboardError } from '@switchboard/core';
import type { Connection, OperationDef, ProviderProfile, TokenEvent } from '@switchboard/core';
import { apiNodeType, configNodeType } from '../names';
import { usableConnection } from './config-node';
import { reportableError } from './errors';
import type {
  DoneFunction,
  NodeDefinition,
  NodeInstance,
  NodeMessage,
  NodeRedApi,
  SendFunction,
} from './node-red-types';
import { pagedOutcome, type Outcome } from './paged-outcome';
import { resolveParameters } from './parameters';
import { RecordSender } from './record-sender';
import type { TypedValue } from './parameters';
import { safeResponseHeaders } from './response-headers';
import { StatusDisplay } from './status-display';
import {
  errorStatus,
  REFRESHING_TOKEN,
  REQUESTING,
  REQUESTING_TOKEN,
  successStatus,
} from './status';

export type OutputMode = 'array' | 'items';

/** Records fetched when "return all" is off and no limit is set. */
export const DEFAULT_LIMIT = 50;

export interface ApiNodeSettings {
  operation: OperationDef;
  params: Record<string, TypedValue | undefined>;
  output: OutputMode;
  returnAll: boolean;
  limit?: number;
}

/** Reads and checks the node's saved settings; throws a message the editor user can act on. */
export function apiNodeSettings(
  profile: ProviderProfile,
  definition: NodeDefinition,
): ApiNodeSettings {
  const operation = profile.operations.find((candidate) => candidate.id === definition.operation);
  if (!operation) {
    throw new SwitchboardError({
      code: 'invalid_configuration',
      kind: 'configuration',
      message: `Unknown ${profile.displayName} operation "${String(definition.operation)}".`,
      hint: 'Open the node, pick a resource and an operation, and deploy again.',
    });
  }
  const limit = Number(definition.limit);
  return {
    operation,
    params: (definition.params ?? {}) as Record<string, TypedValue | undefined>,
    output: definition.output === 'items' ? 'items' : 'array',
    returnAll: definition.returnAll === true || definition.returnAll === 'true',
    ...(Number.isInteger(limit) && limit > 0 ? { limit } : {}),
  };
}

export function registerApiNode(RED: NodeRedApi, profile: ProviderProfile): void {
  function SwitchboardApiNode(this: NodeInstance, definition: NodeDefinition): void {
    RED.nodes.createNode(this, definition);
    start(this, definition);
  }

  function start(node: NodeInstance, definition: NodeDefinition): void {
    const display = new StatusDisplay(node);
    let settings: ApiNodeSettings | undefined;
    let settingsError: Error | undefined;
    try {
      settings = apiNodeSettings(profile, definition);
    } catch (error) {
      settingsError = error as Error;
      display.show({ fill: 'red', shape: 'ring', text: 'check configuration' });
    }
    let inFlight = 0;
    let unsubscribe: (() => void) | undefined;

    function onTokenEvent(event: TokenEvent): void {
      if (inFlight === 0) return;
      if (event.type === 'requesting') display.show(REQUESTING_TOKEN);
      else if (event.type === 'refreshing') display.show(REFRESHING_TOKEN);
      else if (event.type === 'obtained') display.show(REQUESTING);
    }

    async function handle(msg: NodeMessage, send: SendFunction): Promise<void> {
      if (settingsError || !settings) throw settingsError;
      const current = settings;
      const connection = usableConnection(RED, definition.connection, configNodeType(profile.id));
      unsubscribe ??= subscribe(connection, onTokenEvent);
      // With other messages in flight the status already says "requesting" or how the last went.
      if (inFlight === 1) display.show(REQUESTING);
      const params = await resolveParameters(RED, node, msg, current.operation, current.params);
      const perRecord = current.output === 'items';
      let lastOutcome: Outcome = { status: 200, headers: {}, payload: undefined };
      const records = perRecord
        ? new RecordSender(
            send,
            (record, index) =>
              withResponse(RED.util.cloneMessage(msg), { ...lastOutcome, payload: record }, index),
            msg.parts,
          )
        : undefined;
      if (isPaged(current.operation)) {
        const request = {
          operationId: current.operation.id,
          params,
          ...(current.returnAll ? {} : { limit: current.limit ?? DEFAULT_LIMIT }),
          collect: !perRecord,
        };
        const outcome = await pagedOutcome(connection, request, (items, page) => {
          lastOutcome = page;
          records?.add(items);
        });
        const count = records ? records.finish() : (outcome.payload as unknown[]).length;
        display.show(successStatus(outcome.status, count));
        if (!records) send(withResponse(msg, outcome));
        return;
      }
      const response = await connection.execute(current.operation.id, params);
      lastOutcome = { status: response.status, headers: response.headers, payload: response.data };
      const list = Array.isArray(response.data) ? response.data : undefined;
      display.show(successStatus(lastOutcome.status, list?.length));
      if (records && list) {
        records.add(list);
        records.finish();
      } else {
        send(withResponse(msg, lastOutcome));
      }
    }

    node.on('input', (msg: NodeMessage, send: SendFunction, done: DoneFunction) => {
      inFlight += 1;
      handle(msg, send)
        .then(() => done())
        .catch((error: unknown) => {
          const reportable = reportableError(error);
          display.show(errorStatus(reportable));
          if (reportable.status !== undefined) msg.statusCode = reportable.status;
          done(reportable);
        })
        .finally(() => {
          inFlight -= 1;
        });
    });
    node.on('close', (_removed, done) => {
      unsubscribe?.();
      done();
    });
  }
  RED.nodes.registerType(apiNodeType(profile.id), SwitchboardApiNode);
}

/** The message carrying a response: payload, statusCode, safe headers (and the record index). */
function withResponse(msg: NodeMessage, outcome: Outcome, index?: number): NodeMessage {
  Object.assign(msg, {
    payload: outcome.payload,
    statusCode: outcome.status,
    headers: safeResponseHeaders(outcome.headers),
  });
  if (index !== undefined) msg.index = index;
  return msg;
}

/** Listens to the connection's token events; returns how to stop listening. */
export function subscribe(
  connection: Connection,
  listener: (event: TokenEvent) => void,
): () => void {
  const off = connection.tokens.on(listener);
  return () => {
    off();
  };
}
