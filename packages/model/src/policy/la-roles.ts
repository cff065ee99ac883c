/**
 * Who answers for an LA's own roles (facilitator, officer) on the LA roles screen (P116-P118),
 * on top of the grant policy (P18-P20, grants.ts):
 * - the list of who holds the LA's roles, who gave each and when, and the trail of grants and
 *   removals is seen by the LA's officers only (P116): a facilitator, a school or another LA's
 *   officer learns nothing of it this way;
 * - a role is given only to someone already working in the LA, on the staff or governing body of
 *   one of its schools or holding one of its roles (P117), so an officer cannot reach into
 *   another LA's people;
 * - the LA's last officer stays (P118): nobody, not even that officer, removes the last one,
 *   or nobody would be left who may give the LA's roles.
 */
import type { Role } from '../domain/person';
import { decideGrant, decideRevoke, type GrantScope } from './grants';
import type { Actor, Decision } from './types';

export type LaScope = Extract<GrantScope, { type: 'la' }>;

const isOfficerOf = (actor: Actor, laCode: number): boolean =>
  actor.roles.some((r) => r.role === 'la-officer' && r.laCode === laCode);

/** P116: the LA's role holders and their trail, for that LA's officers only. */
export function decideViewLaAccess(actor: Actor, scope: LaScope): Decision {
  return isOfficerOf(actor, scope.laCode) ? { allow: true, reason: 'grant.la-officer' } : { allow: false, reason: 'grant.not-permitted' };
}

/**
 * P117: may `actor` give the LA role to `grantee`, whose LAs (through their schools and LA
 * roles) are `granteeLaCodes`? The grant policy decides first (P18, P19).
 */
export function decideLaGrant(actor: Actor, grant: { role: Role; scope: LaScope }, grantee: Actor, granteeLaCodes: readonly number[]): Decision {
  const decision = decideGrant(actor, grant, grantee);
  if (!decision.allow) return decision;
  return granteeLaCodes.includes(grant.scope.laCode) ? decision : { allow: false, reason: 'grant.grantee-outside-la' };
}

/**
 * P118: may `actor` take the LA role from `holderId`, while `officers` people hold the LA's
 * officer role? The grant policy decides first (P20); the last officer is never removed.
 */
export function decideLaRevoke(actor: Actor, grant: { role: Role; scope: LaScope }, holderId: string, officers: number): Decision {
  const decision = decideRevoke(actor, grant, holderId);
  if (!decision.allow) return decision;
  return grant.role === 'la-officer' && officers <= 1 ? { allow: false, reason: 'grant.last-officer' } : decision;
}
