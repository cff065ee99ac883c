/**
 * Who may change the directory and a collaborative's membership (ACCESS.md A20-A23). The
 * model's policy decides every document action; these are the few rights about the directory
 * itself, which the policy does not cover, read straight from role assignments.
 */
import type { Collaborative } from '@cydweithio/model/domain/collaborative';
import type { Actor } from './policy';

/** LA officers manage the directory; with laCodes given, an officer of at least one of them. */
export function isLaOfficer(actor: Actor, laCodes?: readonly number[]): boolean {
  return actor.roles.some((r) => r.role === 'la-officer' && (laCodes === undefined || laCodes.includes(r.laCode)));
}

/** Any LA role (facilitator or officer) in one of these LAs: sees coverage. */
export function hasLaRole(actor: Actor, laCode: number): boolean {
  return actor.roles.some((r) => 'laCode' in r && r.laCode === laCode);
}

export function isConvenorOf(actor: Actor, collaborative: Collaborative): boolean {
  return actor.personId === collaborative.convenorId
    || actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === collaborative.id);
}

/**
 * The convenor manages membership (invitations, removals); so does an LA officer of an LA that
 * has a member school, since the LA facilitates every collaborative with school leaders.
 */
export function mayManageMembers(actor: Actor, collaborative: Collaborative, memberLaCodes: readonly number[]): boolean {
  return isConvenorOf(actor, collaborative) || isLaOfficer(actor, memberLaCodes);
}
