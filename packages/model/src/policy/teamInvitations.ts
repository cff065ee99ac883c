/**
 * P126-P128: inviting someone without an account (or with one) onto a peer review's team.
 * A team invitation carries a team place and, for host staff only, a role at the host school:
 * the host headteacher grants staff roles at their own school (P16) and nothing elsewhere, so a
 * reviewer or facilitator invited by email brings their school or LA role from whoever answers
 * for it. Whether the place fits is decided again, on the accepting person's roles then.
 */
import type { Role, RoleAssignment, SchoolRole } from '../domain/person';
import { teamRoleFits, type TeamCandidate, type TeamMember, type TeamRole } from '../domain/reviewTeam';
import { decideGrant, type GrantScope } from './grants';
import { decideTeamChange } from './reviewTeam';
import type { Actor, Decision, PolicyResource } from './types';

type PeerReviewResource = Extract<PolicyResource, { kind: 'peer-review' }>;
type SchoolScope = Extract<GrantScope, { type: 'school' }>;

/** The host-school roles that make someone host staff (a governor is not staff). */
export const hostStaffRoles: readonly SchoolRole[] = ['headteacher', 'senior-leader', 'practitioner'];

/** What a team invitation asks for: the team place, and the host-school role of host staff. */
export interface TeamInvitationAsk {
  teamRole: TeamRole;
  schoolRole: SchoolRole | null;
}

/** A person's roles as the team fit reads them (teamRoleFits). */
export function teamCandidateOf(personId: string, roles: readonly RoleAssignment[]): TeamCandidate {
  return {
    personId,
    schoolRoles: roles.flatMap((r) => ('schoolId' in r ? [{ role: r.role, schoolId: r.schoolId }] : [])),
    laRoles: roles.flatMap((r) => ('laCode' in r ? [{ role: r.role, laCode: r.laCode }] : [])),
  };
}

/**
 * P126: may `actor` invite someone by email onto this review's team? The host only (the same
 * hostOnly rule as P64), never once closed. Host staff come with a host-school role the grant
 * policy lets the actor give there (and, when the address has an account, give to that person);
 * any other team place comes with no school role at all.
 */
export function decideTeamInvitation(actor: Actor, resource: PeerReviewResource, ask: TeamInvitationAsk, hostScope: SchoolScope, grantee?: Actor): Decision {
  // P64's rule for taking someone off: the host only, and not once closed.
  const host = decideTeamChange(actor, resource, { remove: '' });
  if (!host.allow) return host;
  if (ask.teamRole === 'host-staff') {
    if (ask.schoolRole === null) return { allow: false, reason: 'peer-review.invite.school-role-needed' };
    if (!hostStaffRoles.includes(ask.schoolRole)) return { allow: false, reason: 'peer-review.invite.not-a-staff-role' };
    const grant = decideGrant(actor, { role: ask.schoolRole as Role, scope: hostScope }, grantee);
    if (!grant.allow) return grant;
  } else if (ask.schoolRole !== null) {
    return { allow: false, reason: 'peer-review.invite.no-school-role-elsewhere' };
  }
  return { allow: true, reason: 'peer-review.host-headteacher' };
}

/**
 * P127: accepting a team invitation decides it again, from the inviter's roles and the review
 * now: the inviter must still be the host and the review open (P126), and the place must fit
 * the accepting person with the roles they will hold (their own, plus the host-school role the
 * invitation grants host staff). A reviewer needs a staff role at another school first; a
 * facilitator, la-facilitator. The refusal's reason says which (`peer-review.team.*`).
 */
export function decideTeamAcceptance(inviter: Actor, resource: PeerReviewResource, ask: TeamInvitationAsk, hostScope: SchoolScope, grantee: Actor, team: readonly TeamMember[]): Decision {
  const invited = decideTeamInvitation(inviter, resource, ask, hostScope, grantee);
  if (!invited.allow) return invited;
  const granted: RoleAssignment[] = ask.teamRole === 'host-staff' && ask.schoolRole ? [{ role: ask.schoolRole, schoolId: hostScope.schoolId }] : [];
  const fit = teamRoleFits(teamCandidateOf(grantee.personId, [...grantee.roles, ...granted]), ask.teamRole, resource.hostSchoolId, team);
  return fit.fits ? { allow: true, reason: 'peer-review.host-headteacher' } : { allow: false, reason: `peer-review.${fit.reason}` };
}

/**
 * P128: a refusal the accepting person can mend before the link expires: their own school or LA
 * gives them the role, or the host frees the lead's place. Refused, nothing is granted and the
 * link stays unused either way; a new password account is kept only for a refusal it can mend
 * (it is the account its school will give the role to). Any other refusal (the inviter is no
 * longer the host, the review closed, they are host staff) makes no account.
 */
export function isMendableTeamRefusal(reason: string): boolean {
  return ['peer-review.team.reviewer-not-staff', 'peer-review.team.not-facilitator', 'peer-review.team.one-lead'].includes(reason);
}
