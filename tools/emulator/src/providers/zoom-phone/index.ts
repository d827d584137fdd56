import { basicCredentials, bearerToken, formParams, hasBody, isForm } from '../../http/body';
import { json } from '../../http/reply';
import { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import type { EmulatorState } from '../../state/state';
import { TokenRegistry } from '../../state/token-registry';
import type { ProviderModule } from '../types';
import { zoomError, zoomTokenError } from './errors';
import { page } from './paging';
import { ACCOUNT_USERS, CALL_HISTORY, PHONE_USERS, ZOOM_APP, type ZoomCall } from './seed';

interface ZoomTokenData {
  accountId: string;
  clientId: string;
}

const DAY_MS = 24 * 3600 * 1000;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Zoom Phone under `/zoom/`: Server-to-Server OAuth at `/zoom/oauth/token` (zoom.us in real
 * life), the API at `/zoom/v2/...` (api.zoom.us).
 */
export function createZoomPhone(state: EmulatorState): ProviderModule {
  const tokens = new TokenRegistry<ZoomTokenData>(state.clock);

  const token = (req: EmRequest): Reply => {
    // Zoom's docs send the parameters in a form body; its older docs put them in the query
    // string, which it still reads. A JSON body is answered as if the grant were missing.
    if (hasBody(req) && !isForm(req)) {
      return zoomTokenError('unsupported grant type', 'unsupported_grant_type');
    }
    const form = hasBody(req) ? formParams(req) : new URLSearchParams();
    const param = (name: string): string | null => form.get(name) ?? req.query.get(name);
    const basic = basicCredentials(req, 'raw');
    if (basic) state.counters.tokenCredential('zoom', basic.id);
    if (!basic || basic.id !== ZOOM_APP.clientId || basic.secret !== ZOOM_APP.clientSecret) {
      return zoomTokenError('Invalid client_id or client_secret', 'invalid_client');
    }
    if (param('grant_type') !== 'account_credentials') {
      return zoomTokenError('unsupported grant type', 'unsupported_grant_type');
    }
    // The exact wording of these two is not documented; the error code is what clients read.
    const accountId = param('account_id');
    if (!accountId) return zoomTokenError('Missing account_id', 'invalid_request');
    if (accountId !== ZOOM_APP.accountId) {
      return zoomTokenError('Invalid account_id', 'invalid_request');
    }
    const lifetime = state.lifetime('zoom');
    const issued = tokens.issue({ accountId, clientId: basic.id }, lifetime);
    return json(200, {
      access_token: issued.token,
      token_type: 'bearer',
      expires_in: lifetime - 1,
      scope: ZOOM_APP.scope,
      api_url: `http://${req.headers.host ?? '127.0.0.1'}/zoom`,
    });
  };

  const authed =
    (handler: (req: EmRequest) => Reply) =>
    (req: EmRequest): Reply =>
      tokens.get(bearerToken(req)) ? handler(req) : zoomError(401, 124, 'Invalid access token.');

  const router = new Router()
    .add('POST', '/oauth/token', token)
    .add(
      'GET',
      '/v2/phone/users',
      authed((req) => page(req, PHONE_USERS, 'users', 100)),
    )
    .add(
      'GET',
      '/v2/phone/users/{userId}',
      authed((req) => withPhoneUser(req.params.userId, (user) => json(200, user))),
    )
    .add(
      'GET',
      '/v2/phone/call_history',
      authed((req) => callHistory(req, CALL_HISTORY, state.clock.now())),
    )
    .add(
      'GET',
      '/v2/phone/users/{userId}/call_history',
      authed((req) =>
        withPhoneUser(req.params.userId, (user) =>
          callHistory(
            req,
            CALL_HISTORY.filter((record) => record.user_id === user.id),
            state.clock.now(),
          ),
        ),
      ),
    )
    .add(
      'GET',
      '/v2/users',
      authed((req) => page(req, ACCOUNT_USERS, 'users', 300, { page_count: 1, page_number: 1 })),
    )
    .add(
      'GET',
      '/v2/users/me',
      authed(() => json(200, ACCOUNT_USERS[0])),
    );

  return {
    name: 'zoom',
    classify: (req) => (req.path === '/oauth/token' ? 'token' : 'api'),
    handle: (req) =>
      router.handle(req, (_req, methodNotAllowed) =>
        methodNotAllowed
          ? zoomError(405, 405, `${req.method} is not allowed here.`)
          : zoomError(404, 404, 'Not Found.'),
      ),
    errorBody: (status, message, kind) =>
      kind === 'token' ? { reason: message, error: 'server_error' } : { code: status, message },
    revokeAll: () => tokens.clear(),
    revokeToken: (accessToken) => tokens.revoke(accessToken),
    reset: () => void tokens.clear(),
  };
}

function withPhoneUser(
  idOrEmail: string | undefined,
  then: (user: (typeof PHONE_USERS)[number]) => Reply,
): Reply {
  const user = PHONE_USERS.find((c) => c.id === idOrEmail || c.email === idOrEmail);
  return user ? then(user) : zoomError(404, 1001, `User does not exist: ${idOrEmail ?? ''}.`);
}

/** Whole days `from`..`to` (yyyy-mm-dd, UTC); Zoom's default is the last day. */
function callHistory(req: EmRequest, records: readonly ZoomCall[], now: number): Reply {
  const fromText = req.query.get('from') ?? '';
  const toText = req.query.get('to') ?? '';
  for (const [name, value] of [
    ['from', fromText],
    ['to', toText],
  ] as const) {
    if (value !== '' && !DATE.test(value)) {
      return zoomError(400, 300, `Invalid field: ${name}. Use yyyy-mm-dd.`);
    }
  }
  const to = toText === '' ? now : Date.parse(`${toText}T23:59:59.999Z`);
  const from = fromText === '' ? to - DAY_MS : Date.parse(`${fromText}T00:00:00Z`);
  if (Number.isNaN(from) || Number.isNaN(to)) return zoomError(400, 300, 'Invalid date.');
  if (from > to) return zoomError(400, 300, 'The from date must be before the to date.');
  const inRange = records.filter((record) => {
    const start = Date.parse(record.start_time);
    return start >= from && start <= to;
  });
  const day = (epoch: number) => new Date(epoch).toISOString().slice(0, 10);
  return page(req, inRange, 'call_history', 300, { from: day(from), to: day(to) });
}
