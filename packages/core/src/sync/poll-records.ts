// One poll of a record source: read the window since the cursor, keep new final records, sort
// them (the provider cannot), return them with the cursor to save once they were handed over.
import type { Connection } from '../connection/connection';
import { configurationError } from '../errors/configuration-error';
import { advanceCursor, DEFAULT_MAX_SEEN, DEFAULT_OVERLAP_MS, windowStart } from './cursor';
import type { RecordSource, SeenEntry, SyncCursor, SyncOptions, SyncResult } from './types';

export const DEFAULT_MAX_RECORDS = 1000;

type RecordLike = Record<string, unknown>;
interface Candidate {
  id: string;
  time: number;
  record: RecordLike;
}

/**
 * Reads every record of `source` whose time is inside the cursor's window (overlap included),
 * drops records that are not final yet, were emitted before (by id) or lie before the start
 * point, and returns the rest oldest first with the advanced cursor. Pure apart from the reads
 * through `connection`: saving the cursor is the caller's job, after handing the records over.
 */
export async function pollRecords(
  connection: Pick<Connection, 'pages'>,
  source: RecordSource,
  cursor: SyncCursor,
  options: SyncOptions = {},
): Promise<SyncResult> {
  const overlapMs = nonNegative('overlap window', options.overlapMs ?? DEFAULT_OVERLAP_MS);
  const maxSeen = positive('remembered ids', options.maxSeen ?? DEFAULT_MAX_SEEN);
  const maxRecords = positive('records per poll', options.maxRecords ?? DEFAULT_MAX_RECORDS);
  const pageSize = Math.min(
    positive('page size', options.pageSize ?? source.maxPageSize),
    source.maxPageSize,
  );
  const start = windowStart(cursor, overlapMs);
  const seen = new Set(cursor.seen.map(([id]) => id));
  const params = {
    [source.filterParam]: windowFilter(source, start, options.filter),
    [source.pageSizeParam]: pageSize,
  };

  // Keep at most maxRecords of the oldest candidates while streaming, so memory stays bounded.
  let kept: Candidate[] = [];
  let more = false;
  const taken = new Set<string>();
  for await (const page of connection.pages(source.operationId, params)) {
    for (const item of page.items) {
      const candidate = finalRecord(source, item);
      if (candidate === undefined || candidate.time < start) continue;
      if (seen.has(candidate.id) || taken.has(candidate.id)) continue;
      taken.add(candidate.id);
      kept.push(candidate);
    }
    if (kept.length > maxRecords) {
      kept.sort(byTimeThenId);
      kept = kept.slice(0, maxRecords);
      more = true;
    }
  }
  kept.sort(byTimeThenId);

  const emitted: SeenEntry[] = kept.map(({ id, time }) => [id, time]);
  const next = advanceCursor(cursor, emitted, overlapMs, maxSeen);
  return {
    records: kept.map(({ record }) => record),
    cursor: next.cursor,
    more,
    seenOverflow: next.overflow,
  };
}

/** `<time field> ge '<ISO>'`, ANDed with the user's own filter. */
export function windowFilter(source: RecordSource, start: number, extra?: string): string {
  const time = `${source.timeField} ge '${new Date(start).toISOString()}'`;
  const own = extra?.trim() ?? '';
  return own === '' ? time : `(${own}) and ${time}`;
}

function finalRecord(source: RecordSource, item: unknown): Candidate | undefined {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return undefined;
  const record = item as RecordLike;
  const id = record[source.idField];
  const when = record[source.timeField];
  if (typeof id !== 'string' && typeof id !== 'number') return undefined;
  if (source.completedField !== undefined && record[source.completedField] === false) {
    return undefined;
  }
  const time = typeof when === 'string' ? Date.parse(when) : Number.NaN;
  if (Number.isNaN(time)) return undefined;
  return { id: String(id), time, record };
}

function byTimeThenId(a: Candidate, b: Candidate): number {
  return a.time - b.time || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

function nonNegative(what: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw configurationError(
      `The ${what} must be a number of 0 or more, not ${String(value)}.`,
      'Fix the node setting.',
    );
  }
  return value;
}

function positive(what: string, value: number): number {
  if (!Number.isInteger(value) || value < 1) {
    throw configurationError(
      `The ${what} must be a whole number of 1 or more, not ${String(value)}.`,
      'Fix the node setting.',
    );
  }
  return value;
}
