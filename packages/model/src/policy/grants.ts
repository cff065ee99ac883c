/**
 * Who may give whom a role (P16-P20): one answer for every route that invites, accepts an
 * invitation, assigns or removes a role. A role is access: a headteacher owns the school's
 * peer reviews, so a role is granted only by someone who already answers for that scope.
 *
 * - A school's roles: its own headteacher (any of them), its senior leaders (practitioners
 *   only), or an LA officer of that school's own LA (P16). Never a convenor, a facilitator or
 *   an officer of another LA.
 * - A collaborative's roles (convenor, member contact): its convenor, or an LA officer of an LA
 *   of a member school (P17). The grantee must be on the staff of a member school: a convenor is
 *   a school leader, a contact speaks for their school.
 * - LA roles (facilitator, officer): an LA officer of that LA (P18).
 * - Nobody raises themselves above a role they already hold in the scope (P19).
 * - Removal follows the same rule, and anyone may give up a role of their own (P20).
 */
import {
  isCollaborativeRole, isLaRole, isSchoolRole, type Role, type RoleAssignment,
} from '../domain/person';
import type { Actor, Decision } from './types';

/** The scope a role applies in, with the facts the grant rules need. */
export type GrantScope =
  | { type: 'school'; schoolId: string; laCode: number }
  | { type: 'collaborative'; collaborativeId: string; memberSchoolIds: readonly string[]; memberLaCodes: readonly number[] }
  | { type: 'la'; laCode: number };

export interface Grant {
  role: Role;
  scope: GrantScope;
}

/** Rank within one scope, for the self-elevation rule (P19): higher may do more. */
const rank: Record<Role, number> = {
  headteacher: 3, 'senior-leader': 2, practitioner: 1, governor: 1,
  convenor: 2, 'member-contact': 1,
  'la-officer': 2, 'la-facilitator': 1,
};

const staffRoles: readonly Role[] = ['headteacher', 'senior-leader', 'practitioner'];
const leaderRoles: readonly Role[] = ['headteacher', 'senior-leader'];

function scopeFits(grant: Grant): boolean {
  switch (grant.scope.type) {
    case 'school': return isSchoolRole(grant.role);
    case 'collaborative': return isCollaborativeRole(grant.role);
    case 'la': return isLaRole(grant.role);
  }
}

/** The roles the actor holds in exactly this scope. */
export function rolesIn(roles: readonly RoleAssignment[], scope: GrantScope): Role[] {
  return roles.flatMap((r) => {
    if (scope.type === 'school' && 'schoolId' in r && r.schoolId === scope.schoolId) return [r.role];
    if (scope.type === 'collaborative' && 'collaborativeId' in r && r.collaborativeId === scope.collaborativeId) return [r.role];
    if (scope.type === 'la' && 'laCode' in r && r.laCode === scope.laCode) return [r.role];
    return [];
  });
}

function isOfficerOf(actor: Actor, laCodes: readonly number[]): boolean {
  return actor.roles.some((r) => r.role === 'la-officer' && laCodes.includes(r.laCode));
}

/** Who answers for the scope, whatever the grantee: the first capacity that allows, or null. */
function granterCapacity(actor: Actor, grant: Grant): string | null {
  const { scope, role } = grant;
  const held = rolesIn(actor.roles, scope);
  switch (scope.type) {
    case 'school':
      if (held.includes('headteacher')) return 'headteacher';
      if (held.includes('senior-leader') && role === 'practitioner') return 'senior-leader';
      return isOfficerOf(actor, [scope.laCode]) ? 'la-officer' : null;
    case 'collaborative':
      if (held.includes('convenor')) return 'convenor';
      return isOfficerOf(actor, scope.memberLaCodes) ? 'la-officer' : null;
    case 'la':
      return isOfficerOf(actor, [scope.laCode]) ? 'la-officer' : null;
  }
}

/** A collaborative role needs the grantee on the staff (convenor: among the leaders) of a member school. */
function granteeFits(grant: Grant, grantee: Actor): boolean {
  if (grant.scope.type !== 'collaborative') return true;
  const { memberSchoolIds } = grant.scope;
  const allowed = grant.role === 'convenor' ? leaderRoles : staffRoles;
  return grantee.roles.some((r) => 'schoolId' in r && memberSchoolIds.includes(r.schoolId) && allowed.includes(r.role));
}

/**
 * May `actor` give `grant` to `grantee`? Without a grantee (an invitation to an address with no
 * account yet, or the roles a screen offers) only the granter's side is decided; the grantee's
 * side is decided again when the invitation is accepted.
 */
export function decideGrant(actor: Actor, grant: Grant, grantee?: Actor): Decision {
  if (!scopeFits(grant)) return { allow: false, reason: 'grant.role-scope-mismatch' };
  const capacity = granterCapacity(actor, grant);
  if (capacity === null) return { allow: false, reason: 'grant.not-permitted' };
  if (grantee && grantee.personId === actor.personId) {
    const highest = Math.max(0, ...rolesIn(actor.roles, grant.scope).map((r) => rank[r]));
    if (rank[grant.role] > highest) return { allow: false, reason: 'grant.self-elevation' };
  }
  if (grantee && !granteeFits(grant, grantee)) return { allow: false, reason: 'grant.grantee-not-member-staff' };
  return { allow: true, reason: `grant.${capacity}` };
}

/** May `actor` take `grant` away from the person `holderId`? Their own role, always (P20). */
export function decideRevoke(actor: Actor, grant: Grant, holderId: string): Decision {
  if (!scopeFits(grant)) return { allow: false, reason: 'grant.role-scope-mismatch' };
  if (holderId === actor.personId) return { allow: true, reason: 'grant.own-role' };
  const capacity = granterCapacity(actor, grant);
  return capacity === null ? { allow: false, reason: 'grant.not-permitted' } : { allow: true, reason: `grant.${capacity}` };
}

/** The roles an actor may offer in a scope (for the screens; every grant is decided again). */
export function grantableRoles(actor: Actor, scope: GrantScope, candidates: readonly Role[]): Role[] {
  return candidates.filter((role) => decideGrant(actor, { role, scope }).allow);
}

/**
 * Who sees a school's access list ("who has access to our school") and answers for it (P44):
 * the school's headteacher and an LA officer of the school's own LA. Both may remove roles
 * there as decideRevoke allows; nobody else learns who holds the school's roles this way.
 */
export function decideViewAccess(actor: Actor, scope: Extract<GrantScope, { type: 'school' }>): Decision {
  if (rolesIn(actor.roles, scope).includes('headteacher')) return { allow: true, reason: 'grant.headteacher' };
  return isOfficerOf(actor, [scope.laCode]) ? { allow: true, reason: 'grant.la-officer' } : { allow: false, reason: 'grant.not-permitted' };
}

/**
 * Does a role its holder has still stand on what it was granted for (P45)? A collaborative role
 * needs its holder on the staff of a member school (P17): when their school leaves the
 * collaborative, or they leave the school, the role lapses and is removed with it.
 */
export function roleStillFits(grant: Grant, holder: Actor): boolean {
  return scopeFits(grant) && granteeFits(grant, holder);
}
