import type { MitelRole } from '../../seed/seed';

const RANK: Record<MitelRole, number> = { GUEST: 0, USER: 1, ACCOUNT_ADMIN: 2, PARTNER_ADMIN: 3 };

export function isMitelRole(value: unknown): value is MitelRole {
  return typeof value === 'string' && value in RANK;
}

/** True when `role` grants no more than `ceiling`. */
export function roleWithin(role: MitelRole, ceiling: MitelRole): boolean {
  return RANK[role] <= RANK[ceiling];
}

export function isAdmin(role: MitelRole): boolean {
  return RANK[role] >= RANK.ACCOUNT_ADMIN;
}
