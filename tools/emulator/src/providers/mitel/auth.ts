import { basicCredentials, formParams, isForm, isRecord, jsonBody } from '../../http/body';
import { json } from '../../http/reply';
import type { EmRequest, Reply } from '../../http/types';
import type { Router } from '../../http/router';
import type { MitelRole } from '../../seed/seed';
import { EMULATOR_SEED } from '../../seed/seed';
import { accountAccess, authenticate, type MitelContext, type MitelTokenData } from './context';
import { mitelError, mitelUnprocessable } from './errors';
import { isMitelRole, roleWithin } from './roles';

/** Authentication service: `POST /token`, `GET /token`, `POST /assume-role/token`. */
export function mountAuthentication(router: Router, ctx: MitelContext): void {
  router.add('POST', '/token', (req) => tokenGrant(ctx, req));
  router.add('GET', '/token', (req) => whoAmI(ctx, req));
  router.add('POST', '/assume-role/token', (req) => assumeRole(ctx, req));
}

function tokenGrant(ctx: MitelContext, req: EmRequest): Reply {
  if (!isForm(req)) {
    return mitelError(
      400,
      'MissingParameters',
      'grant_type is required. The body must be application/x-www-form-urlencoded; a JSON body is not read.',
    );
  }
  const form = formParams(req);
  const grant = form.get('grant_type');
  if (!grant) return mitelError(400, 'MissingParameters', 'grant_type is required.');
  const scope = form.get('scope') ?? '*';
  if (!/^[\w.:*\- ]+$/.test(scope))
    return mitelError(400, 'InvalidScope', 'scope contains invalid characters.');
  switch (grant) {
    case 'client_credentials':
      return clientCredentials(ctx, req, form, scope);
    case 'password':
      return passwordGrant(ctx, form, scope);
    case 'refresh_token':
      return refreshGrant(ctx, form);
    default:
      return mitelError(
        400,
        'InvalidGrantType',
        'grant_type must be password, client_credentials or refresh_token.',
      );
  }
}

function clientCredentials(
  ctx: MitelContext,
  req: EmRequest,
  form: URLSearchParams,
  scope: string,
): Reply {
  const basic = basicCredentials(req, 'strict');
  const inBody = form.has('client_id') || form.has('client_secret');
  if (basic && inBody) {
    return mitelError(
      400,
      'InvalidRequest',
      'Send client credentials either in the body or as HTTP Basic, not both.',
    );
  }
  const clientId = basic?.id ?? form.get('client_id');
  const clientSecret = basic?.secret ?? form.get('client_secret');
  if (!clientId || !clientSecret) {
    return mitelError(400, 'MissingParameters', 'client_id and client_secret are required.');
  }
  ctx.state.counters.tokenCredential('mitel', `${ctx.env}:${clientId}`);
  const client = ctx.dir.clients.get(clientId);
  if (!client) return mitelError(404, 'ClientNotFound', 'The client was not found.');
  if (client.clientSecret !== clientSecret) {
    return mitelError(401, 'ClientSecretMismatch', 'The client secret does not match.');
  }
  if (!client.active) return mitelError(401, 'ClientNotActive', 'The client is not active.');
  const accountId = form.get('account_id') || client.accountId;
  const data: MitelTokenData = {
    env: ctx.env,
    accountId: client.accountId,
    role: client.role,
    principalId: client.clientId,
    principalType: 'client',
    credentialId: client.clientId,
    scope,
  };
  const denied = accountAccess(ctx, data, accountId);
  if (denied) return denied;
  // A partner client acting in a customer account is that account's administrator there.
  const role: MitelRole = accountId === client.accountId ? client.role : 'ACCOUNT_ADMIN';
  return issuePair(ctx, { ...data, accountId, role });
}

function passwordGrant(ctx: MitelContext, form: URLSearchParams, scope: string): Reply {
  const username = form.get('username');
  const password = form.get('password');
  if (!username || !password)
    return mitelError(400, 'MissingParameters', 'username and password are required.');
  ctx.state.counters.tokenCredential('mitel', `${ctx.env}:${username.toLowerCase()}`);
  const accountId = form.get('account_id');
  if (accountId && !ctx.dir.accounts.has(accountId)) {
    return mitelError(404, 'AccountNotFound', 'The account was not found.');
  }
  const candidates = ctx.dir
    .usersNamed(username)
    .filter((user) => !accountId || user.accountId === accountId);
  if (candidates.length > 1) {
    return mitelError(
      409,
      'MultipleAccounts',
      'The username exists in several accounts; send account_id.',
    );
  }
  const user = candidates[0];
  if (!user || user.password !== password) {
    return mitelError(401, 'InvalidLoginCredentials', 'The username or password is incorrect.');
  }
  switch (user.state) {
    case 'inactive':
      return mitelError(403, 'UserNotActive', 'The user is not active.');
    case 'locked':
      return mitelUnprocessable('401', 'The user is locked out after too many failed sign-ins.');
    case 'password-change':
      return mitelUnprocessable('451', 'The password must be changed before signing in.');
    case 'password-rules':
      return mitelUnprocessable(
        '452',
        'The password no longer meets the password rules; change it.',
      );
    case 'active':
      break;
  }
  return issuePair(ctx, {
    env: ctx.env,
    accountId: user.accountId,
    role: user.role,
    principalId: user.userId,
    principalType: 'user',
    credentialId: user.email.toLowerCase(),
    scope,
  });
}

/** Refresh tokens rotate: each one works once and the answer carries a new pair. */
function refreshGrant(ctx: MitelContext, form: URLSearchParams): Reply {
  const refreshToken = form.get('refresh_token');
  if (!refreshToken) return mitelError(400, 'MissingParameters', 'refresh_token is required.');
  const issued = ctx.refresh.get(refreshToken);
  if (!issued || issued.data.env !== ctx.env) {
    ctx.state.counters.tokenCredential('mitel', `${ctx.env}:(unknown refresh token)`);
    return mitelError(
      401,
      'InvalidRefreshToken',
      'The refresh token is invalid, expired, revoked or already used.',
    );
  }
  ctx.refresh.revoke(refreshToken);
  ctx.state.counters.tokenCredential('mitel', `${ctx.env}:${issued.data.credentialId}`);
  return issuePair(ctx, issued.data);
}

function issuePair(ctx: MitelContext, data: MitelTokenData, withRefresh = true): Reply {
  const lifetime = ctx.state.lifetime('mitel');
  const access = ctx.access.issue(data, lifetime);
  const body: Record<string, unknown> = {
    access_token: access.token,
    token_type: 'Bearer',
    expires_in: lifetime,
    scope: data.scope,
  };
  if (withRefresh) {
    body.refresh_token = ctx.refresh.issue(data, EMULATOR_SEED.mitel.refreshTokenLifetimeSec).token;
  }
  return json(201, body);
}

function whoAmI(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const { data, expiresAt, issuedAt } = auth.token;
  return json(200, {
    claims: {
      principalId: data.principalId,
      principalType: data.principalType,
      accountId: data.accountId,
      role: data.role,
      scope: data.scope,
      iat: Math.floor(issuedAt / 1000),
      exp: Math.floor(expiresAt / 1000),
    },
  });
}

/** A token limited to a role (never above the caller's) in the caller's or a customer account. */
function assumeRole(ctx: MitelContext, req: EmRequest): Reply {
  const auth = authenticate(ctx, req);
  if (!auth.ok) return auth.reply;
  const caller = auth.token.data;
  ctx.state.counters.tokenCredential('mitel', `${ctx.env}:${caller.credentialId}`);
  const body = jsonBody(req);
  if (!body.ok)
    return mitelError(400, 'InvalidRequest', `The body must be a JSON object: ${body.reason}.`);
  if (!isRecord(body.value))
    return mitelError(400, 'InvalidRequest', 'The body must be a JSON object.');
  const { role, accountId } = body.value;
  if (!isMitelRole(role)) {
    return mitelError(
      400,
      'InvalidParameters',
      `role must be one of ${EMULATOR_SEED.mitel.roles.join(', ')}.`,
    );
  }
  if (accountId !== undefined && typeof accountId !== 'string') {
    return mitelError(400, 'InvalidParameters', 'accountId must be a string.');
  }
  if (!roleWithin(role, caller.role)) {
    return mitelError(
      403,
      'Forbidden',
      `Cannot assume ${role}: it is higher than the caller's role.`,
    );
  }
  const target = accountId ?? caller.accountId;
  const denied = accountAccess(ctx, caller, target);
  if (denied) return denied;
  const assumedRole: MitelRole =
    role === 'PARTNER_ADMIN' && target !== caller.accountId ? 'ACCOUNT_ADMIN' : role;
  return issuePair(ctx, { ...caller, accountId: target, role: assumedRole }, false);
}
