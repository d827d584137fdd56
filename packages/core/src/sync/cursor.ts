// The sync cursor: create it for a first run, read it back from storage, move it forward.
import { configurationError } from '../errors/configuration-error';
import type { SeenEntry, StartFrom, SyncCursor } from './types';

export const DEFAULT_OVERLAP_MS = 10 * 60_000;
export const DEFAULT_MAX_SEEN = 10_000;

/** The cursor of a first run: nothing emitted yet, nothing before the start point. */
export function initialCursor(start: StartFrom, now: number): SyncCursor {
  const at = start.kind === 'now' ? now : parseStartDate(start.date);
  return { version: 1, since: at, floor: at, seen: [] };
}

/** Parses "start from a date": ISO 8601 (a date alone means midnight UTC). */
export function parseStartDate(date: string): number {
  const time = Date.parse(date.trim());
  if (date.trim() === '' || Number.isNaN(time)) {
    throw configurationError(
      `"Start from" date ${JSON.stringify(date)} is not a date.`,
      'Use an ISO 8601 date or date and time, for example 2026-11-01 or 2026-11-01T08:00:00Z.',
    );
  }
  return time;
}

/**
 * Reads a stored cursor: undefined when nothing was stored (first run); a clear error when what
 * is stored is not a cursor (edited by hand, or written by another node).
 */
export function readCursor(value: unknown): SyncCursor | undefined {
  if (value === undefined || value === null) return undefined;
  if (isCursor(value)) return value;
  throw configurationError(
    'The stored call-record cursor is damaged.',
    'Reset the node’s stored state (n8n: re-create the trigger or clear its static data; Node-RED: delete the node’s context key "cursor") and choose where to start again.',
  );
}

function isCursor(value: unknown): value is SyncCursor {
  if (typeof value !== 'object' || value === null) return false;
  const cursor = value as Partial<SyncCursor>;
  return (
    cursor.version === 1 &&
    Number.isFinite(cursor.since) &&
    Number.isFinite(cursor.floor) &&
    Array.isArray(cursor.seen) &&
    cursor.seen.every(
      (entry) => Array.isArray(entry) && typeof entry[0] === 'string' && Number.isFinite(entry[1]),
    )
  );
}

/** Oldest record time a poll reads: the overlap window behind the high-water mark, never before the floor. */
export function windowStart(cursor: SyncCursor, overlapMs: number): number {
  return Math.max(cursor.floor, cursor.since - overlapMs);
}

/**
 * The cursor after `emitted` were handed over: the high-water mark moves to the newest, and ids
 * older than the new window are forgotten (they can no longer be re-read). At most `maxSeen` ids
 * stay; `overflow` says whether an id still inside the window had to go.
 */
export function advanceCursor(
  cursor: SyncCursor,
  emitted: readonly SeenEntry[],
  overlapMs: number,
  maxSeen: number,
): { cursor: SyncCursor; overflow: boolean } {
  const since = emitted.reduce((max, [, time]) => Math.max(max, time), cursor.since);
  const next: SyncCursor = { version: 1, since, floor: cursor.floor, seen: [] };
  const start = windowStart(next, overlapMs);
  const kept = [...cursor.seen, ...emitted].filter(([, time]) => time >= start);
  const overflow = kept.length > maxSeen;
  next.seen = overflow ? kept.slice(kept.length - maxSeen) : kept;
  return { cursor: next, overflow };
}
