import { bearerToken, formParams, isForm, isRecord, jsonBody } from '../../http/body';
import { json } from '../../http/reply';
import { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import { EMULATOR_SEED, type BrightPatternSeedClient } from '../../seed/seed';
import type { EmulatorState } from '../../state/state';
import { TokenRegistry } from '../../state/token-registry';
import { invalidBearer, oauthError } from '../oauth';
import type { ProviderModule } from '../types';
import {
  BP_REQUIRED_ON_CREATE,
  publicBpUser,
  seedTenantUsers,
  validateBpUserFields,
  type BpUser,
} from './users';

interface BpTokenData {
  clientId: string;
  tenant: string;
}

type Authed = (req: EmRequest, users: Map<string, BpUser>) => Reply;

const bpError = (status: number, message: string): Reply =>
  json(status, { error: { code: status, message } });

/** Bright Pattern Configuration API v2 under `/bright-pattern/configapi/v2/...`, one user set per tenant. */
export function createBrightPattern(state: EmulatorState): ProviderModule {
  const tokens = new TokenRegistry<BpTokenData>(state.clock);
  const tenants: readonly string[] = EMULATOR_SEED['bright-pattern'].tenants;
  const clients: readonly BrightPatternSeedClient[] = Object.values(
    EMULATOR_SEED['bright-pattern'].clients,
  );
  let usersByTenant = new Map<string, Map<string, BpUser>>();
  const reseed = () => {
    usersByTenant = new Map(
      tenants.map((tenant, index) => [tenant, seedTenantUsers(tenant, index)]),
    );
  };
  reseed();

  const token = (req: EmRequest): Reply => {
    if (!isForm(req)) {
      return oauthError(
        400,
        'invalid_request',
        'The body must be application/x-www-form-urlencoded.',
      );
    }
    const form = formParams(req);
    const grant = form.get('grant_type');
    if (!grant) return oauthError(400, 'invalid_request', 'grant_type is required.');
    if (grant !== 'client_credentials')
      return oauthError(400, 'unsupported_grant_type', `Unsupported grant type ${grant}.`);
    const clientId = form.get('client_id');
    const clientSecret = form.get('client_secret');
    if (!clientId || !clientSecret) {
      return oauthError(
        400,
        'invalid_request',
        'client_id (login id) and client_secret (API secret) are required in the body.',
      );
    }
    state.counters.tokenCredential('bright-pattern', clientId);
    const tenantField = form.get('tenant');
    const scopeField = form.get('scope');
    if (tenantField && scopeField && tenantField !== scopeField) {
      return oauthError(400, 'invalid_request', 'tenant and scope name different tenants.');
    }
    const tenant = tenantField || scopeField;
    if (!tenant)
      return oauthError(400, 'invalid_request', 'tenant (or scope) is required: the tenant URL.');
    if (!tenants.includes(tenant))
      return oauthError(400, 'invalid_scope', `Unknown tenant "${tenant}".`);
    const client = clients.find(
      (candidate) => candidate.tenant === tenant && candidate.clientId === clientId,
    );
    if (!client || client.clientSecret !== clientSecret) {
      return oauthError(401, 'invalid_client', 'Invalid login id or API secret for this tenant.');
    }
    const lifetime = state.lifetime('bright-pattern');
    const issued = tokens.issue({ clientId, tenant }, lifetime);
    return json(200, {
      access_token: issued.token,
      token_type: 'Bearer',
      expires_in: String(lifetime - 1),
    });
  };

  const authed =
    (handler: Authed) =>
    (req: EmRequest): Reply => {
      const issued = tokens.get(bearerToken(req));
      if (!issued) return invalidBearer();
      return handler(req, usersByTenant.get(issued.data.tenant) as Map<string, BpUser>);
    };

  const withUser =
    (handler: (req: EmRequest, user: BpUser, users: Map<string, BpUser>) => Reply): Authed =>
    (req, users) => {
      const user = users.get(req.params.loginId ?? '');
      return user
        ? handler(req, user, users)
        : bpError(404, `User "${req.params.loginId ?? ''}" not found.`);
    };

  const router = new Router()
    .add('POST', '/configapi/v2/oauth/token', token)
    .add('POST', '/configapi/v2/user', authed(createUser))
    .add(
      'GET',
      '/configapi/v2/user/lock/{loginId}',
      authed(withUser((_req, user) => json(200, { lockedOut: user.lockedOut }))),
    )
    .add(
      'PUT',
      '/configapi/v2/user/lock/{loginId}',
      authed(withUser((_req, user) => ((user.lockedOut = false), json(200, { lockedOut: false })))),
    )
    .add(
      'GET',
      '/configapi/v2/user/{loginId}',
      authed(withUser((_req, user) => json(200, publicBpUser(user)))),
    )
    .add('PUT', '/configapi/v2/user/{loginId}', authed(withUser(updateUser)))
    .add(
      'GET',
      '/configapi/v2/phone/ext',
      authed((_req, users) => json(200, accessNumbers(users))),
    )
    .add(
      'GET',
      '/configapi/v2/phone/user',
      authed((_req, users) => json(200, userPhoneNumbers(users))),
    );

  return {
    name: 'bright-pattern',
    classify: (req) => (req.path === '/configapi/v2/oauth/token' ? 'token' : 'api'),
    errorBody: (status, message, kind) =>
      kind === 'api' ? { error: { code: status, message } } : undefined,
    handle: (req) =>
      router.handle(req, (_req, methodNotAllowed) =>
        methodNotAllowed
          ? bpError(405, `${req.method} is not allowed here.`)
          : bpError(404, `No resource at ${req.path}.`),
      ),
    revokeAll: () => tokens.clear(),
    revokeToken: (accessToken) => tokens.revoke(accessToken),
    reset() {
      tokens.clear();
      reseed();
    },
  };
}

function createUser(req: EmRequest, users: Map<string, BpUser>): Reply {
  const body = jsonBody(req);
  if (!body.ok || !isRecord(body.value))
    return bpError(400, `The body must be a JSON object${body.ok ? '' : `: ${body.reason}`}.`);
  const fields = body.value;
  const missing = BP_REQUIRED_ON_CREATE.filter(
    (key) => typeof fields[key] !== 'string' || fields[key] === '',
  );
  if (missing.length > 0) return bpError(400, `Missing required field(s): ${missing.join(', ')}.`);
  const problem = validateBpUserFields(fields);
  if (problem) return bpError(400, problem);
  const loginId = fields.loginId as string;
  // Bright Pattern documents 200, 400 and 405 for create: a duplicate is a 400.
  if (users.has(loginId)) return bpError(400, `User "${loginId}" already exists.`);
  const user: BpUser = {
    disabled: false,
    roles: [],
    skills: {},
    phoneNumbers: [],
    ...(fields as Partial<BpUser>),
    loginId,
    firstName: fields.firstName as string,
    lastName: fields.lastName as string,
    password: fields.password as string,
    lockedOut: false,
  };
  users.set(loginId, user);
  return json(200, publicBpUser(user));
}

function updateUser(req: EmRequest, user: BpUser): Reply {
  const body = jsonBody(req);
  if (!body.ok || !isRecord(body.value))
    return bpError(400, `The body must be a JSON object${body.ok ? '' : `: ${body.reason}`}.`);
  const fields = body.value;
  const problem = validateBpUserFields(fields);
  if (problem) return bpError(400, problem);
  if (fields.loginId !== undefined && fields.loginId !== user.loginId) {
    return bpError(400, 'loginId cannot be changed.');
  }
  Object.assign(user, fields);
  return json(200, publicBpUser(user));
}

function accessNumbers(users: Map<string, BpUser>): unknown[] {
  const numbers: unknown[] = [];
  for (const user of users.values()) {
    if (user.extension)
      numbers.push({ number: user.extension, type: 'extension', assignedTo: user.loginId });
  }
  numbers.push({ number: '+15550100000', type: 'access', assignedTo: 'scenario:Main IVR' });
  numbers.push({ number: '+15550100001', type: 'access', assignedTo: 'scenario:Support' });
  return numbers;
}

function userPhoneNumbers(users: Map<string, BpUser>): unknown[] {
  return [...users.values()].map((user) => ({
    loginId: user.loginId,
    extension: user.extension ?? null,
    phoneNumbers: user.phoneNumbers,
  }));
}
