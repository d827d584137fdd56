// Control request: add Mitel call records now (late or out of order), between a client's polls.
import type { MitelProvider } from '../providers/mitel';
import { injectCallRecords, type InjectedRecord } from '../providers/mitel/injected-records';
import { EMULATOR_SEED, type MitelEnv } from '../seed/seed';

export interface CallRecordInjection {
  /** Default `prod`. */
  env?: MitelEnv;
  /** Default the ACME account. */
  accountId?: string;
  /** Partial records: `endTime` (ISO, default now), `callId`, `from`, `to`, `completed`... */
  records: ReadonlyArray<Record<string, unknown>>;
}

export function injectMitelCallRecords(
  mitel: MitelProvider,
  request: CallRecordInjection,
  now: number,
): InjectedRecord[] {
  const env = request.env ?? 'prod';
  if (env !== 'prod' && env !== 'sandbox') throw new Error('env must be prod or sandbox');
  if (!Array.isArray(request.records) || request.records.length === 0) {
    throw new Error('records must be a non-empty array of call record objects');
  }
  if (!request.records.every((r) => typeof r === 'object' && r !== null && !Array.isArray(r))) {
    throw new Error('every record must be a JSON object');
  }
  const accountId = request.accountId ?? EMULATOR_SEED.mitel[env].accounts.acme.accountId;
  return injectCallRecords(mitel.directory(env), accountId, request.records, now);
}
