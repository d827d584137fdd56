// "CloudLink call records": every finished Mitel CloudLink call record once, one message each,
// polled from the call history with core's sync. The cursor lives in Node-RED's persistent
// context and is saved only after the poll's messages were sent: a crash repeats, never loses.
import {
  initialCursor,
  parseDefaultCountry,
  pollCallRecords,
  readCursor,
  type CallRecordPollOptions,
  type Connection,
  type StartFrom,
  type SyncCursor,
} from '@switchboard/core';
import { MITEL_CALL_RECORDS_NODE_TYPE, MITEL_PROVIDER, configNodeType } from '../names';
import { usableConfigNode, type ConfigNode } from './config-node';
import { reportableError } from './errors';
import type { NodeDefinition, NodeInstance, NodeMessage, NodeRedApi } from './node-red-types';
import {
  NO_PERSISTENT_CONTEXT,
  persistentStoreName,
  readContext,
  writeContext,
  type ContextNode,
} from './persistent-context';
import { errorStatus } from './status';

const CURSOR_KEY = 'cursor';
const DEFAULT_INTERVAL_SEC = 60;

export interface CallRecordsSettings {
  intervalMs: number;
  startFrom: StartFrom;
  options: CallRecordPollOptions;
}

/** Reads the node's settings; throws a clear error for a bad one. */
export function callRecordsSettings(
  definition: NodeDefinition,
  defaultCountry: unknown,
): CallRecordsSettings {
  const interval = numberOr(definition.interval, DEFAULT_INTERVAL_SEC);
  if (!(interval === 0 || interval >= 1)) {
    throw new Error(
      `"Poll every" must be 0 (only on input) or at least 1 second, not ${String(definition.interval)}.`,
    );
  }
  const startFrom: StartFrom =
    definition.startFrom === 'date'
      ? { kind: 'date', date: String(definition.startDate ?? '') }
      : { kind: 'now' };
  const country = parseDefaultCountry(defaultCountry);
  const filter = typeof definition.filter === 'string' ? definition.filter : '';
  return {
    intervalMs: interval * 1000,
    startFrom,
    options: {
      overlapMs: numberOr(definition.overlapMinutes, 10) * 60_000,
      maxRecords: numberOr(definition.maxRecords, 1000),
      e164: definition.e164 !== false,
      ...(filter.trim() === '' ? {} : { filter }),
      ...(country === undefined ? {} : { defaultCountry: country }),
    },
  };
}

function numberOr(value: unknown, fallback: number): number {
  if (value === undefined || value === '') return fallback;
  return Number(value);
}

export function registerMitelCallRecordsNode(RED: NodeRedApi): void {
  function CallRecordsNode(this: NodeInstance, definition: NodeDefinition): void {
    RED.nodes.createNode(this, definition);
    // Every runtime node has context(); NodeInstance only lists what the other nodes use.
    start(this as ContextNode, definition);
  }

  function start(node: ContextNode, definition: NodeDefinition): void {
    const store = persistentStoreName(RED);
    if (store === undefined) node.warn(NO_PERSISTENT_CONTEXT);
    let config: ConfigNode;
    let settings: CallRecordsSettings;
    try {
      config = usableConfigNode(RED, definition.connection, configNodeType(MITEL_PROVIDER));
      settings = callRecordsSettings(definition, config.settings.defaultCountry);
      if (settings.startFrom.kind === 'date') initialCursor(settings.startFrom, Date.now());
    } catch (error) {
      const reportable = reportableError(error);
      node.status(errorStatus(reportable));
      node.error(reportable);
      return;
    }
    const connection = config.connection as Connection;
    let closed = false;
    let running: Promise<void> = Promise.resolve();
    let again = false;

    async function loadCursor(reset: boolean): Promise<SyncCursor> {
      const stored = reset ? undefined : readCursor(await readContext(node, CURSOR_KEY, store));
      return stored ?? initialCursor(settings.startFrom, Date.now());
    }

    async function pollOnce(reset: boolean, trigger?: NodeMessage): Promise<void> {
      node.status({ fill: 'blue', shape: 'dot', text: 'polling' });
      const cursor = await loadCursor(reset);
      const result = await pollCallRecords(connection, cursor, settings.options);
      if (closed) return;
      for (const record of result.records) {
        node.send({
          ...(trigger === undefined ? {} : { _trigger: trigger._msgid }),
          topic: String(record.callId),
          payload: record,
        });
      }
      // Only now that every record was handed over does the cursor move.
      await writeContext(node, CURSOR_KEY, result.cursor, store);
      if (result.seenOverflow) {
        node.warn(
          'More call ids inside the overlap window than remembered: a late record could repeat. Shorten the overlap window.',
        );
      }
      const time = new Date().toISOString().slice(11, 16);
      node.status({ fill: 'green', shape: 'dot', text: `${result.records.length} new · ${time}` });
      again = result.more;
    }

    /** Polls one at a time; a failure is reported and the cursor stays where it was. */
    function schedulePoll(reset = false, trigger?: NodeMessage): Promise<void> {
      running = running.then(async () => {
        if (closed) return;
        try {
          do {
            again = false;
            await pollOnce(reset, trigger);
            reset = false;
          } while (again && !closed);
        } catch (error) {
          const reportable = reportableError(error);
          node.status(errorStatus(reportable));
          node.error(reportable, trigger);
        }
      });
      return running;
    }

    const timer =
      settings.intervalMs > 0
        ? setInterval(() => void schedulePoll(), settings.intervalMs)
        : undefined;
    void schedulePoll();

    node.on('input', (msg, _send, done) => {
      void schedulePoll(msg.reset === true, msg).then(() => done());
    });

    node.on('close', (_removed, done) => {
      closed = true;
      if (timer !== undefined) clearInterval(timer);
      config.holdOpenUntil(running);
      void running.finally(() => {
        node.status({});
        done();
      });
    });
  }
  RED.nodes.registerType(MITEL_CALL_RECORDS_NODE_TYPE, CallRecordsNode);
}
