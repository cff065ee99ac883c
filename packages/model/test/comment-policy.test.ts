/**
 * P90-P92: who reopens a thread, who changes or deletes a comment, who may be mentioned; a table
 * over every role and document kind, in scope and out of scope, written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { allDocumentKinds, type DocumentKind } from '../src/domain/document';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { decideChangeOwnComment, decideMention, decideReopenComment, decideResolveComment } from '../src/policy/comments';
import type { Actor, PolicyResource } from '../src/policy/types';

const HOST = '6742001';
const resources: Record<DocumentKind, PolicyResource> = {
  'self-evaluation': { kind: 'self-evaluation', schoolId: HOST, schoolLaCode: 674 },
  'peer-review': { kind: 'peer-review', hostSchoolId: HOST, hostLaCode: 674, reviewerIds: ['p-reviewer'], sharedWithLa: true },
  workspace: { kind: 'workspace', collaborativeId: 'c1', memberSchoolIds: [HOST, '6742002'], memberLaCodes: [674], convenorId: 'p-convenor', facilitatorIds: ['p-la-facilitator'] },
  'development-plan': { kind: 'development-plan', schoolId: HOST, schoolLaCode: 674 },
  'progress-review': { kind: 'progress-review', schoolId: HOST, schoolLaCode: 674, partnerIds: ['p-la-facilitator'] },
  'review-extract': { kind: 'review-extract', hostSchoolId: HOST, collaborativeId: 'c1', convenorId: 'p-convenor', memberSchoolIds: [HOST, '6742002'] },
};

function actor(role: Role, inScope: boolean): Actor {
  const roles: RoleAssignment[] =
    role === 'convenor' || role === 'member-contact' ? [{ role, collaborativeId: inScope ? 'c1' : 'c2' }]
      : role === 'la-facilitator' || role === 'la-officer' ? [{ role, laCode: inScope ? 674 : 681 }]
        : [{ role, schoolId: inScope ? HOST : '6742999' }];
  return { personId: `p-${role}${inScope ? '' : '-elsewhere'}`, roles };
}

/**
 * `reopen-own`/`reopen-others`: reopen a thread they started / someone else started (P90);
 * `change-own`: edit or delete their own comment (P91; nobody changes another's, checked below);
 * `mentioned`: may be mentioned (P92).
 */
const FULL = 'reopen-own reopen-others change-own mentioned';
const COMMENTER = 'reopen-own change-own mentioned';
const expected: Record<DocumentKind, Record<Role, string>> = {
  'self-evaluation': {
    headteacher: FULL, 'senior-leader': FULL, practitioner: FULL, governor: COMMENTER,
    convenor: '', 'member-contact': '', 'la-facilitator': COMMENTER, 'la-officer': '',
  },
  'peer-review': {
    headteacher: FULL, 'senior-leader': FULL, practitioner: '', governor: 'mentioned',
    convenor: '', 'member-contact': '', 'la-facilitator': 'mentioned', 'la-officer': 'mentioned',
  },
  workspace: {
    headteacher: FULL, 'senior-leader': FULL, practitioner: COMMENTER, governor: 'mentioned',
    convenor: FULL, 'member-contact': FULL, 'la-facilitator': COMMENTER, 'la-officer': 'mentioned',
  },
  'development-plan': {
    headteacher: FULL, 'senior-leader': FULL, practitioner: COMMENTER, governor: COMMENTER,
    convenor: '', 'member-contact': '', 'la-facilitator': COMMENTER, 'la-officer': '',
  },
  'progress-review': {
    headteacher: FULL, 'senior-leader': FULL, practitioner: '', governor: '',
    convenor: '', 'member-contact': '', 'la-facilitator': FULL, 'la-officer': '',
  },
  // P130: the host's leaders comment; the convenor reads, so may be mentioned.
  'review-extract': {
    headteacher: FULL, 'senior-leader': FULL, practitioner: '', governor: '',
    convenor: 'mentioned', 'member-contact': '', 'la-facilitator': '', 'la-officer': '',
  },
};

function allowedTo(who: Actor, resource: PolicyResource): string {
  const out: string[] = [];
  if (decideReopenComment(who, resource, who.personId).allow) out.push('reopen-own');
  if (decideReopenComment(who, resource, 'p-someone-else').allow) out.push('reopen-others');
  if (decideChangeOwnComment(who, resource, who.personId).allow) out.push('change-own');
  if (decideMention(who, resource).allow) out.push('mentioned');
  return out.join(' ');
}

describe('comment policy', () => {
  it('P90: reopening follows resolving (P15) for every role and kind; P91: own comments only; P92: readers only', () => {
    for (const kind of allDocumentKinds) {
      for (const role of allRoles) {
        expect({ kind, role, may: allowedTo(actor(role, true), resources[kind]) }).toEqual({ kind, role, may: expected[kind][role] });
        // Out of scope, nobody does anything with the document's comments.
        expect({ kind, role, may: allowedTo(actor(role, false), resources[kind]) }).toEqual({ kind, role, may: '' });
      }
    }
  });

  it('P90: reopening and resolving are one door, with the same reasons', () => {
    for (const kind of allDocumentKinds) {
      for (const role of allRoles) {
        const who = actor(role, true);
        expect(decideReopenComment(who, resources[kind], 'p-other')).toEqual(decideResolveComment(who, resources[kind], 'p-other'));
      }
    }
    expect(decideReopenComment(actor('la-facilitator', true), resources['self-evaluation'], 'p-headteacher'))
      .toEqual({ allow: false, reason: 'self-evaluation.resolve-editor-or-author-only' });
  });

  it('P91: nobody, not even the document\'s owner, changes another person\'s comment', () => {
    for (const kind of allDocumentKinds) {
      for (const role of allRoles) {
        const decision = decideChangeOwnComment(actor(role, true), resources[kind], 'p-someone-else');
        expect(decision.allow).toBe(false);
      }
    }
    expect(decideChangeOwnComment(actor('headteacher', true), resources['self-evaluation'], 'p-governor'))
      .toEqual({ allow: false, reason: 'self-evaluation.comment-author-only' });
    // An author who may no longer comment (a governor on a workspace) keeps the document's own refusal.
    expect(decideChangeOwnComment(actor('governor', true), resources.workspace, 'p-governor'))
      .toEqual({ allow: false, reason: 'workspace.comment-not-permitted' });
  });

  it('P92: a mention of someone who cannot read is refused with a reason naming it', () => {
    expect(decideMention(actor('la-officer', true), resources['self-evaluation'])).toEqual({ allow: false, reason: 'self-evaluation.mention-not-a-reader' });
    expect(decideMention(actor('governor', true), resources['self-evaluation'])).toEqual({ allow: true, reason: 'self-evaluation.mention-reader' });
    const unshared: PolicyResource = { ...resources['peer-review'], sharedWithLa: false } as PolicyResource;
    expect(decideMention(actor('la-officer', true), unshared).allow).toBe(false);
  });
});
