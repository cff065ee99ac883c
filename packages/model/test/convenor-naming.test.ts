import { describe, expect, it } from 'vitest';
import type { RoleAssignment } from '../src/domain/person';
import { convenorsAfterUpdate, decideConvenorNaming, decideSeeConvenors, MAX_CONVENORS, type ConvenorFacts } from '../src/policy/convenorNaming';
import type { Actor } from '../src/policy/types';

const MEMBER = '6744001'; // RCT secondary, a member
const OTHER_MEMBER = '6742001'; // RCT primary, a member
const OUTSIDE = '6612001'; // Gwynedd, not a member

/** Every kind of person, in and out of scope of the collaborative c1 (as in collaborative-changes.test.ts). */
const people: Record<string, RoleAssignment[]> = {
  convenor: [{ role: 'convenor', collaborativeId: 'c1' }, { role: 'headteacher', schoolId: MEMBER }],
  'member-headteacher': [{ role: 'headteacher', schoolId: OTHER_MEMBER }],
  'member-senior-leader': [{ role: 'senior-leader', schoolId: MEMBER }],
  'member-practitioner': [{ role: 'practitioner', schoolId: MEMBER }],
  'member-governor': [{ role: 'governor', schoolId: MEMBER }],
  'member-contact': [{ role: 'member-contact', collaborativeId: 'c1' }, { role: 'practitioner', schoolId: MEMBER }],
  'outside-headteacher': [{ role: 'headteacher', schoolId: OUTSIDE }],
  'other-convenor': [{ role: 'convenor', collaborativeId: 'c2' }, { role: 'headteacher', schoolId: OUTSIDE }],
  'rct-facilitator': [{ role: 'la-facilitator', laCode: 674 }],
  'rct-officer': [{ role: 'la-officer', laCode: 674 }],
  'gwynedd-officer': [{ role: 'la-officer', laCode: 661 }],
  nobody: [],
};
const everyone = Object.keys(people);
const actor = (id: string): Actor => ({ personId: id, roles: people[id] ?? [] });
const scope = { type: 'collaborative' as const, collaborativeId: 'c1', memberSchoolIds: [MEMBER, OTHER_MEMBER], memberLaCodes: [674] };
const facts = (convenorIds: string[]): ConvenorFacts => ({ scope, convenorIds });
const mayChange = ['convenor', 'rct-officer'];

describe('seeing and changing a collaborative\'s convenors', () => {
  it('P138: its convenors and the officers of a member school\'s LA see and change the convenors, for every role', () => {
    const seen = everyone.filter((id) => decideSeeConvenors(actor(id), facts(['convenor'])).allow);
    expect(seen).toEqual(mayChange);
    for (const id of everyone.filter((x) => !mayChange.includes(x))) {
      expect([id, decideSeeConvenors(actor(id), facts(['convenor'])).reason]).toEqual([id, 'collaborative.convenor-or-la-officer-only']);
    }
  });

  it('P138: naming a convenor, for every role naming every person: only those who may change them, and only a member school\'s leader', () => {
    const leaders = ['member-headteacher', 'member-senior-leader'];
    for (const by of everyone) {
      for (const whom of everyone.filter((x) => x !== 'convenor')) {
        const decision = decideConvenorNaming(actor(by), facts(['convenor']), { type: 'name', grantee: actor(whom) });
        expect([by, whom, decision.allow]).toEqual([by, whom, mayChange.includes(by) && leaders.includes(whom)]);
        // An officer naming themselves raises themselves (P19) before anything else is asked.
        const refusal = by === whom ? 'grant.self-elevation' : 'grant.grantee-not-member-staff';
        if (mayChange.includes(by) && !leaders.includes(whom)) expect([by, whom, decision.reason]).toEqual([by, whom, refusal]);
        if (!mayChange.includes(by)) expect(decision.reason).toBe('collaborative.convenor-or-la-officer-only');
      }
    }
    expect(decideConvenorNaming(actor('convenor'), facts(['convenor']), { type: 'name', grantee: actor('member-headteacher') }).reason).toBe('collaborative.convenor');
    expect(decideConvenorNaming(actor('rct-officer'), facts(['convenor']), { type: 'name', grantee: actor('member-headteacher') }).reason).toBe('collaborative.la-officer');
  });

  it('P138: nobody names someone who convenes already, nor a fifth convenor', () => {
    const two = facts(['convenor', 'member-senior-leader']);
    expect(decideConvenorNaming(actor('rct-officer'), two, { type: 'name', grantee: actor('member-senior-leader') }).reason).toBe('collaborative.already-convenor');
    const full = facts(['convenor', 'a', 'b', 'c']);
    expect(full.convenorIds).toHaveLength(MAX_CONVENORS);
    for (const by of mayChange) {
      expect([by, decideConvenorNaming(actor(by), full, { type: 'name', grantee: actor('member-headteacher') }).reason]).toEqual([by, 'collaborative.too-many-convenors']);
    }
  });

  it('P138: taking a convenor off, for every role: those who may change them, while another stays; never the last, not even themselves', () => {
    const two = facts(['convenor', 'member-senior-leader']);
    const may = everyone.filter((id) => decideConvenorNaming(actor(id), two, { type: 'remove', personId: 'member-senior-leader' }).allow);
    // The joint convenor (a leader with the role held on c1 through convenorIds) may step down themselves too.
    expect(may).toEqual(['convenor', 'member-senior-leader', 'rct-officer']);
    expect(decideConvenorNaming(actor('convenor'), two, { type: 'remove', personId: 'convenor' }).allow).toBe(true);
    const last = facts(['convenor']);
    expect(everyone.filter((id) => decideConvenorNaming(actor(id), last, { type: 'remove', personId: 'convenor' }).allow)).toEqual([]);
    for (const by of mayChange) {
      expect([by, decideConvenorNaming(actor(by), last, { type: 'remove', personId: 'convenor' }).reason]).toEqual([by, 'collaborative.last-convenor']);
    }
    expect(decideConvenorNaming(actor('rct-officer'), two, { type: 'remove', personId: 'member-headteacher' }).reason).toBe('collaborative.not-convenor');
  });
});

describe('an update naming convenors', () => {
  const before = ['first', 'joint-a', 'joint-b'];

  it('P139: a body with only convenorId replaces the first-named convenor and keeps the joint convenors', () => {
    expect(convenorsAfterUpdate(before, { convenorId: 'first' })).toEqual(before);
    expect(convenorsAfterUpdate(before, { convenorId: 'new' })).toEqual(['new', 'joint-a', 'joint-b']);
    // Naming a joint convenor as the one convenor takes the first-named off, nobody else.
    expect(convenorsAfterUpdate(before, { convenorId: 'joint-b' })).toEqual(['joint-b', 'joint-a']);
    expect(convenorsAfterUpdate([], { convenorId: 'new' })).toEqual(['new']);
  });

  it('P139: convenorIds, when sent, is every convenor (convenorId aside); a body naming neither names nobody', () => {
    expect(convenorsAfterUpdate(before, { convenorIds: ['joint-a'], convenorId: 'first' })).toEqual(['joint-a']);
    expect(convenorsAfterUpdate(before, { convenorIds: ['x', 'x', 'y'] })).toEqual(['x', 'y']);
    expect(convenorsAfterUpdate(before, {})).toEqual([]);
  });
});
