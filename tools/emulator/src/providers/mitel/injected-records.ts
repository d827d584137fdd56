// Call records added at run time (late or out of order), the way records of calls that just
// ended appear in Mitel's history: tests add them between polls; reset() removes them again.
import { randomUUID } from 'node:crypto';
import type { CallRecord, MitelDirectory } from './directory';

export type InjectedRecord = CallRecord & Record<string, unknown>;

const injected = new WeakMap<MitelDirectory, Set<CallRecord>>();
const versions = new WeakMap<MitelDirectory, number>();

/** Changes whenever records are added or removed: part of the media handler's cache key. */
export function recordsVersion(dir: MitelDirectory): number {
  return versions.get(dir) ?? 0;
}

/**
 * Adds records to an account's history. Each needs at least `endTime` (ISO) or gets `now`; the
 * rest is filled like a generated completed call. Returns the records as stored.
 */
export function injectCallRecords(
  dir: MitelDirectory,
  accountId: string,
  records: ReadonlyArray<Record<string, unknown>>,
  now: number,
): InjectedRecord[] {
  const list = dir.callRecords.get(accountId);
  if (list === undefined) throw new Error(`unknown Mitel account ${JSON.stringify(accountId)}`);
  const principal = dir.usersOf(accountId)[0]?.userId ?? '';
  const added = records.map((input) => completeRecord(input, accountId, principal, now));
  const ids = new Set(list.map((record) => record.callId));
  for (const record of added) {
    if (ids.has(record.callId)) throw new Error(`call record ${record.callId} exists already`);
    ids.add(record.callId);
  }
  const mine = injected.get(dir) ?? new Set<CallRecord>();
  for (const record of added) mine.add(record);
  injected.set(dir, mine);
  list.push(...added);
  list.sort((a, b) => (a.createdOn < b.createdOn ? 1 : a.createdOn > b.createdOn ? -1 : 0));
  versions.set(dir, recordsVersion(dir) + 1);
  return added;
}

/** Back to the generated history. */
export function removeInjectedRecords(dir: MitelDirectory): void {
  const mine = injected.get(dir);
  if (mine === undefined || mine.size === 0) return;
  for (const [accountId, list] of dir.callRecords) {
    dir.callRecords.set(
      accountId,
      list.filter((record) => !mine.has(record)),
    );
  }
  mine.clear();
  versions.set(dir, recordsVersion(dir) + 1);
}

function completeRecord(
  input: Record<string, unknown>,
  accountId: string,
  principal: string,
  now: number,
): InjectedRecord {
  const endTime = isoOr(input.endTime, new Date(now).toISOString());
  const duration = typeof input.duration === 'number' ? input.duration : 60;
  const createdOn = isoOr(
    input.createdOn,
    new Date(Date.parse(endTime) - (duration + 5) * 1000).toISOString(),
  );
  return {
    callId: randomUUID(),
    principal,
    from: '+15550100001',
    fromName: 'Caller',
    to: '2001',
    toName: 'Agent',
    direction: 'inbound',
    state: 'completed',
    cause: 'NORMAL_CLEARING',
    ringTime: 5,
    billingTime: duration,
    completed: true,
    ...input,
    accountId,
    createdOn,
    endTime,
  } as InjectedRecord;
}

function isoOr(value: unknown, fallback: string): string {
  if (value === undefined) return fallback;
  if (typeof value !== 'string' || Number.isNaN(Date.parse(value))) {
    throw new Error(`call record times must be ISO 8601 strings, not ${JSON.stringify(value)}`);
  }
  return new Date(Date.parse(value)).toISOString();
}
