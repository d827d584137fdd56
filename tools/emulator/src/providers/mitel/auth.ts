import { basicCredentials, formParams, isForm, isRecord, jsonBody } from '../../http/body';
import { json } from '../../http/reply';
import type { EmRequest, Reply } from '../../http/types';
import type { Router } from '../../http/router';
import type { MitelRole } from '../../seed/seed';
import { EMULATOR_SEED } from '../../seed/seed';
import { accountAccess, authenticate, type MitelContext, type MitelTokenData } from './context';
import type { MitelUser } from './directory';
import { mitelError, mitelUnprocessable } from './errors';
import { isMitelRole, roleWithin } from './roles';

/** Authentication service: `POST /token`, `POST /authorize`, `GET /token`, `POST /assume-role/token`. */
export function mountAuthentication(router: Router, ctx: MitelContext): void {
  router.add('POST', '/token', (req) => tokenGrant(ctx, req));
  router.add('POST', '/authorize', (req) => authorize(ctx, req));
  router.add('GET', '/token', (req) => whoAmI(ctx, req));
  router.add('POST', '/assume-role/token', (req) => assumeRole(ctx, req));
}

/** How long an authorization code can be exchanged; single use. */
const CODE_LIFETIME_SEC = 60;

function tokenGrant(ctx: MitelContext, req: EmRequest): Reply {
  const form = signInParams(req);
  if (!form) {
    return mitelError(
      400,
      'MissingParameters',
      'grant_type is required. Send the parameters as application/x-www-form-urlencoded (or a JSON object).',
    );
  }
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
    case 'authorization_code':
      return codeGrant(ctx, form);
    case 'refresh_token':
      return refreshGrant(ctx, form);
    default:
      return mitelError(
        400,
        'InvalidGrantType',
        'grant_type must be password, client_credentials, authorization_code or refresh_token.',
      );
  }
}

/**
 * The sign-in parameters: Mitel documents form-urlencoded, but its own sample code posts JSON
 * and works, so a JSON object of strings is read too. Anything else is not read at all.
 */
function signInParams(req: EmRequest): URLSearchParams | undefined {
  if (isForm(req)) return formParams(req);
  const body = jsonBody(req);
  if (!body.ok || !isRecord(body.value)) return undefined;
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(body.value)) {
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean')
      params.set(name, String(value));
  }
  return params;
}

/**
 * Headless authorization: `{response_type: "code", username, password, account_id?, client_id}`
 * → `{code}`. The client id is a registered application of this environment.
 */
function authorize(ctx: MitelContext, req: EmRequest): Reply {
  const form = signInParams(req);
  if (!form) {
    return mitelError(
      400,
      'MissingParameters',
      'response_type is required. Send the parameters as application/x-www-form-urlencoded.',
    );
  }
  const responseType = form.get('response_type');
  if (!responseType) return mitelError(400, 'MissingParameters', 'response_type is required.');
  if (responseType !== 'code')
    return mitelError(400, 'InvalidParameters', 'response_type must be "code".');
  const clientId = form.get('client_id');
  if (!clientId) return mitelError(400, 'MissingParameters', 'client_id is required.');
  const application = ctx.dir.clients.get(clientId);
  if (!application) return mitelError(404, 'ClientNotFound', 'The client was not found.');
  if (!application.active) return mitelError(401, 'ClientNotActive', 'The client is not active.');
  const user = signInUser(ctx, form);
  if ('reply' in user) return user.reply;
  const code = ctx.codes.issue(
    { ...userTokenData(ctx, user.user, form.get('scope') ?? '*'), applicationId: clientId },
    CODE_LIFETIME_SEC,
  );
  return json(200, { code: code.token });
}

/** `grant_type=authorization_code`, `code`, `client_id` (the one the code was issued to). */
function codeGrant(ctx: MitelContext, form: URLSearchParams): Reply {
  const code = form.get('code');
  const clientId = form.get('client_id');
  if (!code || !clientId)
    return mitelError(400, 'MissingParameters', 'code and client_id are required.');
  const issued = ctx.codes.get(code);
  ctx.state.counters.tokenCredential(
    'mitel',
    `${ctx.env}:${issued?.data.credentialId ?? '(unknown code)'}`,
  );
  if (!issued || issued.data.env !== ctx.env || issued.data.applicationId !== clientId) {
    return mitelError(
      401,
      'AuthenticationFailure',
      'The authorization code is invalid, expired, already used or was issued to another client.',
    );
  }
  ctx.codes.revoke(code);
  const { applicationId: _applicationId, ...data } = issued.data;
  return issuePair(ctx, data);
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
  const user = signInUser(ctx, form);
  if ('reply' in user) return user.reply;
  return issuePair(ctx, userTokenData(ctx, user.user, scope));
}

/** The user `username` / `password` / `account_id` name, or the reply refusing them. */
function signInUser(
  ctx: MitelContext,
  form: URLSearchParams,
): { user: MitelUser } | { reply: Reply } {
  const username = form.get('username');
  const password = form.get('password');
  if (!username || !password)
    return { reply: mitelError(400, 'MissingParameters', 'username and password are required.') };
  ctx.state.counters.tokenCredential('mitel', `${ctx.env}:${username.toLowerCase()}`);
  const accountId = form.get('account_id');
  if (accountId && !ctx.dir.accounts.has(accountId)) {
    return { reply: mitelError(404, 'AccountNotFound', 'The account was not found.') };
  }
  const candidates = ctx.dir
    .usersNamed(username)
    .filter((user) => !accountId || user.accountId === accountId);
  if (candidates.length > 1) {
    return {
      reply: mitelError(
        409,
        'MultipleAccounts',
        'The username exists in several accounts; send account_id.',
      ),
    };
  }
  const user = candidates[0];
  if (!user || user.password !== password) {
    return {
      reply: mitelError(401, 'InvalidLoginCredentials', 'The username or password is incorrect.'),
    };
  }
  switch (user.state) {
    case 'inactive':
      return { reply: mitelError(403, 'UserNotActive', 'The user is not active.') };
    case 'locked':
      return {
        reply: mitelUnprocessable('401', 'The user is locked out after too many failed sign-ins.'),
      };
    case 'password-change':
      return {
        reply: mitelUnprocessable('451', 'The password must be changed before signing in.'),
      };
    case 'password-rules':
      return {
        reply: mitelUnprocessable(
          '452',
          'The password no longer meets the password rules; change it.',
        ),
      };
    case 'active':
      return { user };
  }
}

function userTokenData(ctx: MitelContext, user: MitelUser, scope: string): MitelTokenData {
  return {
    env: ctx.env,
    accountId: user.accountId,
    role: user.role,
    principalId: user.userId,
    principalType: 'user',
    credentialId: user.email.toLowerCase(),
    scope,
  };
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
      domain: ctx.dir.domainOf(data.accountId),
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
