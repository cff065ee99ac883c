import { describe, expect, it } from 'vitest';
import { collaborativeStructures, structureFitsKind } from '../src/domain/collaborative';
import { CollaborativeProposal, proposalLaCodes, proposedCollaborative } from '../src/domain/collaborativeProposal';
import type { RoleAssignment } from '../src/domain/person';
import {
  decideMembershipChange, decideProposalDecision, decidePropose, decideSeeProposal, reachableLaCodes, schoolsJoiningAtApproval,
  type MembershipChange, type MembershipFacts, type ProposalFacts,
} from '../src/policy/collaborativeLifecycle';
import { checkCollaborative, structureContext } from '../src/rules/collaborativeRules';
import type { Actor } from '../src/policy/types';
import { collaborative, school } from './fixtures';

const PROPOSER = '6744001'; // RCT secondary
const NAMED = '6814001'; // Cardiff secondary, named in the proposal
const MEMBER = '6744002'; // a member school of the existing collaborative
const OUTSIDE = '6612001'; // Gwynedd

/** Every kind of person, in and out of scope. */
const people: Record<string, RoleAssignment[]> = {
  'proposer-headteacher': [{ role: 'headteacher', schoolId: PROPOSER }],
  'proposer-senior-leader': [{ role: 'senior-leader', schoolId: PROPOSER }],
  'proposer-practitioner': [{ role: 'practitioner', schoolId: PROPOSER }],
  'proposer-governor': [{ role: 'governor', schoolId: PROPOSER }],
  'named-headteacher': [{ role: 'headteacher', schoolId: NAMED }],
  'named-senior-leader': [{ role: 'senior-leader', schoolId: NAMED }],
  'member-headteacher': [{ role: 'headteacher', schoolId: MEMBER }],
  'member-senior-leader': [{ role: 'senior-leader', schoolId: MEMBER }],
  'outside-headteacher': [{ role: 'headteacher', schoolId: OUTSIDE }],
  convenor: [{ role: 'convenor', collaborativeId: 'c1' }, { role: 'headteacher', schoolId: MEMBER }],
  'member-contact': [{ role: 'member-contact', collaborativeId: 'c1' }, { role: 'practitioner', schoolId: MEMBER }],
  'rct-facilitator': [{ role: 'la-facilitator', laCode: 674 }],
  'gwynedd-facilitator': [{ role: 'la-facilitator', laCode: 661 }],
  'rct-officer': [{ role: 'la-officer', laCode: 674 }],
  'cardiff-officer': [{ role: 'la-officer', laCode: 681 }],
  'gwynedd-officer': [{ role: 'la-officer', laCode: 661 }],
  nobody: [],
};
const everyone = Object.keys(people);
const actor = (id: string): Actor => ({ personId: id, roles: people[id] ?? [] });
const holder = (id: string) => ({ personId: id, roles: people[id] ?? [] });

const facts = (convenors: string[], facilitators: string[] = []): ProposalFacts => ({
  proposerSchoolId: PROPOSER, schoolIds: [PROPOSER, NAMED], laCodes: [674, 681], convenors: convenors.map(holder), facilitators: facilitators.map(holder),
});
const allowed = (decision: { allow: boolean }) => decision.allow;

describe('proposing a collaborative', () => {
  it('P105: only a leader of the proposer\'s school proposes, for every role', () => {
    const may = everyone.filter((id) => decidePropose(actor(id), facts(['proposer-headteacher'])).allow);
    expect(may).toEqual(['proposer-headteacher', 'proposer-senior-leader']);
    expect(decidePropose(actor('rct-officer'), facts(['proposer-headteacher'])).reason).toBe('collaborative.propose-leaders-only');
  });

  it('P106: convenors are leaders of the proposer\'s school or headteachers of named schools; facilitators are of the LAs involved', () => {
    const fits = everyone.filter((id) => decidePropose(actor('proposer-headteacher'), facts([id])).allow);
    expect(fits).toEqual(['proposer-headteacher', 'proposer-senior-leader', 'named-headteacher']);
    expect(decidePropose(actor('proposer-headteacher'), facts(['member-headteacher'])).reason).toBe('collaborative.convenor-not-leader');
    expect(decidePropose(actor('proposer-headteacher'), facts(['proposer-headteacher', 'named-headteacher'])).allow).toBe(true);
    const facilitators = everyone.filter((id) => decidePropose(actor('proposer-headteacher'), facts(['proposer-headteacher'], [id])).allow);
    expect(facilitators).toEqual(['rct-facilitator']);
    expect(decidePropose(actor('proposer-headteacher'), facts(['proposer-headteacher'], ['gwynedd-facilitator'])).reason).toBe('collaborative.facilitator-not-of-la');
  });

  it('M44: the proposer\'s school and schools whose headteacher convenes join at approval; the rest are asked', () => {
    expect(schoolsJoiningAtApproval(facts(['proposer-senior-leader']))).toEqual([PROPOSER]);
    expect(schoolsJoiningAtApproval(facts(['proposer-headteacher', 'named-headteacher']))).toEqual([PROPOSER, NAMED]);
    expect(schoolsJoiningAtApproval(facts(['named-senior-leader']))).toEqual([PROPOSER]);
  });

  it('P107: an officer of each LA involved decides once for their LA; nobody else decides; a closed proposal takes no decision', () => {
    const open = { laCodes: [674, 681], decidedLaCodes: [], status: 'pending' as const };
    const may = everyone.filter((id) => decideProposalDecision(actor(id), open).allow);
    expect(may).toEqual(['rct-officer', 'cardiff-officer']);
    expect(decideProposalDecision(actor('rct-officer'), open).laCode).toBe(674);
    expect(decideProposalDecision(actor('rct-officer'), { ...open, decidedLaCodes: [674] }).reason).toBe('collaborative.la-already-decided');
    expect(decideProposalDecision(actor('cardiff-officer'), { ...open, decidedLaCodes: [674] }).allow).toBe(true);
    expect(decideProposalDecision(actor('cardiff-officer'), { ...open, status: 'approved' }).reason).toBe('collaborative.proposal-closed');
    expect(decideProposalDecision(actor('gwynedd-officer'), open).reason).toBe('collaborative.approve-la-officers-only');
    expect(decideProposalDecision(actor('rct-facilitator'), open).reason).toBe('collaborative.approve-la-officers-only');
    // An officer of two involved LAs decides for each in turn.
    const both: Actor = { personId: 'both', roles: [{ role: 'la-officer', laCode: 674 }, { role: 'la-officer', laCode: 681 }] };
    expect(decideProposalDecision(both, { ...open, decidedLaCodes: [674] }).laCode).toBe(681);
    // Who sees the proposal: its school's leaders, its convenors and its LAs' officers.
    const see = everyone.filter((id) => decideSeeProposal(actor(id), { proposerSchoolId: PROPOSER, laCodes: [674, 681], convenorIds: ['named-headteacher'] }).allow);
    expect(see).toEqual(['proposer-headteacher', 'proposer-senior-leader', 'named-headteacher', 'rct-officer', 'cardiff-officer']);
  });

  it('M41: a structure takes only its kinds; a proposal of a cluster that is horizontal is refused', () => {
    const table = Object.fromEntries(collaborativeStructures.map((s) => [s, (['vertical', 'horizontal'] as const).filter((k) => structureFitsKind(s, k))]));
    expect(table).toEqual({ cluster: ['vertical'], horizontal: ['horizontal'], sig: ['horizontal'], hub: ['vertical', 'horizontal'], triad: ['vertical', 'horizontal'], plc: ['vertical', 'horizontal'] });
    const base = { name: { cy: 'Grŵp', en: 'Group' }, purpose: { cy: 'Dysgu', en: 'Learning' }, proposerSchoolId: PROPOSER, schoolIds: [], convenorIds: ['p'], facilitatorIds: [] };
    expect(CollaborativeProposal.safeParse({ ...base, kind: 'horizontal', structure: 'sig' }).success).toBe(true);
    expect(CollaborativeProposal.safeParse({ ...base, kind: 'horizontal', structure: 'cluster' }).success).toBe(false);
    expect(CollaborativeProposal.safeParse({ ...base, kind: 'vertical', structure: 'plc' }).success).toBe(true);
  });

  it('M42: a proposal is bounded: names and purpose in both languages, at most 40 schools, one to four convenors', () => {
    const base = { name: { cy: 'Grŵp', en: 'Group' }, purpose: { cy: 'Dysgu', en: 'Learning' }, kind: 'horizontal', structure: 'horizontal', proposerSchoolId: PROPOSER, schoolIds: [NAMED], convenorIds: ['p'], facilitatorIds: [] };
    expect(CollaborativeProposal.safeParse(base).success).toBe(true);
    expect(CollaborativeProposal.safeParse({ ...base, name: { cy: ' ', en: 'Group' } }).success).toBe(false);
    expect(CollaborativeProposal.safeParse({ ...base, purpose: { cy: 'x'.repeat(1001), en: 'y' } }).success).toBe(false);
    expect(CollaborativeProposal.safeParse({ ...base, convenorIds: [] }).success).toBe(false);
    expect(CollaborativeProposal.safeParse({ ...base, convenorIds: ['a', 'a'] }).success).toBe(false);
    expect(CollaborativeProposal.safeParse({ ...base, schoolIds: Array.from({ length: 41 }, (_, i) => `674${String(i).padStart(4, '0')}`) }).success).toBe(false);
    expect(CollaborativeProposal.safeParse({ ...base, name: { cy: 'Grŵp\u202E', en: 'Group' } }).success).toBe(false);
  });

  it('M43: the LAs that approve are those of every named school, and the rules are checked on the whole group', () => {
    const schools = [school(PROPOSER, 'secondary', 'welsh-medium'), school(NAMED, 'secondary', 'welsh-medium')];
    expect(proposalLaCodes(schools)).toEqual([674, 681]);
    const proposal = CollaborativeProposal.parse({ name: { cy: 'Grŵp', en: 'Group' }, purpose: { cy: 'Dysgu', en: 'Learning' }, kind: 'horizontal', structure: 'horizontal', proposerSchoolId: PROPOSER, schoolIds: [NAMED], convenorIds: ['p'], facilitatorIds: [] });
    const ctx = structureContext(schools);
    expect(checkCollaborative(proposedCollaborative(proposal), ctx).map((v) => v.rule)).toEqual(['M5']);
    expect(checkCollaborative(proposedCollaborative({ ...proposal, sectorFocus: 'welsh-medium' }), ctx)).toEqual([]);
  });
});

describe('membership', () => {
  const membership: MembershipFacts = {
    collaborativeId: 'c1', kind: 'vertical', convenorId: 'convenor', memberSchoolIds: [MEMBER, PROPOSER], memberLaCodes: [674],
    reachableLaCodes: reachableLaCodes('vertical', [674]),
  };
  const who = (change: MembershipChange, facts = membership) => everyone.filter((id) => decideMembershipChange(actor(id), facts, change).allow);

  it('P108: only the convenor asks a school or withdraws the request; never one in or already asked; a vertical one only within its LAs', () => {
    expect(who({ type: 'request', schoolId: NAMED, schoolLaCode: 674, alreadyAsked: false })).toEqual(['convenor']);
    expect(who({ type: 'withdraw-request', schoolId: NAMED })).toEqual(['convenor']);
    const reason = (change: MembershipChange, facts = membership) => decideMembershipChange(actor('convenor'), facts, change).reason;
    expect(reason({ type: 'request', schoolId: MEMBER, schoolLaCode: 674, alreadyAsked: false })).toBe('collaborative.already-member');
    expect(reason({ type: 'request', schoolId: NAMED, schoolLaCode: 674, alreadyAsked: true })).toBe('collaborative.already-asked');
    expect(reason({ type: 'request', schoolId: NAMED, schoolLaCode: 681, alreadyAsked: false })).toBe('collaborative.vertical-outside-las');
    const horizontal = { ...membership, kind: 'horizontal' as const, reachableLaCodes: reachableLaCodes('horizontal', [674]) };
    expect(reason({ type: 'request', schoolId: NAMED, schoolLaCode: 681, alreadyAsked: false }, horizontal)).toBe('collaborative.convenor');
    expect(decideMembershipChange(actor('rct-officer'), membership, { type: 'request', schoolId: NAMED, schoolLaCode: 674, alreadyAsked: false }).reason).toBe('collaborative.convenor-only');
  });

  it('M45: a vertical collaborative reaches its members\' LAs and its partnership\'s; a horizontal one every LA', () => {
    expect(reachableLaCodes('vertical', [674, 674])).toEqual([674]);
    expect(reachableLaCodes('vertical', [674], [675, 674])).toEqual([674, 675]);
    expect(reachableLaCodes('horizontal', [674])).toBe('any');
  });

  it('P109: only the asked school\'s headteacher accepts or declines, for every role', () => {
    expect(who({ type: 'answer', schoolId: NAMED })).toEqual(['named-headteacher']);
    expect(decideMembershipChange(actor('named-senior-leader'), membership, { type: 'answer', schoolId: NAMED }).reason).toBe('collaborative.headteacher-only');
  });

  it('P110: a member school\'s headteacher takes it out; nobody leaves for a school that is not in', () => {
    expect(who({ type: 'leave', schoolId: MEMBER })).toEqual(['member-headteacher', 'convenor']);
    expect(who({ type: 'leave', schoolId: PROPOSER })).toEqual(['proposer-headteacher']);
    expect(decideMembershipChange(actor('named-headteacher'), membership, { type: 'leave', schoolId: NAMED }).reason).toBe('collaborative.not-member');
  });

  it('P111: the convenor or an officer of a member school\'s LA removes a member school', () => {
    expect(who({ type: 'remove', schoolId: PROPOSER })).toEqual(['convenor', 'rct-officer']);
    expect(decideMembershipChange(actor('cardiff-officer'), membership, { type: 'remove', schoolId: PROPOSER }).reason).toBe('collaborative.convenor-or-la-officer-only');
    expect(decideMembershipChange(actor('convenor'), membership, { type: 'remove', schoolId: NAMED }).reason).toBe('collaborative.not-member');
    expect(allowed(decideMembershipChange(actor('member-contact'), membership, { type: 'remove', schoolId: PROPOSER }))).toBe(false);
  });
});

describe('structure', () => {
  it('M40: an all-age school forms a vertical collaborative on its own, with or without primaries', () => {
    const schools = [school('6745001', 'all-age-3-19', 'welsh-medium'), school('6745002', 'all-age-3-16'), school('6744001', 'secondary'), school('6742001', 'primary')];
    const ctx = structureContext(schools);
    const rules = (ids: string[]) => checkCollaborative(collaborative('v', 'vertical', ids), ctx).map((v) => v.rule);
    expect(rules(['6745001'])).toEqual([]);
    expect(rules(['6745002'])).toEqual([]);
    expect(rules(['6745001', '6742001'])).toEqual([]);
    expect(rules(['6744001'])).toEqual(['M1']);
    expect(rules(['6742001'])).toEqual(['M1']);
  });
});
