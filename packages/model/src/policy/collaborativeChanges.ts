import type { ProposalStatus } from '../domain/collaborativeProposal';
import type { Actor, Decision } from './types';

/**
 * Later changes to how a collaborative is convened (P112-P114, M46; the server's side is
 * COLLABORATIVES.md G34-G36): a proposal taken back before the LAs decide, a school from an LA
 * the collaborative has not reached yet joining only with that LA's approval, and the rule that
 * a collaborative never loses its last convenor. Pure: the server gathers the facts.
 */

function officerLas(actor: Actor): number[] {
  return actor.roles.flatMap((r) => (r.role === 'la-officer' ? [r.laCode] : []));
}

/**
 * P112: the person who proposed a collaborative, or a convenor named on the proposal, withdraws
 * it while it waits for the LAs; once it is approved, declined or withdrawn nobody does.
 */
export function decideWithdrawProposal(actor: Actor, facts: { proposedBy: string; convenorIds: readonly string[]; status: ProposalStatus }): Decision {
  const proposer = actor.personId === facts.proposedBy;
  if (!proposer && !facts.convenorIds.includes(actor.personId)) return { allow: false, reason: 'collaborative.withdraw-proposer-only' };
  if (facts.status !== 'pending') return { allow: false, reason: 'collaborative.proposal-closed' };
  return { allow: true, reason: proposer ? 'collaborative.proposer' : 'collaborative.convenor' };
}

/**
 * M46: the LA whose officer must approve a school joining: the school's own LA when no member
 * school is in it yet (the LAs already in the collaborative approved it when it was proposed, or
 * when their first school joined). Null when the school's LA is already in it.
 */
export function joiningLaApproval(schoolLaCode: number, memberLaCodes: readonly number[]): number | null {
  return memberLaCodes.includes(schoolLaCode) ? null : schoolLaCode;
}

/**
 * P113: an officer of the LA a joining school needs (M46) approves or declines its joining, once;
 * nobody decides where no LA approval is needed. The headteacher's acceptance is separate (P109):
 * the school is a member when both have said yes.
 */
export function decideJoiningLaApproval(actor: Actor, facts: { approvalLaCode: number | null; laDecided: boolean }): Decision {
  if (facts.approvalLaCode === null) return { allow: false, reason: 'collaborative.no-la-approval' };
  if (!officerLas(actor).includes(facts.approvalLaCode)) return { allow: false, reason: 'collaborative.joining-la-officer-only' };
  if (facts.laDecided) return { allow: false, reason: 'collaborative.la-already-decided' };
  return { allow: true, reason: 'collaborative.la-officer' };
}

type ConvenorChangeFacts = { collaborativeId: string; convenorIds: readonly string[]; memberLaCodes: readonly number[] };

/** P114's first half: who may change a collaborative's convenors at all, whatever the change. */
export function mayChangeConvenors(actor: Actor, facts: ConvenorChangeFacts): Decision {
  const convenes = facts.convenorIds.includes(actor.personId) || actor.roles.some((r) => r.role === 'convenor' && r.collaborativeId === facts.collaborativeId);
  if (convenes) return { allow: true, reason: 'collaborative.convenor' };
  if (officerLas(actor).some((code) => facts.memberLaCodes.includes(code))) return { allow: true, reason: 'collaborative.la-officer' };
  return { allow: false, reason: 'collaborative.convenor-or-la-officer-only' };
}

/**
 * P114: who changes a collaborative's convenors (a convenor of it, or an officer of a member
 * school's LA), and never so that none is left: a collaborative keeps at least one convenor
 * (`collaborative.last-convenor`), whoever asks. `after` is the convenors the change leaves.
 */
export function decideConvenorChange(actor: Actor, facts: ConvenorChangeFacts, after: readonly string[]): Decision {
  const who = mayChangeConvenors(actor, facts);
  if (!who.allow) return who;
  if (after.length === 0) return { allow: false, reason: 'collaborative.last-convenor' };
  return who;
}
