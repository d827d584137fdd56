import { bearerToken, hasBody } from '../../http/body';
import { json, noContent } from '../../http/reply';
import { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { EMULATOR_SEED, type DellSeedClient } from '../../seed/seed';
import type { EmulatorState } from '../../state/state';
import { TokenRegistry, type Issued } from '../../state/token-registry';
import { invalidBearer, oauthError } from '../oauth';
import type { ProviderModule } from '../types';
import { DELL_LICENSE, DELL_USERS, generateEvents, generateMachines, type DellEvent } from './data';

interface DellTokenData {
  clientId: string;
  scope: string;
}

const MACHINES = generateMachines(60);
const EVENTS = generateEvents(MACHINES, 500);

/** Dell CloudLink Center under `/dell/cloudlink/...`: credentials only in the token URL's query. */
export function createDell(state: EmulatorState): ProviderModule {
  const tokens = new TokenRegistry<DellTokenData>(state.clock, 'uuid');
  const clients = new Map<string, DellSeedClient>(
    Object.values(EMULATOR_SEED.dell.clients).map((client) => [client.clientId, client]),
  );

  const token = (req: EmRequest): Reply => {
    if (hasBody(req) || req.headers.authorization) {
      return oauthError(
        400,
        'invalid_request',
        'Send grant_type, client_id, client_secret and scope in the query string; the request must have no body and no Authorization header.',
      );
    }
    const grant = req.query.get('grant_type');
    if (!grant) return oauthError(400, 'invalid_request', 'Missing grant type');
    if (grant !== 'client_credentials') {
      return oauthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grant}`);
    }
    const clientId = req.query.get('client_id');
    const clientSecret = req.query.get('client_secret');
    if (!clientId || !clientSecret) {
      return oauthError(
        401,
        'unauthorized',
        'Full authentication is required: client_id and client_secret are missing.',
      );
    }
    state.counters.tokenCredential('dell', clientId);
    const client = clients.get(clientId);
    if (!client || client.clientSecret !== clientSecret) {
      return oauthError(401, 'invalid_client', 'Bad client credentials');
    }
    const scope = req.query.get('scope') ?? EMULATOR_SEED.dell.scope;
    // Client users sign in with scope=all; built_in_client is the built-in secadmin user's.
    if (scope === 'built_in_client' && clientId !== 'secadmin') {
      return oauthError(
        400,
        'invalid_scope',
        'Invalid scope: built_in_client is for the built-in secadmin user; client users use "all".',
      );
    }
    if (scope !== EMULATOR_SEED.dell.scope && scope !== 'built_in_client') {
      return oauthError(
        400,
        'invalid_scope',
        `Invalid scope: ${scope}. Use "all" (client users) or "built_in_client" (secadmin).`,
      );
    }
    const lifetime = state.lifetime('dell');
    const issued = tokens.issue({ clientId, scope }, lifetime);
    return json(200, {
      access_token: issued.token,
      token_type: 'bearer',
      expires_in: lifetime - 1,
      scope,
    });
  };

  const authed =
    (handler: (req: EmRequest, accessToken: string) => Reply) =>
    (req: EmRequest): Reply => {
      const accessToken = bearerToken(req);
      if (!tokens.get(accessToken)) return invalidBearer('Invalid access token');
      return handler(req, accessToken as string);
    };

  const router = new Router()
    .add('POST', '/cloudlink/oauth/token', token)
    .add(
      'GET',
      '/cloudlink/rest/auth',
      authed((_req, accessToken) => sessionContext(tokens.get(accessToken))),
    )
    .add(
      'GET',
      '/cloudlink/rest/monitoring/events',
      authed((req) => monitoringEvents(req)),
    )
    .add(
      'DELETE',
      '/cloudlink/rest/auth',
      authed((_req, accessToken) => (tokens.revoke(accessToken), noContent())),
    )
    .add(
      'GET',
      '/cloudlink/rest/securevm',
      authed(() => json(200, MACHINES)),
    )
    .add(
      'GET',
      '/cloudlink/rest/securevm/{id}',
      authed((req) => machine(req.params.id)),
    )
    .add(
      'GET',
      '/cloudlink/rest/users',
      authed(() => json(200, DELL_USERS)),
    )
    .add(
      'GET',
      '/cloudlink/rest/license',
      authed(() => json(200, { ...DELL_LICENSE, machinesUsed: MACHINES.length })),
    );

  return {
    name: 'dell',
    classify: (req) => (req.path === '/cloudlink/oauth/token' ? 'token' : 'api'),
    handle: (req) =>
      router.handle(req, (_req, methodNotAllowed) =>
        methodNotAllowed
          ? json(405, {
              error: 'method_not_allowed',
              error_description: `${req.method} is not supported here`,
            })
          : json(404, { error: 'not_found', error_description: `No resource at ${req.path}` }),
      ),
    revokeAll: () => tokens.clear(),
    revokeToken: (accessToken) => tokens.revoke(accessToken),
    reset: () => void tokens.clear(),
  };
}

function machine(id: string | undefined): Reply {
  const found = MACHINES.find((candidate) => candidate.id === id);
  return found
    ? json(200, found)
    : json(404, { error: 'not_found', error_description: `Machine ${id ?? ''} not found` });
}

/** `GET /auth`: the session context of the bearer token. */
function sessionContext(issued: Issued<DellTokenData> | undefined): Reply {
  const user = DELL_USERS.find((candidate) => candidate.name === issued?.data.clientId);
  return json(200, {
    username: issued?.data.clientId,
    user_type: user?.type ?? 'Client',
    scope: issued?.data.scope,
    expires: issued === undefined ? undefined : new Date(issued.expiresAt).toISOString(),
  });
}

/** Epoch milliseconds or an ISO date-time; undefined when absent, NaN when unreadable. */
function instant(value: string | null): number | undefined {
  if (value === null || value === '') return undefined;
  return /^\d+$/.test(value) ? Number(value) : Date.parse(value);
}

/** `GET /monitoring/events?timestamp&end&count&interval`: events in the window, oldest first. */
function monitoringEvents(req: EmRequest): Reply {
  const from = instant(req.query.get('timestamp'));
  const to = instant(req.query.get('end'));
  const countText = req.query.get('count');
  const count = countText === null ? 100 : Number(countText);
  for (const [name, value] of [
    ['timestamp', from],
    ['end', to],
  ] as const) {
    if (value !== undefined && Number.isNaN(value))
      return oauthError(400, 'invalid_request', `${name} must be epoch milliseconds.`);
  }
  if (!Number.isInteger(count) || count < 1)
    return oauthError(400, 'invalid_request', 'count must be a positive integer.');
  const events: DellEvent[] = EVENTS.filter(
    (event) =>
      (from === undefined || event.timestamp >= from) &&
      (to === undefined || event.timestamp <= to),
  ).slice(0, count);
  return json(200, events);
}
