/**
 * The facts a team invitation's decisions need (COLLABORATIVES.md G37-G39): the peer review as
 * the policy sees it, its team and the host school's grant scope. The model decides (P126-P128);
 * this only reads.
 */
import { decideTeamAcceptance, type Actor, type Decision, type TeamInvitationAsk } from '@cydweithio/model/policy/index';
import { isSchoolRole } from '@cydweithio/model/domain/person';
import type { TeamRole } from '@cydweithio/model/domain/reviewTeam';
import type { InvitationView } from '../directory/invitations';
import { documentResource, loadActor, type DocumentWithResource } from './policy';
import { schoolScope, type SchoolScope } from './grant-scope';
import type { AccessServices } from './services';

type PeerReviewResource = Extract<DocumentWithResource['resource'], { kind: 'peer-review' }>;

export interface TeamInvitationFacts {
  found: DocumentWithResource;
  resource: PeerReviewResource;
  hostScope: SchoolScope;
}

/** The review of a team invitation with its host school's scope; null when either is gone. */
export async function teamInvitationFacts(services: AccessServices, documentId: string): Promise<TeamInvitationFacts | null> {
  const found = await documentResource(services.directory, services.registry, documentId);
  if (!found || found.resource.kind !== 'peer-review') return null;
  const hostScope = await schoolScope(services.directory, found.resource.hostSchoolId);
  return hostScope ? { found, resource: found.resource, hostScope } : null;
}

/** What a stored team invitation asks for: the place, and for host staff its school role. */
export function askOf(invitation: Pick<InvitationView, 'role' | 'teamRole'> & { teamRole: TeamRole }): TeamInvitationAsk {
  const schoolRole = invitation.teamRole === 'host-staff' && isSchoolRole(invitation.role as never) ? (invitation.role as TeamInvitationAsk['schoolRole']) : null;
  return { teamRole: invitation.teamRole, schoolRole };
}

/** P127: the team invitation decided again as its link is used, for this person. */
export async function decideTeamInvitationUse(services: AccessServices, invitation: InvitationView, grantee: Actor): Promise<Decision> {
  if (!invitation.documentId || !invitation.teamRole) return { allow: false, reason: 'peer-review.invite.not-a-team-invitation' };
  const facts = await teamInvitationFacts(services, invitation.documentId);
  if (!facts) return { allow: false, reason: 'grant.scope-gone' };
  const inviter = await loadActor(services.directory, invitation.invitedBy);
  const team = facts.found.doc.record.peerReview?.team ?? [];
  return decideTeamAcceptance(inviter, facts.resource, askOf({ role: invitation.role, teamRole: invitation.teamRole }), facts.hostScope, grantee, team);
}
