// Shapes of the record sync: where records come from, what is remembered between polls.

/** Which operation lists the records and which fields identify and order them (provider facts). */
export interface RecordSource {
  /** A paged list operation of the profile, e.g. `callRecord.list`. */
  operationId: string;
  /** Operation parameter that carries the OData `$filter`. */
  filterParam: string;
  /** Operation parameter that carries the page size (`$top`). */
  pageSizeParam: string;
  /** Largest page size the provider accepts. */
  maxPageSize: number;
  /** Unique id of a record (de-duplication key). */
  idField: string;
  /**
   * ISO 8601 time the record became final (the call ended). Filtered on (`ge`) and sorted on
   * client-side, because the provider has no `$orderby`.
   */
  timeField: string;
  /** Boolean field that is `false` while the record is not final; absent means final. */
  completedField?: string;
}

/** A record id emitted recently, with its time (epoch ms), so it can be forgotten later. */
export type SeenEntry = [id: string, time: number];

/**
 * What a poll remembers. Adapters persist it as plain JSON (n8n static data, Node-RED context)
 * and save it only after the records of a poll were handed over, so a crash repeats, never loses.
 */
export interface SyncCursor {
  version: 1;
  /** High-water mark: time (epoch ms) of the newest record emitted so far, or the start point. */
  since: number;
  /** Records before this (epoch ms) are never emitted: the "start from" choice of the first run. */
  floor: number;
  /** Ids emitted within the overlap window, oldest first, bounded. */
  seen: SeenEntry[];
}

/** Where the first poll starts: only records finishing from now on, or from a date. */
export type StartFrom = { kind: 'now' } | { kind: 'date'; date: string };

export interface SyncOptions {
  /** Re-read this far behind the high-water mark, for records that arrive late. Default 10 min. */
  overlapMs?: number;
  /** At most this many ids remembered for de-duplication. Default 10,000. */
  maxSeen?: number;
  /** At most this many records per poll (the oldest first); the rest come next poll. Default 1,000. */
  maxRecords?: number;
  /** Page size ($top). Default the source's maximum. */
  pageSize?: number;
  /** Extra OData filter ANDed with the time filter, e.g. `contains(principal,'<id>')`. */
  filter?: string;
}

export interface SyncResult<T = Record<string, unknown>> {
  /** New records, oldest first (by time, then id): hand them over, then save `cursor`. */
  records: T[];
  /** The cursor to save once the records were handed over. */
  cursor: SyncCursor;
  /** More records are waiting than `maxRecords`: poll again soon. */
  more: boolean;
  /**
   * True when ids still inside the overlap window had to be forgotten because `maxSeen` was
   * reached: a record arriving late could then be emitted twice. Raise `maxSeen` or shorten
   * the overlap window.
   */
  seenOverflow: boolean;
}
