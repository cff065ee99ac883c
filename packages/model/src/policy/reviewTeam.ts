import { stageMoveFits, teamRoleFits, type ReviewShare, type ReviewStage, type TeamCandidate, type TeamMember, type TeamRole } from '../domain/reviewTeam';
import { decide } from './decide';
import type { Actor, Decision, PolicyResource } from './types';

type PeerReviewResource = Extract<PolicyResource, { kind: 'peer-review' }>;

/**
 * P64-P66: building the team, moving the stage and sharing are the host's alone. "The host" is
 * whoever the policy lets share the review (the host headteacher, P4 and P6); each decision then
 * checks what is asked of it.
 */
function hostOnly(actor: Actor, resource: PeerReviewResource): Decision | null {
  const share = decide(actor, 'share', resource);
  return share.allow ? null : { allow: false, reason: share.reason === 'peer-review.no-access' ? share.reason : 'peer-review.host-headteacher-only' };
}

/** P64: adding someone to the team in a role (G11's fit), or taking them off. */
export function decideTeamChange(actor: Actor, resource: PeerReviewResource, change: { add: TeamCandidate; role: TeamRole; team: readonly TeamMember[] } | { remove: string }): Decision {
  const refused = hostOnly(actor, resource);
  if (refused) return refused;
  if (resource.stage === 'closed') return { allow: false, reason: 'peer-review.closed' };
  if ('remove' in change) return { allow: true, reason: 'peer-review.host-headteacher' };
  const fit = teamRoleFits(change.add, change.role, resource.hostSchoolId, change.team);
  return fit.fits ? { allow: true, reason: 'peer-review.host-headteacher' } : { allow: false, reason: `peer-review.${fit.reason}` };
}

/**
 * P65: moving the review to its next stage; closing sets the retention date. P141: `planningGaps`
 * are what the live document still lacks (`planningGaps` of docs/peerReview), read by the caller.
 */
export function decideStageMove(
  actor: Actor,
  resource: PeerReviewResource,
  to: ReviewStage,
  retainUntil: string | null,
  today: string,
  planningGaps: readonly string[] = [],
): Decision {
  const refused = hostOnly(actor, resource);
  if (refused) return refused;
  const from = resource.stage ?? 'planning';
  const fit = stageMoveFits(from, to, retainUntil, today);
  if (!fit.fits) return { allow: false, reason: `peer-review.${fit.reason}` };
  // P141: the focus is agreed and the visit's dates planned before the team visits (or writes up
  // a visit). Closing from planning stays open: a review called off never had a visit to plan.
  if (from === 'planning' && to !== 'closed' && planningGaps.length > 0) return { allow: false, reason: 'peer-review.planning-incomplete' };
  return { allow: true, reason: 'peer-review.host-headteacher' };
}

/**
 * P66: sharing with a named person, with a collaborative the host school belongs to, or with the
 * school's facilitator (its Improvement Partners), and taking any share back. A share with a
 * collaborative the school is not in would hand the host's documentation to strangers.
 */
export function decideShareWith(actor: Actor, resource: PeerReviewResource, share: ReviewShare, facts: { hostIsMember: boolean; personExists: boolean }): Decision {
  const refused = hostOnly(actor, resource);
  if (refused) return refused;
  if (share.type === 'collaborative' && !facts.hostIsMember) return { allow: false, reason: 'peer-review.share-own-collaboratives-only' };
  if (share.type === 'person' && !facts.personExists) return { allow: false, reason: 'peer-review.share-unknown-person' };
  return { allow: true, reason: 'peer-review.host-headteacher' };
}

/**
 * P132: publishing a review's strengths to a collaborative, refreshing them and withdrawing them
 * are the host's, as sharing is (the same people decideShareWith allows); the collaborative is
 * one the host school belongs to. Refreshing and withdrawing name the extract's collaborative,
 * so they are checked the same way: an extract whose school has since left can still be withdrawn.
 */
export function decidePublishExtract(actor: Actor, resource: PeerReviewResource, facts: { hostIsMember: boolean; action: 'publish' | 'refresh' | 'withdraw' }): Decision {
  const refused = hostOnly(actor, resource);
  if (refused) return refused;
  if (facts.action !== 'withdraw' && !facts.hostIsMember) return { allow: false, reason: 'peer-review.share-own-collaboratives-only' };
  return { allow: true, reason: 'peer-review.host-headteacher' };
}
