import { randomUUID } from 'node:crypto';
import { isRecord, jsonBody } from '../../http/body';
import { json, text } from '../../http/reply';
import type { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { authenticate, type MitelContext } from './context';
import type { CallRecord } from './directory';
import { mitelError, validation } from './errors';
import { compileFilter, compileOrderBy, FilterError, type Row } from './odata';
import { halCollectionText, parsePaging } from './paging';
import { DOCUMENTED_RECORD_FIELDS, recordsVersion } from './injected-records';

const RECORD_FIELDS = [
  'callId',
  'accountId',
  'principal',
  'from',
  'fromName',
  'to',
  'toName',
  'direction',
  'state',
  'cause',
  'createdOn',
  'answeredOn',
  'endedOn',
  'duration',
  ...DOCUMENTED_RECORD_FIELDS,
] as const;

/** Filter + order results per account, so a paging client does not re-filter thousands of rows per page. */
const CACHE_LIMIT = 64;

/** Media service: call history (`GET /calls/records`) and placing calls. */
export function mountMedia(router: Router, ctx: MitelContext): void {
  const cache = new Map<string, readonly CallRecord[]>();
  const serialised = new WeakMap<CallRecord, string>();
  const recordJson = (record: CallRecord): string => {
    let cached = serialised.get(record);
    if (cached === undefined) {
      cached = JSON.stringify(record);
      serialised.set(record, cached);
    }
    return cached;
  };
  router.add('GET', '/calls/records', (req) => callRecords(ctx, req, cache, recordJson));
  router.add('POST', '/endpoints/{endpointId}/calls', (req) => placeCall(ctx, req));
}

function callRecords(
  ctx: MitelContext,
  req: EmRequest,
  cache: Map<string, readonly CallRecord[]>,
  recordJson: (record: CallRecord) => string,
): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const paging = parsePaging(req);
  if (!paging.ok) return paging.reply;
  const accountId = auth.token.data.accountId;
  const filter = req.query.get('$filter') ?? '';
  const orderBy = req.query.get('$orderby') ?? 'createdOn desc';
  const key = `${accountId}\n${filter}\n${orderBy}\n${recordsVersion(ctx.dir)}`;
  let rows = cache.get(key);
  if (!rows) {
    try {
      const predicate = compileFilter(filter, RECORD_FIELDS);
      const compare = compileOrderBy(orderBy, RECORD_FIELDS);
      const all = (ctx.dir.callRecords.get(accountId) ?? []) as unknown as Row[];
      rows = all.filter(predicate).sort(compare) as unknown as CallRecord[];
    } catch (error) {
      if (error instanceof FilterError) return mitelError(400, 'InvalidParameters', error.message);
      throw error;
    }
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, rows);
  }
  return text(
    200,
    halCollectionText(req, rows, paging, recordJson),
    'application/json; charset=utf-8',
  );
}

/** `POST /endpoints/{endpointId}/calls {to, from?}`: the endpoint is a user of the caller's account. */
function placeCall(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value)) return validation('The body must be a JSON object.');
  const { to, from } = body.value;
  if (typeof to !== 'string' || !/^[+\d*#][\d*#\s-]*$/.test(to)) {
    return validation('to is required: a dialable number or extension (digits, +, *, #).');
  }
  if (from !== undefined && typeof from !== 'string') return validation('from must be a string.');
  const endpointId = req.params.endpointId ?? '';
  const user = ctx.dir.users.get(endpointId);
  if (!user || user.accountId !== auth.token.data.accountId) {
    return mitelError(404, 'EndpointNotFound', 'The endpoint was not found in this account.');
  }
  return json(201, {
    callId: randomUUID(),
    endpointId,
    accountId: user.accountId,
    from: from ?? user.extension,
    to,
    state: 'dialing',
    createdOn: new Date(ctx.state.clock.now()).toISOString(),
  });
}
