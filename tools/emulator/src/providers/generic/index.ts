import {
  basicCredentials,
  bearerToken,
  formParams,
  isForm,
  type BasicCredentials,
} from '../../http/body';
import { json } from '../../http/reply';
import { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { EMULATOR_SEED, type GenericSeedClient } from '../../seed/seed';
import type { EmulatorState } from '../../state/state';
import { TokenRegistry } from '../../state/token-registry';
import { invalidBearer, oauthError, splitScopes } from '../oauth';
import type { ProviderModule } from '../types';

interface GenericTokenData {
  clientId: string;
  scopes: string[];
  username?: string;
}

const REFRESH_LIFETIME_SEC = 30 * 24 * 3600;
const ITEMS = Array.from({ length: EMULATOR_SEED.generic.items }, (_, i) => ({
  id: i + 1,
  name: `Item ${i + 1}`,
  createdAt: new Date(Date.UTC(2026, 0, 1) + i * 3_600_000).toISOString(),
}));

/**
 * A plain RFC 6749 server under `/generic/...`: client authentication in the body, HTTP Basic
 * (RFC form-url-decoded) or the query string, but only one of them; grants client_credentials,
 * password and refresh_token (rotating, single use).
 */
export function createGeneric(state: EmulatorState): ProviderModule {
  const access = new TokenRegistry<GenericTokenData>(state.clock);
  const refresh = new TokenRegistry<GenericTokenData>(state.clock);
  const clients = new Map<string, GenericSeedClient>(
    Object.values(EMULATOR_SEED.generic.clients).map((client) => [client.clientId, client]),
  );
  const users = new Map<string, string>(
    Object.values(EMULATOR_SEED.generic.users).map((user) => [user.username, user.password]),
  );

  const issue = (data: GenericTokenData, withRefresh: boolean): Reply => {
    const lifetime = state.lifetime('generic');
    const body: Record<string, unknown> = {
      access_token: access.issue(data, lifetime).token,
      token_type: 'Bearer',
      expires_in: lifetime,
      scope: data.scopes.join(' '),
    };
    if (withRefresh) body.refresh_token = refresh.issue(data, REFRESH_LIFETIME_SEC).token;
    return json(200, body);
  };

  const token = (req: EmRequest): Reply => {
    if (!isForm(req))
      return oauthError(
        400,
        'invalid_request',
        'The body must be application/x-www-form-urlencoded.',
      );
    const form = formParams(req);
    const placements = clientAuthentications(req, form);
    if (placements.length > 1) {
      return oauthError(
        400,
        'invalid_request',
        'Use exactly one client authentication method (body, HTTP Basic or query).',
      );
    }
    const credentials = placements[0];
    if (!credentials)
      return oauthError(401, 'invalid_client', 'Client authentication is required.');
    state.counters.tokenCredential('generic', credentials.id);
    const client = clients.get(credentials.id);
    if (!client || client.clientSecret !== credentials.secret) {
      return oauthError(401, 'invalid_client', 'Client authentication failed.');
    }
    const requested = splitScopes(form.get('scope'));
    const unknownScope = requested.find((scope) => !client.scopes.includes(scope));
    if (unknownScope)
      return oauthError(
        400,
        'invalid_scope',
        `Scope "${unknownScope}" is not allowed for this client.`,
      );
    const scopes = requested.length > 0 ? requested : client.scopes;
    switch (form.get('grant_type')) {
      case 'client_credentials':
        return issue({ clientId: client.clientId, scopes }, false);
      case 'password': {
        const username = form.get('username');
        const password = form.get('password');
        if (!username || !password)
          return oauthError(400, 'invalid_request', 'username and password are required.');
        if (users.get(username) !== password)
          return oauthError(400, 'invalid_grant', 'Invalid resource owner credentials.');
        return issue({ clientId: client.clientId, scopes, username }, true);
      }
      case 'refresh_token': {
        const old = refresh.get(form.get('refresh_token') ?? undefined);
        if (!old || old.data.clientId !== client.clientId) {
          return oauthError(
            400,
            'invalid_grant',
            'The refresh token is invalid, expired, revoked or already used.',
          );
        }
        refresh.revoke(old.token);
        return issue(old.data, true);
      }
      case null:
        return oauthError(400, 'invalid_request', 'grant_type is required.');
      default:
        return oauthError(
          400,
          'unsupported_grant_type',
          'Supported grants: client_credentials, password, refresh_token.',
        );
    }
  };

  const authed =
    (scope: string | undefined, handler: (req: EmRequest, data: GenericTokenData) => Reply) =>
    (req: EmRequest): Reply => {
      const issued = access.get(bearerToken(req));
      if (!issued) return invalidBearer();
      if (scope && !issued.data.scopes.includes(scope)) {
        return oauthError(
          403,
          'insufficient_scope',
          `This endpoint requires the scope "${scope}".`,
          {
            'www-authenticate': `Bearer error="insufficient_scope", scope="${scope}"`,
          },
        );
      }
      return handler(req, issued.data);
    };

  const router = new Router()
    .add('POST', '/oauth/token', token)
    .add(
      'GET',
      '/api/me',
      authed(undefined, (_req, data) =>
        json(200, {
          sub: data.username ?? data.clientId,
          client_id: data.clientId,
          scope: data.scopes.join(' '),
        }),
      ),
    )
    .add('GET', '/api/items', authed('read', listItems));

  return {
    name: 'generic',
    classify: (req) => (req.path === '/oauth/token' ? 'token' : 'api'),
    handle: (req) =>
      router.handle(req, (_req, methodNotAllowed) =>
        methodNotAllowed
          ? oauthError(405, 'method_not_allowed', `${req.method} is not allowed here.`)
          : oauthError(404, 'not_found', `No resource at ${req.path}.`),
      ),
    revokeAll: () => access.clear() + refresh.clear(),
    revokeToken: (value) => access.revoke(value) || refresh.revoke(value),
    reset() {
      access.clear();
      refresh.clear();
    },
  };
}

/** Every place the client authenticated, so sending two at once can be refused. */
function clientAuthentications(req: EmRequest, form: URLSearchParams): BasicCredentials[] {
  const found: BasicCredentials[] = [];
  const basic = basicCredentials(req, 'strict');
  if (basic) found.push(basic);
  if (form.has('client_id'))
    found.push({ id: form.get('client_id') ?? '', secret: form.get('client_secret') ?? '' });
  if (req.query.has('client_id'))
    found.push({
      id: req.query.get('client_id') ?? '',
      secret: req.query.get('client_secret') ?? '',
    });
  return found;
}

/** Offset paging: `?offset=0&limit=20` (limit 1-100) → `{items, total, offset, limit}`. */
function listItems(req: EmRequest): Reply {
  const offset = Number(req.query.get('offset') ?? '0');
  const limit = Number(req.query.get('limit') ?? '20');
  if (!Number.isInteger(offset) || offset < 0)
    return oauthError(400, 'invalid_request', 'offset must be an integer >= 0.');
  if (!Number.isInteger(limit) || limit < 1 || limit > 100) {
    return oauthError(400, 'invalid_request', 'limit must be an integer from 1 to 100.');
  }
  return json(200, {
    items: ITEMS.slice(offset, offset + limit),
    total: ITEMS.length,
    offset,
    limit,
  });
}
