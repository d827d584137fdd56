// Public exports of the record sync (cursor, overlap window, de-duplication) and E.164 numbers.
export type * from './sync/types';
export {
  initialCursor,
  readCursor,
  parseStartDate,
  windowStart,
  advanceCursor,
  DEFAULT_OVERLAP_MS,
  DEFAULT_MAX_SEEN,
} from './sync/cursor';
export { pollRecords, windowFilter, DEFAULT_MAX_RECORDS } from './sync/poll-records';
export { MITEL_CALL_RECORDS } from './sync/sources';
export { pollCallRecords, type CallRecordPollOptions } from './sync/call-records';
export { toE164, withE164, parseDefaultCountry, CALL_RECORD_NUMBER_FIELDS } from './phone/e164';
