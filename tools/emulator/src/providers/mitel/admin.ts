import { randomBytes, randomUUID } from 'node:crypto';
import { isRecord, jsonBody } from '../../http/body';
import { json } from '../../http/reply';
import type { Router } from '../../http/router';
import type { EmRequest, Reply } from '../../http/types';
import type { MitelRole } from '../../seed/seed';
import { accountAccess, authenticate, type MitelContext, type MitelTokenData } from './context';
import { publicUser } from './directory';
import { mitelError, validation } from './errors';
import { compileFilter, FilterError, type Predicate, type Row } from './odata';
import { halCollection, parsePaging } from './paging';
import { isAdmin, isMitelRole, roleWithin } from './roles';

/** Admin service: accounts, users and application clients. */
export function mountAdmin(router: Router, ctx: MitelContext): void {
  router.add('GET', '/accounts/{accountId}', (req) => getAccount(ctx, req));
  router.add('GET', '/accounts/{accountId}/users', (req) => listUsers(ctx, req));
  router.add('GET', '/users/{userId}', (req) => getUser(ctx, req));
  router.add('POST', '/accounts/{accountId}/clients', (req) => createClient(ctx, req));
}

/** Authenticated and allowed in the path's account; `admin` also requires ACCOUNT_ADMIN or above. */
function inAccount(
  ctx: MitelContext,
  req: EmRequest,
  accountId: string,
  admin: boolean,
): { ok: true; data: MitelTokenData } | { ok: false; reply: Reply } {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth;
  const denied = accountAccess(ctx, auth.token.data, accountId);
  if (denied) return { ok: false, reply: denied };
  if (admin && !isAdmin(auth.token.data.role)) {
    return {
      ok: false,
      reply: mitelError(403, 'Forbidden', 'This operation needs the ACCOUNT_ADMIN role.'),
    };
  }
  return { ok: true, data: auth.token.data };
}

function getAccount(ctx: MitelContext, req: EmRequest): Reply {
  const accountId = req.params.accountId ?? '';
  const allowed = inAccount(ctx, req, accountId, false);
  if (!allowed.ok) return allowed.reply;
  const account = ctx.dir.accounts.get(accountId);
  return json(200, {
    accountId,
    name: account?.name,
    ...(account?.partnerId ? { partnerId: account.partnerId } : {}),
    userCount: ctx.dir.usersOf(accountId).length,
    createdOn: '2024-01-15T09:00:00.000Z',
  });
}

function listUsers(ctx: MitelContext, req: EmRequest): Reply {
  const accountId = req.params.accountId ?? '';
  const allowed = inAccount(ctx, req, accountId, true);
  if (!allowed.ok) return allowed.reply;
  const paging = parsePaging(req);
  if (!paging.ok) return paging.reply;
  let predicate: Predicate;
  try {
    predicate = compileFilter(req.query.get('$filter') ?? '', USER_FIELDS, ['createdOn']);
  } catch (error) {
    if (error instanceof FilterError) return mitelError(400, 'InvalidParameters', error.message);
    throw error;
  }
  const tags = expandsTags(req);
  const users = ctx.dir
    .usersOf(accountId)
    .map((user) => publicUser(user, tags))
    .filter((user) => predicate(user as unknown as Row));
  return json(200, halCollection(req, users, paging));
}

const USER_FIELDS = [
  'userId',
  'accountId',
  'firstName',
  'lastName',
  'name',
  'email',
  'role',
  'extension',
  'createdOn',
];

/** `$expand=tags` (a comma-separated list; other names are ignored). */
function expandsTags(req: EmRequest): boolean {
  return (req.query.get('$expand') ?? '')
    .split(',')
    .some((name) => name.trim().toLowerCase() === 'tags');
}

function getUser(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const user = ctx.dir.users.get(req.params.userId ?? '');
  if (!user) return mitelError(404, 'UserNotFound', 'The user was not found.');
  const caller = auth.token.data;
  if (caller.principalId !== user.userId) {
    const denied = accountAccess(ctx, caller, user.accountId);
    // Hide users of other accounts entirely; a plain USER may only read itself.
    if (denied) return mitelError(404, 'UserNotFound', 'The user was not found.');
    if (!isAdmin(caller.role))
      return mitelError(403, 'Forbidden', 'A USER may only read its own user.');
  }
  return json(200, publicUser(user, expandsTags(req)));
}

/** `POST /accounts/{accountId}/clients {role, type: "APP", clientId?, name?}` → includes `clientSecret`. */
function createClient(ctx: MitelContext, req: EmRequest): Reply {
  const accountId = req.params.accountId ?? '';
  const allowed = inAccount(ctx, req, accountId, true);
  if (!allowed.ok) return allowed.reply;
  const body = jsonBody(req);
  if (!body.ok) return validation(`The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value)) return validation('The body must be a JSON object.');
  const { role, type, clientId, name } = body.value;
  if (type !== 'APP') return validation('type must be "APP".');
  if (!isMitelRole(role) || role === 'GUEST')
    return validation('role must be USER, ACCOUNT_ADMIN or PARTNER_ADMIN.');
  const account = ctx.dir.accounts.get(accountId);
  if (role === 'PARTNER_ADMIN' && account?.partnerId) {
    return validation('PARTNER_ADMIN clients can only be created in a partner account.');
  }
  if (!roleWithin(role as MitelRole, allowed.data.role)) {
    return mitelError(
      403,
      'Forbidden',
      `Cannot create a ${role} client: higher than the caller's role.`,
    );
  }
  if (
    clientId !== undefined &&
    (typeof clientId !== 'string' || !/^[\w.-]{3,64}$/.test(clientId))
  ) {
    return validation('clientId must be 3-64 letters, digits, dots, dashes or underscores.');
  }
  if (name !== undefined && typeof name !== 'string') return validation('name must be a string.');
  const id = (clientId as string | undefined) ?? randomUUID();
  if (ctx.dir.clients.has(id))
    return mitelError(409, 'ClientAlreadyExists', `A client ${id} already exists.`);
  const clientSecret = randomBytes(24).toString('base64url');
  ctx.dir.clients.set(id, { clientId: id, clientSecret, accountId, role, active: true });
  return json(201, {
    clientId: id,
    clientSecret,
    accountId,
    role,
    type: 'APP',
    name: typeof name === 'string' ? name : id,
    createdOn: new Date(ctx.state.clock.now()).toISOString(),
  });
}
