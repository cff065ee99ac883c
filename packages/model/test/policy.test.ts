import { describe, expect, it } from 'vitest';
import { allDocumentKinds, type DocumentKind } from '../src/domain/document';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { decide, resolveAccess } from '../src/policy/decide';
import { allActions, type Action, type Actor, type PolicyResource } from '../src/policy/types';

const HOST = '6742001'; // the school that owns the document / a member school
const MEMBER = '6742002'; // another member school of the collaborative
const OTHER = '6742999'; // a school with no relationship to the document

const resources: Record<DocumentKind, PolicyResource> = {
  'self-evaluation': { kind: 'self-evaluation', schoolId: HOST, schoolLaCode: 674 },
  'peer-review': { kind: 'peer-review', hostSchoolId: HOST, hostLaCode: 674, reviewerIds: ['p-reviewer'], sharedWithLa: true },
  workspace: {
    kind: 'workspace',
    collaborativeId: 'c1',
    memberSchoolIds: [HOST, MEMBER],
    memberLaCodes: [674],
    convenorId: 'p-convenor',
    facilitatorIds: ['p-la-facilitator'],
  },
  'development-plan': { kind: 'development-plan', schoolId: HOST, schoolLaCode: 674 },
  // The in-scope facilitator is the school's Improvement Partner (its caseload holds the school).
  'progress-review': { kind: 'progress-review', schoolId: HOST, schoolLaCode: 674, partnerIds: ['p-la-facilitator'] },
  // P130: the host school published its review's strengths to collaborative c1 (HOST and MEMBER).
  'review-extract': { kind: 'review-extract', hostSchoolId: HOST, collaborativeId: 'c1', convenorId: 'p-convenor', memberSchoolIds: [HOST, MEMBER] },
};

/** In scope: the role held where it matters (host school, this collaborative, this LA). */
function inScope(role: Role): Actor {
  const personId = `p-${role}`;
  const roles: RoleAssignment[] =
    role === 'convenor' || role === 'member-contact'
      ? [{ role, collaborativeId: 'c1' }]
      : role === 'la-facilitator' || role === 'la-officer'
        ? [{ role, laCode: 674 }]
        : [{ role, schoolId: HOST }];
  return { personId, roles };
}

/** Out of scope: the same role held elsewhere (another school, collaborative or LA). */
function outOfScope(role: Role): Actor {
  const personId = `p-${role}-elsewhere`;
  const roles: RoleAssignment[] =
    role === 'convenor' || role === 'member-contact'
      ? [{ role, collaborativeId: 'c2' }]
      : role === 'la-facilitator' || role === 'la-officer'
        ? [{ role, laCode: 681 }]
        : [{ role, schoolId: OTHER }];
  return { personId, roles };
}

const ALL = 'read edit comment share agree export erase';
const NONE = '';

/**
 * The expected policy, written out by hand (not computed from the policy code).
 * Peer review here is shared with the LA; the unshared case is tested under P5.
 */
const expected: Record<DocumentKind, Record<Role, string>> = {
  'self-evaluation': {
    headteacher: ALL,
    'senior-leader': 'read edit comment share agree export',
    practitioner: 'read edit comment',
    governor: 'read comment export',
    convenor: NONE,
    'member-contact': NONE,
    'la-facilitator': 'read comment',
    'la-officer': NONE,
  },
  'peer-review': {
    // No one agrees a peer review into a record (P11).
    headteacher: 'read edit comment share export erase',
    'senior-leader': 'read edit comment export',
    practitioner: NONE,
    governor: 'read',
    convenor: NONE,
    'member-contact': NONE,
    'la-facilitator': 'read',
    'la-officer': 'read',
  },
  workspace: {
    headteacher: 'read edit comment export',
    'senior-leader': 'read edit comment export',
    practitioner: 'read comment',
    governor: 'read',
    convenor: ALL,
    // P21: a member school's contact writes in the collaborative's workspace for their school.
    'member-contact': 'read edit comment',
    'la-facilitator': 'read comment',
    'la-officer': 'read',
  },
  'development-plan': {
    // P35: leaders write the plan and publish its summary (agree); the governing body approves it.
    headteacher: 'read edit comment agree export erase',
    'senior-leader': 'read edit comment agree export',
    practitioner: 'read comment',
    governor: 'read comment export approve',
    convenor: NONE,
    'member-contact': NONE,
    'la-facilitator': 'read comment',
    'la-officer': NONE,
  },
  'progress-review': {
    // P36-P38: the partner and the school's leaders write and confirm; governors and officers
    // read only the confirmed review, in the record.
    headteacher: 'read edit comment export confirm',
    'senior-leader': 'read edit comment export confirm',
    practitioner: NONE,
    governor: NONE,
    convenor: NONE,
    'member-contact': NONE,
    'la-facilitator': 'read edit comment export erase confirm',
    'la-officer': NONE,
  },
  'review-extract': {
    // P130: the host's leaders write it; the convenor reads it, as a collaborative share (P63);
    // nobody agrees it into a record (K9). Practitioners, contacts, governors and the LA: nothing.
    headteacher: 'read edit comment share export erase',
    'senior-leader': 'read edit comment export',
    practitioner: NONE,
    governor: NONE,
    convenor: 'read',
    'member-contact': NONE,
    'la-facilitator': NONE,
    'la-officer': NONE,
  },
};

const allowed = (actor: Actor, resource: PolicyResource): string =>
  allActions.filter((action) => decide(actor, action, resource).allow).join(' ');

describe('permission policy', () => {
  it('P10: the table covers every role, document kind and action the policy exports', () => {
    expect(Object.keys(expected).sort()).toEqual([...allDocumentKinds].sort());
    for (const kind of allDocumentKinds) expect(Object.keys(expected[kind]).sort()).toEqual([...allRoles].sort());
    expect([...allActions]).toEqual(['read', 'edit', 'comment', 'share', 'agree', 'export', 'erase', 'approve', 'confirm']);
  });

  for (const kind of allDocumentKinds) {
    for (const role of allRoles) {
      const rule = kind === 'self-evaluation' ? 'P1' : kind === 'peer-review' ? 'P4' : kind === 'development-plan' ? 'P35' : kind === 'progress-review' ? 'P36' : kind === 'review-extract' ? 'P130' : role === 'member-contact' ? 'P21' : 'P7';
      it(`${rule}: ${kind} × ${role} in scope may do exactly: ${expected[kind][role] || 'nothing'}`, () => {
        expect(allowed(inScope(role), resources[kind])).toBe(expected[kind][role]);
      });
      it(`${rule}: ${kind} × ${role} out of scope may do nothing`, () => {
        const actor = outOfScope(role);
        for (const action of allActions) {
          const d = decide(actor, action, resources[kind]);
          expect(d.allow).toBe(false);
          expect(d.reason).toBe(`${kind}.no-access`);
        }
      });
    }
  }

  it('P1: erase is the headteacher’s alone, with a stable reason', () => {
    expect(decide(inScope('headteacher'), 'erase', resources['self-evaluation'])).toEqual({ allow: true, reason: 'self-evaluation.headteacher' });
    expect(decide(inScope('senior-leader'), 'erase', resources['self-evaluation'])).toEqual({
      allow: false,
      reason: 'self-evaluation.erase-headteacher-only',
    });
  });

  it('P2: practitioners contribute but do not share; roles held together combine', () => {
    expect(decide(inScope('practitioner'), 'share', resources['self-evaluation']).reason).toBe('self-evaluation.share-not-permitted');
    const both: Actor = { personId: 'p-both', roles: [{ role: 'governor', schoolId: HOST }, { role: 'practitioner', schoolId: HOST }] };
    expect(allowed(both, resources['self-evaluation'])).toBe('read edit comment export');
  });

  it('P3: the LA facilitator comments but never edits; LA officers do not see drafts', () => {
    expect(decide(inScope('la-facilitator'), 'comment', resources['self-evaluation'])).toEqual({ allow: true, reason: 'self-evaluation.la-facilitator' });
    expect(decide(inScope('la-facilitator'), 'edit', resources['self-evaluation']).allow).toBe(false);
    expect(decide(inScope('la-officer'), 'read', resources['self-evaluation'])).toEqual({ allow: false, reason: 'self-evaluation.no-access' });
  });

  it('P4: named visiting reviewers edit and comment, but do not export, agree or share', () => {
    const reviewer: Actor = { personId: 'p-reviewer', roles: [{ role: 'headteacher', schoolId: OTHER }] };
    expect(allowed(reviewer, resources['peer-review'])).toBe('read edit comment');
    expect(decide(reviewer, 'edit', resources['peer-review']).reason).toBe('peer-review.reviewer');
    const unnamed: Actor = { personId: 'p-someone', roles: [{ role: 'headteacher', schoolId: OTHER }] };
    expect(allowed(unnamed, resources['peer-review'])).toBe('');
  });

  it('P5: the LA reads a peer review only while the host school shares it', () => {
    const unshared: PolicyResource = { ...resources['peer-review'], kind: 'peer-review', sharedWithLa: false } as PolicyResource;
    for (const role of ['la-facilitator', 'la-officer'] as const) {
      for (const action of allActions) {
        expect(decide(inScope(role), action, unshared)).toEqual({ allow: false, reason: 'peer-review.not-shared-with-la' });
      }
      expect(decide(inScope(role), 'read', resources['peer-review'])).toEqual({ allow: true, reason: 'peer-review.la-shared' });
    }
    expect(allowed(inScope('governor'), unshared)).toBe('read');
  });

  it('P6: only the host headteacher shares, unshares and erases a peer review', () => {
    expect(decide(inScope('headteacher'), 'share', resources['peer-review'])).toEqual({ allow: true, reason: 'peer-review.host-headteacher' });
    expect(decide(inScope('senior-leader'), 'share', resources['peer-review'])).toEqual({ allow: false, reason: 'peer-review.host-headteacher-only' });
    expect(decide({ personId: 'p-reviewer', roles: [] }, 'erase', resources['peer-review']).reason).toBe('peer-review.host-headteacher-only');
  });

  it('P8: the convenor agrees, shares and erases; member leaders may not', () => {
    expect(decide(inScope('convenor'), 'agree', resources.workspace)).toEqual({ allow: true, reason: 'workspace.convenor' });
    expect(decide({ personId: 'p-convenor', roles: [] }, 'agree', resources.workspace).allow).toBe(true);
    expect(decide(inScope('headteacher'), 'agree', resources.workspace)).toEqual({ allow: false, reason: 'workspace.convenor-only' });
    const memberHead: Actor = { personId: 'p-m', roles: [{ role: 'headteacher', schoolId: MEMBER }] };
    expect(allowed(memberHead, resources.workspace)).toBe('read edit comment export');
  });

  it('P9: observers observe: facilitators and LA officers never edit a workspace', () => {
    const unnamedFacilitator: Actor = { personId: 'p-other-facilitator', roles: [{ role: 'la-facilitator', laCode: 674 }] };
    expect(allowed(unnamedFacilitator, resources.workspace)).toBe('read');
    for (const role of ['la-facilitator', 'la-officer', 'governor'] as const) {
      expect(decide(inScope(role), 'edit', resources.workspace).allow).toBe(false);
    }
  });

  it('P130: a member school\'s leaders read an extract and nothing more; its practitioners and governors and another school do not', () => {
    const extract = resources['review-extract'];
    for (const role of ['headteacher', 'senior-leader'] as const) {
      expect(allowed({ personId: `p-m-${role}`, roles: [{ role, schoolId: MEMBER }] }, extract)).toBe('read');
      expect(decide({ personId: `p-m-${role}`, roles: [{ role, schoolId: MEMBER }] }, 'read', extract).reason).toBe('review-extract.collaborative-reader');
      expect(decide({ personId: `p-m-${role}`, roles: [{ role, schoolId: MEMBER }] }, 'edit', extract).reason).toBe('review-extract.host-only');
    }
    for (const role of ['practitioner', 'governor'] as const) {
      expect(allowed({ personId: `p-m-${role}`, roles: [{ role, schoolId: MEMBER }] }, extract)).toBe('');
    }
    expect(decide(inScope('headteacher'), 'agree', extract)).toEqual({ allow: false, reason: 'review-extract.never-recorded' });
    expect(resolveAccess({ personId: 'p-m', roles: [{ role: 'headteacher', schoolId: MEMBER }] }, extract)).toBe('viewer');
    expect(resolveAccess(inScope('headteacher'), extract)).toBe('owner');
    // Withdrawn from the collaborative's view: an extract whose collaborative is unknown has no members.
    expect(allowed({ personId: 'p-m', roles: [{ role: 'headteacher', schoolId: MEMBER }] }, { ...extract, memberSchoolIds: [], convenorId: '' } as PolicyResource)).toBe('');
  });

  it('P10: resolveAccess follows decide: owner, editor, viewer or null', () => {
    const cases: [Actor, DocumentKind, ReturnType<typeof resolveAccess>][] = [
      [inScope('headteacher'), 'self-evaluation', 'owner'],
      [inScope('senior-leader'), 'self-evaluation', 'owner'],
      [inScope('practitioner'), 'self-evaluation', 'editor'],
      [inScope('governor'), 'self-evaluation', 'viewer'],
      [inScope('la-facilitator'), 'self-evaluation', 'viewer'],
      [inScope('la-officer'), 'self-evaluation', null],
      [inScope('senior-leader'), 'peer-review', 'editor'],
      [{ personId: 'p-reviewer', roles: [] }, 'peer-review', 'editor'],
      [inScope('la-officer'), 'peer-review', 'viewer'],
      [inScope('convenor'), 'workspace', 'owner'],
      [inScope('headteacher'), 'workspace', 'editor'],
      [outOfScope('headteacher'), 'workspace', null],
    ];
    for (const [actor, kind, access] of cases) expect([actor.personId, kind, resolveAccess(actor, resources[kind])]).toEqual([actor.personId, kind, access]);
    // And never more than decide allows, for every role and kind.
    const actions = (a: Actor, r: PolicyResource): Action[] => allActions.filter((x) => decide(a, x, r).allow);
    for (const kind of allDocumentKinds) {
      for (const role of allRoles) {
        const access = resolveAccess(inScope(role), resources[kind]);
        const can = actions(inScope(role), resources[kind]);
        if (access === 'editor') expect(can).toContain('edit');
        if (access === 'viewer') expect(can).not.toContain('edit');
        if (access === null) expect(can).toEqual([]);
      }
    }
  });
});
