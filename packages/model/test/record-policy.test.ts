import { describe, expect, it } from 'vitest';
import type { Role, RoleAssignment } from '../src/domain/person';
import { allRoles } from '../src/domain/person';
import { decideResolveComment } from '../src/policy/comments';
import { decide } from '../src/policy/decide';
import { recordResourceFor } from '../src/policy/resource';
import { allActions, type Actor, type PolicyResource, type RecordResource } from '../src/policy/types';

const SCHOOL = '6742001';
const MEMBER = '6742002';
const OTHER = '6742999';

const schoolRecord: RecordResource = { kind: 'record', owner: { type: 'school', schoolId: SCHOOL, schoolLaCode: 674 } };
const collaborativeRecord: RecordResource = {
  kind: 'record',
  owner: { type: 'collaborative', collaborativeId: 'c1', memberSchoolIds: [SCHOOL, MEMBER], memberLaCodes: [674], convenorId: 'p-convenor', facilitatorIds: ['p-la-facilitator'] },
};

function inScope(role: Role): Actor {
  const roles: RoleAssignment[] =
    role === 'convenor' || role === 'member-contact' ? [{ role, collaborativeId: 'c1' }]
      : role === 'la-facilitator' || role === 'la-officer' ? [{ role, laCode: 674 }]
        : [{ role, schoolId: SCHOOL }];
  return { personId: `p-${role}`, roles };
}

const allowed = (actor: Actor, resource: RecordResource): string =>
  allActions.filter((action) => decide(actor, action, resource).allow).join(' ');

/** Written out by hand, as in policy.test.ts. */
const expectedSchool: Record<Role, string> = {
  headteacher: 'read agree export',
  'senior-leader': 'read agree export',
  practitioner: '',
  governor: 'read export',
  convenor: '',
  'member-contact': '',
  'la-facilitator': 'read agree export',
  'la-officer': 'read export',
};
const expectedCollaborative: Record<Role, string> = {
  headteacher: 'read export',
  'senior-leader': 'read export',
  practitioner: '',
  governor: 'read export',
  convenor: 'read agree export',
  // A contact works in the drafts for their school; the record is read by its leaders (P12).
  'member-contact': '',
  // p-la-facilitator is the collaborative's named facilitator.
  'la-facilitator': 'read export',
  'la-officer': 'read export',
};

describe('records and comments in the policy', () => {
  it('P11: nobody agrees a peer review into a record, the host headteacher included', () => {
    const review: PolicyResource = { kind: 'peer-review', hostSchoolId: SCHOOL, hostLaCode: 674, reviewerIds: ['p-reviewer'], sharedWithLa: true };
    for (const role of allRoles) expect(decide(inScope(role), 'agree', review).allow).toBe(false);
    expect(decide(inScope('headteacher'), 'agree', review)).toEqual({ allow: false, reason: 'peer-review.never-recorded' });
    expect(decide(inScope('senior-leader'), 'agree', review).reason).toBe('peer-review.never-recorded');
    expect(decide({ personId: 'p-reviewer', roles: [] }, 'agree', review).reason).toBe('peer-review.never-recorded');
  });

  for (const role of allRoles) {
    it(`P12: a school's record × ${role} in scope may do exactly: ${expectedSchool[role] || 'nothing'}`, () => {
      expect(allowed(inScope(role), schoolRecord)).toBe(expectedSchool[role]);
    });
    it(`P12: a collaborative's record × ${role} in scope may do exactly: ${expectedCollaborative[role] || 'nothing'}`, () => {
      expect(allowed(inScope(role), collaborativeRecord)).toBe(expectedCollaborative[role]);
    });
  }

  it('P12: out of scope, no role reads a record; unnamed facilitators do not read a collaborative\'s', () => {
    const elsewhere: Actor[] = [
      { personId: 'x1', roles: [{ role: 'headteacher', schoolId: OTHER }] },
      { personId: 'x2', roles: [{ role: 'la-officer', laCode: 681 }] },
      { personId: 'x3', roles: [{ role: 'convenor', collaborativeId: 'c2' }] },
    ];
    for (const actor of elsewhere) {
      expect(decide(actor, 'read', schoolRecord)).toEqual({ allow: false, reason: 'record.no-access' });
      expect(decide(actor, 'read', collaborativeRecord).allow).toBe(false);
    }
    const unnamed: Actor = { personId: 'p-other-facilitator', roles: [{ role: 'la-facilitator', laCode: 674 }] };
    expect(decide(unnamed, 'read', collaborativeRecord)).toEqual({ allow: false, reason: 'record.no-access' });
    expect(decide(inScope('headteacher'), 'read', schoolRecord)).toEqual({ allow: true, reason: 'record.school-leader' });
  });

  it('P13: the school\'s leaders and its LA facilitator agree into its record (termly evaluation); officers and governors do not', () => {
    expect(decide(inScope('la-facilitator'), 'agree', schoolRecord)).toEqual({ allow: true, reason: 'record.la-facilitator' });
    expect(decide(inScope('la-officer'), 'agree', schoolRecord)).toEqual({ allow: false, reason: 'record.agree-not-permitted' });
    expect(decide(inScope('governor'), 'agree', schoolRecord).allow).toBe(false);
    const otherLa: Actor = { personId: 'f', roles: [{ role: 'la-facilitator', laCode: 681 }] };
    expect(decide(otherLa, 'agree', schoolRecord).allow).toBe(false);
  });

  it('P14: records are append-only: nobody edits, comments on, shares or erases one', () => {
    for (const role of allRoles) {
      for (const action of ['edit', 'comment', 'share', 'erase'] as const) {
        expect(decide(inScope(role), action, schoolRecord).allow).toBe(false);
        expect(decide(inScope(role), action, collaborativeRecord).allow).toBe(false);
      }
    }
  });

  it('P14: recordResourceFor gathers the owner\'s facts, and an unknown owner is null', () => {
    const lookup = {
      school: (id: string) => (id === SCHOOL || id === MEMBER ? { id, laCode: 674 } : undefined),
      collaborative: (id: string) => (id === 'c1' ? { id, memberSchoolIds: [SCHOOL, MEMBER], convenorId: 'p-convenor', laFacilitatorIds: ['p-la-facilitator'] } : undefined),
    } as unknown as Parameters<typeof recordResourceFor>[1];
    expect(recordResourceFor({ type: 'school', schoolId: SCHOOL }, lookup)).toEqual(schoolRecord);
    expect(recordResourceFor({ type: 'collaborative', collaborativeId: 'c1' }, lookup)).toEqual(collaborativeRecord);
    expect(recordResourceFor({ type: 'school', schoolId: OTHER }, lookup)).toBeNull();
    expect(recordResourceFor({ type: 'collaborative', collaborativeId: 'c2' }, lookup)).toBeNull();
  });

  it('P15: a comment is resolved by whoever may edit, or by its author while they may comment', () => {
    const selfEvaluation: PolicyResource = { kind: 'self-evaluation', schoolId: SCHOOL, schoolLaCode: 674 };
    expect(decideResolveComment(inScope('practitioner'), selfEvaluation, 'someone-else')).toEqual({ allow: true, reason: 'self-evaluation.practitioner' });
    expect(decideResolveComment(inScope('la-facilitator'), selfEvaluation, 'p-la-facilitator')).toEqual({ allow: true, reason: 'self-evaluation.comment-author' });
    expect(decideResolveComment(inScope('la-facilitator'), selfEvaluation, 'p-headteacher')).toEqual({
      allow: false, reason: 'self-evaluation.resolve-editor-or-author-only',
    });
    expect(decideResolveComment(inScope('la-officer'), selfEvaluation, 'p-la-officer').allow).toBe(false);
  });
});
