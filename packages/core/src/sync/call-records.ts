// The one "new call records" poll both platforms run: sync + optional E.164 numbers.
import type { CountryCode } from 'libphonenumber-js';
import type { Connection } from '../connection/connection';
import { withE164 } from '../phone/e164';
import { pollRecords } from './poll-records';
import { MITEL_CALL_RECORDS } from './sources';
import type { SyncCursor, SyncOptions, SyncResult } from './types';

export interface CallRecordPollOptions extends SyncOptions {
  /** Add fromE164 / toE164 beside from / to. */
  e164?: boolean;
  /** Country of national numbers (the connection's "default country"). */
  defaultCountry?: CountryCode;
}

/** New finished call records since `cursor`, oldest first, each once (see pollRecords). */
export async function pollCallRecords(
  connection: Pick<Connection, 'pages'>,
  cursor: SyncCursor,
  options: CallRecordPollOptions = {},
): Promise<SyncResult> {
  const { e164, defaultCountry, ...sync } = options;
  const result = await pollRecords(connection, MITEL_CALL_RECORDS, cursor, sync);
  if (e164 !== true) return result;
  return { ...result, records: result.records.map((record) => withE164(record, defaultCountry)) };
}
