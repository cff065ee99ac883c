import type { CollaborativeKind } from '../domain/collaborative';
import type { ProposalStatus } from '../domain/collaborativeProposal';
import type { RoleAssignment } from '../domain/person';
import type { Actor, Decision } from './types';

/**
 * How a collaborative comes to be and who is in it (P105-P112; the server's side is
 * COLLABORATIVES.md G20-G34). A school leader proposes, every LA involved approves, the convenor
 * asks schools, each school's headteacher answers for it. Pure: the server gathers the facts.
 */

const leaderRoles = new Set(['headteacher', 'senior-leader']);

function leads(roles: readonly RoleAssignment[], schoolId: string): boolean {
  return roles.some((r) => leaderRoles.has(r.role) && 'schoolId' in r && r.schoolId === schoolId);
}

function headsSchool(roles: readonly RoleAssignment[], schoolId: string): boolean {
  return roles.some((r) => r.role === 'headteacher' && 'schoolId' in r && r.schoolId === schoolId);
}

function officerLas(actor: Actor): number[] {
  return actor.roles.flatMap((r) => (r.role === 'la-officer' ? [r.laCode] : []));
}

export interface ProposalFacts {
  proposerSchoolId: string;
  /** Every school the proposal names, the proposer's included. */
  schoolIds: readonly string[];
  /** Their LAs (M43). */
  laCodes: readonly number[];
  /** Each named convenor with the roles they hold. */
  convenors: readonly { personId: string; roles: readonly RoleAssignment[] }[];
  /** Each named facilitator with the roles they hold. */
  facilitators: readonly { personId: string; roles: readonly RoleAssignment[] }[];
}

/**
 * P105: a school leader (headteacher or senior leader) proposes a collaborative for their own
 * school. P106: each convenor is a leader of the proposer's school or the headteacher of a school
 * the proposal names (a convenor is a school leader, P17, and a headteacher who convenes speaks
 * for their school); each facilitator is an LA facilitator of an LA of the named schools.
 */
export function decidePropose(actor: Actor, facts: ProposalFacts): Decision {
  if (!leads(actor.roles, facts.proposerSchoolId)) return { allow: false, reason: 'collaborative.propose-leaders-only' };
  for (const convenor of facts.convenors) {
    const fits = leads(convenor.roles, facts.proposerSchoolId) || facts.schoolIds.some((id) => headsSchool(convenor.roles, id));
    if (!fits) return { allow: false, reason: 'collaborative.convenor-not-leader' };
  }
  for (const facilitator of facts.facilitators) {
    const fits = facilitator.roles.some((r) => r.role === 'la-facilitator' && facts.laCodes.includes(r.laCode));
    if (!fits) return { allow: false, reason: 'collaborative.facilitator-not-of-la' };
  }
  return { allow: true, reason: 'collaborative.school-leader' };
}

/**
 * M44: the schools that are members from the moment the collaborative exists: the proposer's,
 * and any whose headteacher is a named convenor. Every other named school is asked.
 */
export function schoolsJoiningAtApproval(facts: Pick<ProposalFacts, 'proposerSchoolId' | 'schoolIds' | 'convenors'>): string[] {
  return facts.schoolIds.filter((id) => id === facts.proposerSchoolId || facts.convenors.some((c) => headsSchool(c.roles, id)));
}

/**
 * P107: an LA officer of an LA the proposal involves decides for that LA, once. The proposal
 * stands when every involved LA approved; one decline closes it. Decides for the first of the
 * officer's involved LAs that has not decided yet (`laCode`).
 */
export function decideProposalDecision(
  actor: Actor,
  facts: { laCodes: readonly number[]; decidedLaCodes: readonly number[]; status: ProposalStatus },
): Decision & { laCode?: number } {
  const mine = officerLas(actor).filter((code) => facts.laCodes.includes(code));
  if (mine.length === 0) return { allow: false, reason: 'collaborative.approve-la-officers-only' };
  if (facts.status !== 'pending') return { allow: false, reason: 'collaborative.proposal-closed' };
  const open = mine.find((code) => !facts.decidedLaCodes.includes(code));
  if (open === undefined) return { allow: false, reason: 'collaborative.la-already-decided' };
  return { allow: true, reason: 'collaborative.la-officer', laCode: open };
}

/** P107: who sees a proposal: its proposer's school's leaders, its convenors and the officers of its LAs. */
export function decideSeeProposal(actor: Actor, facts: Pick<ProposalFacts, 'proposerSchoolId' | 'laCodes'> & { convenorIds: readonly string[] }): Decision {
  if (leads(actor.roles, facts.proposerSchoolId)) return { allow: true, reason: 'collaborative.school-leader' };
  if (facts.convenorIds.includes(actor.personId)) return { allow: true, reason: 'collaborative.convenor' };
  if (officerLas(actor).some((code) => facts.laCodes.includes(code))) return { allow: true, reason: 'collaborative.la-officer' };
  return { allow: false, reason: 'collaborative.no-access' };
}

export interface MembershipFacts {
  collaborativeId: string;
  kind: CollaborativeKind;
  convenorId: string;
  memberSchoolIds: readonly string[];
  memberLaCodes: readonly number[];
  /** LAs a new member may come from (M45): any for a horizontal collaborative. */
  reachableLaCodes: readonly number[] | 'any';
}

export type MembershipChange =
  | { type: 'request'; schoolId: string; schoolLaCode: number; alreadyAsked: boolean }
  | { type: 'withdraw-request'; schoolId: string }
  | { type: 'answer'; schoolId: string }
  | { type: 'leave'; schoolId: string }
  | { type: 'remove'; schoolId: string };

function convenes(actor: Actor, facts: MembershipFacts): boolean {
  return actor.personId === facts.convenorId || actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === facts.collaborativeId);
}

/**
 * P108: the convenor asks a school to join (not one already in or already asked, M3; for a
 * vertical collaborative only from the LAs it can reach, M45) and may withdraw the request.
 * P109: only that school's headteacher accepts or declines for it. P110: a member school's
 * headteacher takes it out (leaving). P111: the convenor or an LA officer of a member school's
 * LA removes a member school (the LA facilitates every collaborative with school leaders).
 */
export function decideMembershipChange(actor: Actor, facts: MembershipFacts, change: MembershipChange): Decision {
  switch (change.type) {
    case 'request': {
      if (!convenes(actor, facts)) return { allow: false, reason: 'collaborative.convenor-only' };
      if (facts.memberSchoolIds.includes(change.schoolId)) return { allow: false, reason: 'collaborative.already-member' };
      if (change.alreadyAsked) return { allow: false, reason: 'collaborative.already-asked' };
      if (facts.reachableLaCodes !== 'any' && !facts.reachableLaCodes.includes(change.schoolLaCode)) return { allow: false, reason: 'collaborative.vertical-outside-las' };
      return { allow: true, reason: 'collaborative.convenor' };
    }
    case 'withdraw-request':
      return convenes(actor, facts) ? { allow: true, reason: 'collaborative.convenor' } : { allow: false, reason: 'collaborative.convenor-only' };
    case 'answer':
      return headsSchool(actor.roles, change.schoolId) ? { allow: true, reason: 'collaborative.headteacher' } : { allow: false, reason: 'collaborative.headteacher-only' };
    case 'leave':
      if (!facts.memberSchoolIds.includes(change.schoolId)) return { allow: false, reason: 'collaborative.not-member' };
      return headsSchool(actor.roles, change.schoolId) ? { allow: true, reason: 'collaborative.headteacher' } : { allow: false, reason: 'collaborative.headteacher-only' };
    case 'remove':
      if (!facts.memberSchoolIds.includes(change.schoolId)) return { allow: false, reason: 'collaborative.not-member' };
      if (convenes(actor, facts)) return { allow: true, reason: 'collaborative.convenor' };
      if (officerLas(actor).some((code) => facts.memberLaCodes.includes(code))) return { allow: true, reason: 'collaborative.la-officer' };
      return { allow: false, reason: 'collaborative.convenor-or-la-officer-only' };
  }
}

/**
 * M45: the LAs a new member can come from. A horizontal collaborative reaches every LA (it may
 * cross boundaries, M5 asks why); a vertical one its members' LAs and, when it rests on a
 * partnership, that partnership's LAs (M2).
 */
export function reachableLaCodes(kind: CollaborativeKind, memberLaCodes: readonly number[], partnershipLaCodes: readonly number[] = []): readonly number[] | 'any' {
  if (kind === 'horizontal') return 'any';
  return [...new Set([...memberLaCodes, ...partnershipLaCodes])].sort((a, b) => a - b);
}
