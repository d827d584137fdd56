import { randomUUID } from 'node:crypto';
import { isRecord, jsonBody } from '../../http/body';
import { json, text } from '../../http/reply';
import type { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { mountCallControl } from './call-control';
import { authenticate, type MitelContext } from './context';
import type { CallRecord, PlacedCall } from './directory';
import { mitelError, validation } from './errors';
import { compileFilter, FilterError, type Predicate, type Row } from './odata';
import { halCollectionText, parsePaging } from './paging';
import { recordsVersion } from './injected-records';

export const RECORD_FIELDS = [
  'callId',
  'accountId',
  'siteId',
  'principal',
  'from',
  'fromName',
  'fromNumberE164',
  'fromPrincipalId',
  'to',
  'toName',
  'toNumberE164',
  'toPrincipalId',
  'direction',
  'state',
  'cause',
  'createdOn',
  'endTime',
  'completed',
  'ringTime',
  'billingTime',
] as const;
const DATE_FIELDS = ['createdOn', 'endTime'];

/** Filter results per account, so a paging client does not re-filter thousands of rows per page. */
const CACHE_LIMIT = 64;

/**
 * Media service: call history (`GET /calls/records`, newest first: the specification documents
 * no `$orderby`, so the emulator ignores one), hiding records (`PUT /calls/records`), placing
 * calls and controlling them.
 */
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
  router.add('PUT', '/calls/records', (req) => hideRecords(ctx, req));
  router.add('POST', '/endpoints/{endpointId}/calls', (req) => placeCall(ctx, req));
  mountCallControl(router, ctx);
}

function recordFilter(req: EmRequest): Predicate | Reply {
  try {
    return compileFilter(req.query.get('$filter') ?? '', RECORD_FIELDS, DATE_FIELDS);
  } catch (error) {
    if (error instanceof FilterError) return mitelError(400, 'InvalidParameters', error.message);
    throw error;
  }
}

function visibleRecords(ctx: MitelContext, accountId: string, predicate: Predicate): CallRecord[] {
  const all = ctx.dir.callRecords.get(accountId) ?? [];
  return all.filter(
    (record) => !ctx.dir.hiddenCalls.has(record.callId) && predicate(record as unknown as Row),
  );
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
  const key = `${ctx.dir.recordsVersion}\n${recordsVersion(ctx.dir)}\n${accountId}\n${req.query.get('$filter') ?? ''}`;
  let rows = cache.get(key);
  if (!rows) {
    const predicate = recordFilter(req);
    if (typeof predicate !== 'function') return predicate;
    rows = visibleRecords(ctx, accountId, predicate);
    if (cache.size >= CACHE_LIMIT) cache.clear();
    cache.set(key, rows);
  }
  return text(
    200,
    halCollectionText(req, rows, paging, recordJson),
    'application/json; charset=utf-8',
  );
}

/** `PUT /calls/records?$filter=... {hide: true}`: the matching records leave the history. */
function hideRecords(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value) || typeof body.value.hide !== 'boolean')
    return validation('The body must be {"hide": true}.');
  const predicate = recordFilter(req);
  if (typeof predicate !== 'function') return predicate;
  const accountId = auth.token.data.accountId;
  const all = (ctx.dir.callRecords.get(accountId) ?? []).filter((record) =>
    predicate(record as unknown as Row),
  );
  for (const record of all) {
    if (body.value.hide) ctx.dir.hiddenCalls.add(record.callId);
    else ctx.dir.hiddenCalls.delete(record.callId);
  }
  ctx.dir.recordsVersion++;
  return json(200, { count: all.length, hide: body.value.hide });
}

const OPTIONAL_TEXT = ['from', 'fromName', 'associatedCallId'] as const;
const OPTIONAL_URLS = ['successUrl', 'failureUrl'] as const;

/**
 * `POST /endpoints/{endpointId}/calls {to, originateTimeout (0-120), from?, fromName?, record?,
 * successUrl?, failureUrl?, associatedCallId?, executeOnAnswer?: "bridge"}` → 200. The endpoint
 * is a user of the caller's account.
 */
function placeCall(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value)) return validation('The body must be a JSON object.');
  const fields = body.value;
  const problem = placeCallProblem(fields);
  if (problem !== undefined) return validation(problem);
  const endpointId = req.params.endpointId ?? '';
  const user = ctx.dir.users.get(endpointId);
  if (!user || user.accountId !== auth.token.data.accountId) {
    return mitelError(404, 'EndpointNotFound', 'The endpoint was not found in this account.');
  }
  const call: PlacedCall = {
    ...fields,
    callId: randomUUID(),
    endpointId,
    accountId: user.accountId,
    from: typeof fields.from === 'string' ? fields.from : user.extension,
    to: fields.to as string,
    state: 'dialing',
    createdOn: new Date(ctx.state.clock.now()).toISOString(),
  };
  ctx.dir.calls.set(call.callId, call);
  return json(200, call);
}

function placeCallProblem(fields: Record<string, unknown>): string | undefined {
  const { to, originateTimeout, record, executeOnAnswer } = fields;
  if (typeof to !== 'string' || !/^[+\d*#][\d*#\s-]*$/.test(to))
    return 'to is required: a dialable number or extension (digits, +, *, #).';
  if (
    typeof originateTimeout !== 'number' ||
    !Number.isInteger(originateTimeout) ||
    originateTimeout < 0 ||
    originateTimeout > 120
  )
    return 'originateTimeout is required: whole seconds from 0 to 120.';
  for (const name of OPTIONAL_TEXT) {
    if (fields[name] !== undefined && typeof fields[name] !== 'string')
      return `${name} must be a string.`;
  }
  for (const name of OPTIONAL_URLS) {
    const value = fields[name];
    if (value !== undefined && (typeof value !== 'string' || !/^https?:\/\/\S+$/.test(value)))
      return `${name} must be an http(s) URL.`;
  }
  if (record !== undefined && typeof record !== 'boolean') return 'record must be true or false.';
  if (executeOnAnswer !== undefined && executeOnAnswer !== 'bridge')
    return 'executeOnAnswer must be "bridge".';
  return undefined;
}
