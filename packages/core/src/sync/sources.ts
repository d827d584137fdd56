// Provider facts for the record sync (Mitel media API, https://developer.mitel.io/: `GET /calls/records`
// with `$filter`, `$top`, `$skip`, `$skiptoken`, no `$orderby`).
import type { RecordSource } from './types';

export const MITEL_CALL_RECORDS: RecordSource = {
  operationId: 'callRecord.list',
  filterParam: 'filter',
  pageSizeParam: 'top',
  maxPageSize: 100,
  idField: 'callId',
  timeField: 'endTime',
  completedField: 'completed',
};
