import { FIRST_NAMES, LAST_NAMES } from '../../seed/names';
import { pick, prng } from '../../seed/random';
import { EMULATOR_SEED } from '../../seed/seed';

export interface BpUser {
  loginId: string;
  firstName: string;
  lastName: string;
  email?: string;
  team?: string;
  extension?: string;
  workPhone?: string;
  mobilePhone?: string;
  /** The user must choose a new password at the next sign-in. */
  changePassword?: boolean;
  disabled: boolean;
  roles: string[];
  skills: Record<string, number>;
  phoneNumbers: string[];
  lockedOut: boolean;
  /** Never returned. */
  password: string;
}

/** Fields a client may send; anything else is a validation error. */
export const BP_USER_FIELDS: Record<string, 'string' | 'boolean' | 'string[]' | 'skills'> = {
  loginId: 'string',
  password: 'string',
  firstName: 'string',
  lastName: 'string',
  email: 'string',
  team: 'string',
  extension: 'string',
  workPhone: 'string',
  mobilePhone: 'string',
  changePassword: 'boolean',
  disabled: 'boolean',
  roles: 'string[]',
  skills: 'skills',
  phoneNumbers: 'string[]',
};

export const BP_REQUIRED_ON_CREATE = ['loginId', 'password', 'firstName', 'lastName'] as const;

const TEAMS = ['Sales', 'Support', 'Billing', 'Retention'];

/** Users of one tenant, seeded deterministically; the first tenant has the named seed users. */
export function seedTenantUsers(tenant: string, tenantIndex: number): Map<string, BpUser> {
  const random = prng(0xb7 + tenantIndex);
  const users = new Map<string, BpUser>();
  const count = EMULATOR_SEED['bright-pattern'].generatedUsers;
  for (let i = 0; i < count; i++) {
    const firstName = i === 0 ? 'Alice' : pick(random, FIRST_NAMES);
    const lastName = i === 0 ? 'Anderson' : pick(random, LAST_NAMES);
    const loginId =
      i === 0
        ? EMULATOR_SEED['bright-pattern'].users.existing
        : `${firstName}.${lastName}${i}`.toLowerCase();
    users.set(loginId, {
      loginId,
      firstName,
      lastName,
      email: `${loginId}@${tenant}`,
      team: pick(random, TEAMS),
      extension: String(3000 + i),
      disabled: false,
      roles: i % 8 === 0 ? ['Supervisor'] : ['Agent'],
      skills: {
        english: 100,
        [pick(random, ['billing', 'sales', 'tech'])]: 50 + Math.floor(random() * 50),
      },
      phoneNumbers: [`+1555010${String(1000 + i).slice(-4)}`],
      lockedOut: false,
      password: `bp-${loginId}-pw`,
    });
  }
  const locked = EMULATOR_SEED['bright-pattern'].users.locked;
  users.set(locked, {
    loginId: locked,
    firstName: 'Lou',
    lastName: 'Locked',
    email: `${locked}@${tenant}`,
    team: 'Support',
    extension: '3999',
    disabled: false,
    roles: ['Agent'],
    skills: {},
    phoneNumbers: [],
    lockedOut: true,
    password: 'bp-locked-pw',
  });
  return users;
}

export function publicBpUser(user: BpUser): Omit<BpUser, 'password' | 'lockedOut'> {
  const { password: _password, lockedOut: _locked, ...rest } = user;
  return rest;
}

/** Checks field names and types of a create/update body; returns the first problem. */
export function validateBpUserFields(body: Record<string, unknown>): string | undefined {
  for (const [key, value] of Object.entries(body)) {
    const type = BP_USER_FIELDS[key];
    if (!type) return `Unknown field "${key}".`;
    if (type === 'string' && typeof value !== 'string') return `Field "${key}" must be a string.`;
    if (type === 'boolean' && typeof value !== 'boolean')
      return `Field "${key}" must be true or false.`;
    if (
      type === 'string[]' &&
      !(Array.isArray(value) && value.every((item) => typeof item === 'string'))
    ) {
      return `Field "${key}" must be an array of strings.`;
    }
    if (
      type === 'skills' &&
      !(
        typeof value === 'object' &&
        value !== null &&
        !Array.isArray(value) &&
        Object.values(value).every(
          (level) => typeof level === 'number' && level >= 0 && level <= 100,
        )
      )
    ) {
      return `Field "skills" must be an object of skill name to level 0-100.`;
    }
  }
  if (typeof body.email === 'string' && !/^[^@\s]+@[^@\s]+$/.test(body.email))
    return 'Field "email" is not an e-mail address.';
  return undefined;
}
