// Record sync without I/O: a fake `pages` that serves fixed pages (and records what was asked).
import type { OperationParams, Page } from '../../src/operations/types';
import { advanceCursor, initialCursor, readCursor } from '../../src/sync/cursor';
import { pollRecords, windowFilter } from '../../src/sync/poll-records';
import { MITEL_CALL_RECORDS } from '../../src/sync/sources';
import type { SyncCursor } from '../../src/sync/types';
import { SwitchboardError } from '../../src/errors/switchboard-error';

const T0 = Date.parse('2026-12-01T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000).toISOString();
const rec = (callId: string, minutes: number, extra: Record<string, unknown> = {}) => ({
  callId,
  endTime: at(minutes),
  ...extra,
});

function fakeConnection(pages: unknown[][]) {
  const asked: OperationParams[] = [];
  return {
    asked,
    pages(operationId: string, params: OperationParams): AsyncIterable<Page> {
      expect(operationId).toBe('callRecord.list');
      asked.push(params);
      return (async function* () {
        for (const items of pages)
          yield { items, response: { status: 200, headers: {}, data: {} } };
      })();
    },
  };
}

const ids = (records: Record<string, unknown>[]) => records.map((r) => r.callId);

describe('pollRecords', () => {
  const start: SyncCursor = initialCursor({ kind: 'now' }, T0);

  it('asks for the overlap window with the provider filter and the largest page', async () => {
    const connection = fakeConnection([[]]);
    await pollRecords(
      connection,
      MITEL_CALL_RECORDS,
      { ...start, since: T0 + 3_600_000 },
      {
        overlapMs: 600_000,
        filter: "contains(principal,'u1')",
      },
    );
    expect(connection.asked).toEqual([
      { filter: `(contains(principal,'u1')) and endTime ge '${at(50)}'`, top: 100 },
    ]);
  });

  it('emits final records oldest first (time, then id) across pages, and advances the cursor', async () => {
    const connection = fakeConnection([
      [rec('c', 5), rec('a', 2)],
      [rec('b', 5), rec('open', 6, { completed: false }), { callId: 'no-end' }],
    ]);
    const result = await pollRecords(connection, MITEL_CALL_RECORDS, start);
    expect(ids(result.records)).toEqual(['a', 'b', 'c']);
    expect(result.cursor).toEqual({
      version: 1,
      since: T0 + 5 * 60_000,
      floor: T0,
      seen: [
        ['a', T0 + 2 * 60_000],
        ['b', T0 + 5 * 60_000],
        ['c', T0 + 5 * 60_000],
      ],
    });
    expect(result.more).toBe(false);
  });

  it('never emits a record twice, and emits a late record that lands inside the window', async () => {
    const first = await pollRecords(
      fakeConnection([[rec('a', 2), rec('b', 8)]]),
      MITEL_CALL_RECORDS,
      start,
    );
    // 'late' ended before the high-water mark (8) but arrived after the first poll.
    const second = await pollRecords(
      fakeConnection([[rec('b', 8), rec('late', 4), rec('a', 2), rec('new', 9)]]),
      MITEL_CALL_RECORDS,
      first.cursor,
    );
    expect(ids(second.records)).toEqual(['late', 'new']);
    expect(second.cursor.since).toBe(T0 + 9 * 60_000);
  });

  it('drops records before the start point even when the provider ignores the filter', async () => {
    const result = await pollRecords(
      fakeConnection([[rec('old', -1), rec('new', 1)]]),
      MITEL_CALL_RECORDS,
      start,
    );
    expect(ids(result.records)).toEqual(['new']);
  });

  it('caps a poll at maxRecords, oldest first, and the next poll continues without a gap', async () => {
    const all = [rec('d', 4), rec('b', 2), rec('a', 1), rec('c', 3), rec('e', 5)];
    const first = await pollRecords(
      fakeConnection([all.slice(0, 3), all.slice(3)]),
      MITEL_CALL_RECORDS,
      start,
      {
        maxRecords: 2,
      },
    );
    expect(ids(first.records)).toEqual(['a', 'b']);
    expect(first.more).toBe(true);
    const second = await pollRecords(fakeConnection([all]), MITEL_CALL_RECORDS, first.cursor, {
      maxRecords: 2,
    });
    expect(ids(second.records)).toEqual(['c', 'd']);
    const third = await pollRecords(fakeConnection([all]), MITEL_CALL_RECORDS, second.cursor, {
      maxRecords: 2,
    });
    expect(ids(third.records)).toEqual(['e']);
    expect(third.more).toBe(false);
  });

  it('refuses bad settings with a clear error', async () => {
    await expect(
      pollRecords(fakeConnection([[]]), MITEL_CALL_RECORDS, start, { overlapMs: -1 }),
    ).rejects.toThrow(/overlap window must be a number of 0 or more/);
    await expect(
      pollRecords(fakeConnection([[]]), MITEL_CALL_RECORDS, start, { maxRecords: 0 }),
    ).rejects.toThrow(/records per poll must be a whole number/);
  });
});

describe('cursor', () => {
  it('starts from now or from a date, and refuses a non-date', () => {
    expect(initialCursor({ kind: 'now' }, T0)).toEqual({
      version: 1,
      since: T0,
      floor: T0,
      seen: [],
    });
    expect(initialCursor({ kind: 'date', date: '2026-11-01' }, T0).floor).toBe(
      Date.parse('2026-11-01T00:00:00Z'),
    );
    expect(() => initialCursor({ kind: 'date', date: 'yesterday' }, T0)).toThrow(SwitchboardError);
  });

  it('reads back what was stored as JSON, and says so when it is damaged', () => {
    const cursor = advanceCursor(
      initialCursor({ kind: 'now' }, T0),
      [['a', T0 + 1]],
      60_000,
      10,
    ).cursor;
    expect(readCursor(JSON.parse(JSON.stringify(cursor)))).toEqual(cursor);
    expect(readCursor(undefined)).toBeUndefined();
    expect(() => readCursor({ since: 'x' })).toThrow(/stored call-record cursor is damaged/);
  });

  it('forgets ids that left the window and keeps at most maxSeen, reporting an overflow', () => {
    const cursor = initialCursor({ kind: 'now' }, T0);
    const advanced = advanceCursor(
      cursor,
      [
        ['a', T0],
        ['b', T0 + 20 * 60_000],
      ],
      10 * 60_000,
      10,
    );
    expect(advanced.cursor.seen).toEqual([['b', T0 + 20 * 60_000]]);
    expect(advanced.overflow).toBe(false);
    const full = advanceCursor(
      cursor,
      [
        ['x', T0 + 1],
        ['y', T0 + 2],
        ['z', T0 + 3],
      ],
      10 * 60_000,
      2,
    );
    expect(full.cursor.seen.map(([id]) => id)).toEqual(['y', 'z']);
    expect(full.overflow).toBe(true);
  });

  it('quotes the window start as an ISO string', () => {
    expect(windowFilter(MITEL_CALL_RECORDS, T0)).toBe(`endTime ge '${at(0)}'`);
  });
});
