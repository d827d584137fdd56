import { expandProfileTemplate } from './base-url';
import type { AssumeRoleDef, CredentialValues, ProviderProfile } from './types';
import { credentialText } from './values';

/** Mitel's assume-role exchange for one credential: where, which role, which account. */
export interface AssumedRole {
  def: AssumeRoleDef;
  url: string;
  role: string;
  accountId: string;
}

/** The exchange the credential asks for, or undefined when no role is set. */
export function assumedRole(
  profile: ProviderProfile,
  credentials: CredentialValues,
): AssumedRole | undefined {
  const def = profile.token.assumeRole;
  if (def === undefined) return undefined;
  const role = credentialText(profile, credentials, def.roleField);
  if (role === '') return undefined;
  return {
    def,
    role,
    accountId: credentialText(profile, credentials, def.accountIdField),
    url: expandProfileTemplate(profile, credentials, def.url),
  };
}
