// The call-record sync over real HTTP against the emulator: records arrive late and out of
// order between polls, the "process" restarts between polls (new connection, cursor through
// JSON), and every record is emitted exactly once.
import { getProfile } from '../../src/profiles/registry';
import { initialCursor, readCursor } from '../../src/sync/cursor';
import { pollCallRecords } from '../../src/sync/call-records';
import type { SyncCursor } from '../../src/sync/types';
import { mitelAt } from '../profiles/support/emulator-credentials';
import { useEmulatorSession } from '../profiles/support/emulator-session';

const mitel = getProfile('mitel-cloudlink');
const session = useEmulatorSession();
const MINUTE = 60_000;

/** Adds records over the HTTP control API, as an e2e test in another process would. */
async function inject(records: Record<string, unknown>[]): Promise<void> {
  const response = await fetch(`${session.emulator.url}/_control/mitel/call-records`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ records }),
  });
  expect(response.status).toBe(201);
}

/** One poll in a fresh "process": its own connection, the cursor read back from stored JSON. */
async function pollOnce(stored: string, now = Date.now()) {
  const connection = session.connect(mitel, mitelAt(session.emulator.url));
  const cursor: SyncCursor = readCursor(JSON.parse(stored)) ?? initialCursor({ kind: 'now' }, now);
  const result = await pollCallRecords(connection, cursor, { overlapMs: 10 * MINUTE, pageSize: 2 });
  await connection.close();
  return {
    ids: result.records.map((r) => r.callId as string),
    stored: JSON.stringify(result.cursor),
    result,
  };
}

describe('call-record sync against the emulator', () => {
  beforeEach(() => session.emulator.control.reset());

  it('emits every finished record once across restarts, late and out-of-order arrivals', async () => {
    const start = Date.now();
    const iso = (offsetMin: number) => new Date(start + offsetMin * MINUTE).toISOString();
    let stored = 'null';
    const emitted: string[] = [];

    // First run, "start from now": the 5,000 seeded records are history and stay out.
    let poll = await pollOnce(stored, start);
    expect(poll.ids).toEqual([]);
    stored = poll.stored;

    await inject([
      { callId: 'r3', endTime: iso(3) },
      { callId: 'r1', endTime: iso(1) },
      { callId: 'open', endTime: iso(2), completed: false },
      { callId: 'r2', endTime: iso(2) },
    ]);
    poll = await pollOnce(stored);
    expect(poll.ids).toEqual(['r1', 'r2', 'r3']);
    emitted.push(...poll.ids);
    stored = poll.stored;

    // Nothing new: nothing emitted, even though the window re-reads r1..r3.
    poll = await pollOnce(stored);
    expect(poll.ids).toEqual([]);
    stored = poll.stored;

    // Late: r0 ended before r1..r3 (inside the overlap window, after the start) and shows up only now, with r4.
    await inject([
      { callId: 'r4', endTime: iso(4) },
      { callId: 'r0', endTime: iso(0.5) },
    ]);
    poll = await pollOnce(stored);
    expect(poll.ids).toEqual(['r0', 'r4']);
    emitted.push(...poll.ids);
    stored = poll.stored;

    // Too late: ended before the start point.
    await inject([{ callId: 'before-start', endTime: iso(-5) }]);
    poll = await pollOnce(stored);
    expect(poll.ids).toEqual([]);

    expect(emitted).toEqual(['r1', 'r2', 'r3', 'r0', 'r4']);
  });

  it('starts from a date, and adds E.164 numbers beside the originals when asked', async () => {
    const base = Date.parse('2026-11-20T09:00:00Z');
    await inject([
      {
        callId: 'e1',
        endTime: new Date(base + MINUTE).toISOString(),
        from: '(202) 555-0143',
        to: '2001',
      },
      { callId: 'e0', endTime: new Date(base - MINUTE).toISOString() },
    ]);
    const connection = session.connect(mitel, mitelAt(session.emulator.url));
    const result = await pollCallRecords(
      connection,
      initialCursor({ kind: 'date', date: '2026-11-20T09:00:00Z' }, Date.now()),
      { e164: true, defaultCountry: 'US' },
    );
    expect(result.records).toEqual([
      expect.objectContaining({
        callId: 'e1',
        from: '(202) 555-0143',
        fromE164: '+12025550143',
        to: '2001',
        toE164: null,
      }),
    ]);
  });
});
