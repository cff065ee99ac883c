import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../src/domain/person';
import { proposalStatuses } from '../src/domain/collaborativeProposal';
import { decideConvenorChange, decideJoiningLaApproval, decideWithdrawProposal, joiningLaApproval } from '../src/policy/collaborativeChanges';
import type { Actor } from '../src/policy/types';

const PROPOSER = '6744001'; // RCT secondary
const NAMED = '6814001'; // Cardiff secondary
const OUTSIDE = '6612001'; // Gwynedd

/** Every kind of person, in and out of scope (as in collaborative-lifecycle.test.ts). */
const people: Record<string, RoleAssignment[]> = {
  'proposer-headteacher': [{ role: 'headteacher', schoolId: PROPOSER }],
  'proposer-senior-leader': [{ role: 'senior-leader', schoolId: PROPOSER }],
  'proposer-practitioner': [{ role: 'practitioner', schoolId: PROPOSER }],
  'proposer-governor': [{ role: 'governor', schoolId: PROPOSER }],
  'named-headteacher': [{ role: 'headteacher', schoolId: NAMED }],
  'named-senior-leader': [{ role: 'senior-leader', schoolId: NAMED }],
  'outside-headteacher': [{ role: 'headteacher', schoolId: OUTSIDE }],
  convenor: [{ role: 'convenor', collaborativeId: 'c1' }, { role: 'headteacher', schoolId: PROPOSER }],
  'other-convenor': [{ role: 'convenor', collaborativeId: 'c2' }, { role: 'headteacher', schoolId: OUTSIDE }],
  'member-contact': [{ role: 'member-contact', collaborativeId: 'c1' }, { role: 'practitioner', schoolId: PROPOSER }],
  'rct-facilitator': [{ role: 'la-facilitator', laCode: 674 }],
  'cardiff-facilitator': [{ role: 'la-facilitator', laCode: 681 }],
  'rct-officer': [{ role: 'la-officer', laCode: 674 }],
  'cardiff-officer': [{ role: 'la-officer', laCode: 681 }],
  'gwynedd-officer': [{ role: 'la-officer', laCode: 661 }],
  nobody: [],
};
const everyone = Object.keys(people);
const actor = (id: string): Actor => ({ personId: id, roles: people[id] ?? [] });

describe('withdrawing a proposal', () => {
  const pending = { proposedBy: 'proposer-senior-leader', convenorIds: ['proposer-headteacher', 'named-headteacher'], status: 'pending' as const };

  it('P112: the proposer or a convenor named on it withdraws a pending proposal, for every role', () => {
    const may = everyone.filter((id) => decideWithdrawProposal(actor(id), pending).allow);
    expect(may).toEqual(['proposer-headteacher', 'proposer-senior-leader', 'named-headteacher']);
    expect(decideWithdrawProposal(actor('proposer-senior-leader'), pending).reason).toBe('collaborative.proposer');
    expect(decideWithdrawProposal(actor('named-headteacher'), pending).reason).toBe('collaborative.convenor');
    // The LA officers who decide on it never withdraw it; nor does anyone else at the school.
    for (const id of ['rct-officer', 'cardiff-officer', 'proposer-practitioner', 'named-senior-leader']) {
      expect([id, decideWithdrawProposal(actor(id), pending).reason]).toEqual([id, 'collaborative.withdraw-proposer-only']);
    }
  });

  it('P112: once approved, declined or withdrawn, nobody withdraws it', () => {
    for (const status of proposalStatuses.filter((s) => s !== 'pending')) {
      const closed = { ...pending, status };
      expect([status, everyone.filter((id) => decideWithdrawProposal(actor(id), closed).allow)]).toEqual([status, []]);
      expect(decideWithdrawProposal(actor('proposer-senior-leader'), closed).reason).toBe('collaborative.proposal-closed');
    }
  });
});

describe('a school joining from a new LA', () => {
  it('M46: a school from an LA with no member school yet needs that LA\'s approval; one from a member LA does not', () => {
    expect(joiningLaApproval(681, [674])).toBe(681);
    expect(joiningLaApproval(674, [674, 681])).toBeNull();
    expect(joiningLaApproval(661, [])).toBe(661);
  });

  it('P113: only an officer of the joining school\'s LA approves, once, and only where approval is needed, for every role', () => {
    const open = { approvalLaCode: 681, laDecided: false };
    expect(everyone.filter((id) => decideJoiningLaApproval(actor(id), open).allow)).toEqual(['cardiff-officer']);
    // The collaborative's own LA, the school's facilitator and its headteacher do not decide for it.
    for (const id of ['rct-officer', 'cardiff-facilitator', 'named-headteacher', 'convenor']) {
      expect([id, decideJoiningLaApproval(actor(id), open).reason]).toEqual([id, 'collaborative.joining-la-officer-only']);
    }
    expect(decideJoiningLaApproval(actor('cardiff-officer'), { ...open, laDecided: true }).reason).toBe('collaborative.la-already-decided');
    expect(everyone.filter((id) => decideJoiningLaApproval(actor(id), { approvalLaCode: null, laDecided: false }).allow)).toEqual([]);
    expect(decideJoiningLaApproval(actor('rct-officer'), { approvalLaCode: null, laDecided: false }).reason).toBe('collaborative.no-la-approval');
  });
});

describe('a collaborative keeps a convenor', () => {
  const facts = { collaborativeId: 'c1', convenorIds: ['convenor', 'proposer-senior-leader'], memberLaCodes: [674] };

  it('P114: a convenor of it or an officer of a member school\'s LA changes its convenors, for every role', () => {
    const may = everyone.filter((id) => decideConvenorChange(actor(id), facts, ['convenor']).allow);
    expect(may).toEqual(['proposer-senior-leader', 'convenor', 'rct-officer']);
    expect(decideConvenorChange(actor('cardiff-officer'), facts, ['convenor']).reason).toBe('collaborative.convenor-or-la-officer-only');
    expect(decideConvenorChange(actor('other-convenor'), facts, ['convenor']).reason).toBe('collaborative.convenor-or-la-officer-only');
  });

  it('P114: nobody leaves a collaborative without a convenor, not even those who may change its convenors', () => {
    const last = { ...facts, convenorIds: ['convenor'] };
    expect(everyone.filter((id) => decideConvenorChange(actor(id), last, []).allow)).toEqual([]);
    for (const id of ['convenor', 'rct-officer']) expect([id, decideConvenorChange(actor(id), last, []).reason]).toEqual([id, 'collaborative.last-convenor']);
    // Naming another in the same change is fine: one convenor is left.
    expect(decideConvenorChange(actor('rct-officer'), last, ['proposer-senior-leader']).allow).toBe(true);
  });
});
