import { bearerToken } from '../../http/body';
import type { EmRequest, Reply } from '../../http/types';
import type { EmulatorState } from '../../state/state';
import type { Issued, TokenRegistry } from '../../state/token-registry';
import type { MitelEnv, MitelRole } from '../../seed/seed';
import type { MitelDirectory } from './directory';
import { invalidToken, mitelError } from './errors';

export interface MitelTokenData {
  env: MitelEnv;
  accountId: string;
  role: MitelRole;
  principalId: string;
  principalType: 'user' | 'client';
  /** Counter key: client id or user name, never a secret. */
  credentialId: string;
  scope: string;
}

/** What every Mitel handler of one environment needs. */
export interface MitelContext {
  env: MitelEnv;
  state: EmulatorState;
  dir: MitelDirectory;
  access: TokenRegistry<MitelTokenData>;
  refresh: TokenRegistry<MitelTokenData>;
  /** Authorization codes of the headless authorization-code sign-in (single use). */
  codes: TokenRegistry<MitelTokenData & { applicationId: string }>;
  /** `/mitel/<env>/<service>/2017-09-01` for links. */
  basePath(service: string): string;
}

export type AuthResult = { ok: true; token: Issued<MitelTokenData> } | { ok: false; reply: Reply };

/** A bearer token of THIS environment; a production token is 401 in the sandbox and vice versa. */
export function authenticate(ctx: MitelContext, req: EmRequest): AuthResult {
  const token = ctx.access.get(bearerToken(req));
  if (!token || token.data.env !== ctx.env) return { ok: false, reply: invalidToken() };
  return { ok: true, token };
}

/** Own account, or a customer account of the caller's partner account for PARTNER_ADMIN. */
export function accountAccess(
  ctx: MitelContext,
  data: MitelTokenData,
  accountId: string,
): Reply | undefined {
  const account = ctx.dir.accounts.get(accountId);
  if (!account) return mitelError(404, 'AccountNotFound', `Account ${accountId} was not found.`);
  if (data.accountId === accountId) return undefined;
  if (data.role === 'PARTNER_ADMIN' && account.partnerId === data.accountId) return undefined;
  return mitelError(403, 'Forbidden', `The token is not allowed to act in account ${accountId}.`);
}
