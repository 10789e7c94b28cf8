import type { Role as StoredRole } from '../../db/operators/events';

/**
 * Who may call a channel. Each role includes the rights of the ones before it: a dispatch lead can
 * pick, a supervisor can run dispatch, an admin can do everything. `anyone` needs no sign-in (the
 * sign-in itself, who/where this console is, the health banner).
 */
export const ROLES = ['picker', 'dispatch', 'supervisor', 'admin'] as const;
export type Role = (typeof ROLES)[number];
// The stored role (db) and the contract's are one list: either side drifting fails the typecheck.
const sameRoles: [Role, StoredRole] extends [StoredRole, Role] ? true : never = true;
void sameRoles;
export type Need = 'anyone' | Role;

export const ROLE_LABEL: Record<Role, string> = { picker: 'picker', dispatch: 'dispatch lead', supervisor: 'supervisor', admin: 'admin' };

export const roleRank = (r: Need): number => (r === 'anyone' ? 0 : ROLES.indexOf(r) + 1);

/** Does a principal of role `have` reach a channel that needs `need`? */
export const allows = (have: Role, need: Need): boolean => roleRank(have) >= roleRank(need);

/** The role just below `need` (null when none is below: anyone, picker). */
export const below = (need: Need): Role | null => (roleRank(need) >= 2 ? ROLES[roleRank(need) - 2] : null);
