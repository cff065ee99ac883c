import { describe, expect, it } from 'vitest';
import { allDocumentKinds, DocumentRecord, type DocumentKind } from '../src/domain/document';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { decide, resolveAccess } from '../src/policy/decide';
import { decideManage, manageActions } from '../src/policy/manage';
import { resourceFromRecord } from '../src/policy/resource';
import { allActions, type Actor, type PolicyResource } from '../src/policy/types';

const HOST = '6742001';
const OTHER = '6742999';

const resources: Record<DocumentKind, PolicyResource> = {
  'self-evaluation': { kind: 'self-evaluation', schoolId: HOST, schoolLaCode: 674 },
  'peer-review': { kind: 'peer-review', hostSchoolId: HOST, hostLaCode: 674, reviewerIds: ['p-reviewer'], hostStaffIds: ['p-practitioner'], sharedWithLa: true },
  workspace: { kind: 'workspace', collaborativeId: 'c1', memberSchoolIds: [HOST], memberLaCodes: [674], convenorId: 'p-convenor', facilitatorIds: ['p-la-facilitator'] },
  'development-plan': { kind: 'development-plan', schoolId: HOST, schoolLaCode: 674 },
  'progress-review': { kind: 'progress-review', schoolId: HOST, schoolLaCode: 674, partnerIds: ['p-la-facilitator'] },
  'review-extract': { kind: 'review-extract', hostSchoolId: HOST, collaborativeId: 'c1', convenorId: 'p-convenor', memberSchoolIds: [HOST] },
};

function actor(role: Role, inScope: boolean): Actor {
  const personId = inScope ? `p-${role}` : `p-${role}-elsewhere`;
  const roles: RoleAssignment[] =
    role === 'convenor' || role === 'member-contact'
      ? [{ role, collaborativeId: inScope ? 'c1' : 'c2' }]
      : role === 'la-facilitator' || role === 'la-officer'
        ? [{ role, laCode: inScope ? 674 : 681 }]
        : [{ role, schoolId: inScope ? HOST : OTHER }];
  return { personId, roles };
}

/** Who renames, archives and restores, by hand (P95): the leaders of what owns the document. */
const managers: Record<DocumentKind, readonly Role[]> = {
  'self-evaluation': ['headteacher', 'senior-leader'],
  'peer-review': ['headteacher', 'senior-leader'],
  workspace: ['convenor'],
  'development-plan': ['headteacher', 'senior-leader'],
  // The school's partner is the in-scope facilitator (its caseload holds the school).
  'progress-review': ['headteacher', 'senior-leader', 'la-facilitator'],
  // P131: the host school's leaders; the convenor reads it but does not withdraw it.
  'review-extract': ['headteacher', 'senior-leader'],
};

describe('managing a document (P95-P97)', () => {
  for (const kind of allDocumentKinds) {
    for (const role of allRoles) {
      for (const inScope of [true, false]) {
        const may = inScope && managers[kind].includes(role);
        it(`P95: ${kind} × ${role} ${inScope ? 'in' : 'out of'} scope ${may ? 'may' : 'may not'} rename, archive or restore`, () => {
          for (const action of manageActions) {
            const decision = decideManage(actor(role, inScope), action, resources[kind]);
            expect(decision.allow, `${action}: ${decision.reason}`).toBe(may);
            if (!may) expect(decision.reason).toMatch(new RegExp(`^${kind}\\.(no-access|manage-owner-only)$`));
          }
        });
      }
    }
  }

  it('P95: a named reviewer and host staff on a peer review write in it but do not manage it; a member contact does not manage a workspace', () => {
    const review = resources['peer-review'];
    expect(decide({ personId: 'p-reviewer', roles: [] }, 'edit', review).allow).toBe(true);
    expect(decideManage({ personId: 'p-reviewer', roles: [] }, 'archive', review)).toEqual({ allow: false, reason: 'peer-review.manage-owner-only' });
    expect(decideManage({ personId: 'p-practitioner', roles: [{ role: 'practitioner', schoolId: HOST }] }, 'rename', review).reason).toBe('peer-review.manage-owner-only');
    expect(decideManage(actor('member-contact', true), 'archive', resources.workspace).reason).toBe('workspace.manage-owner-only');
    expect(decideManage(actor('convenor', true), 'archive', resources.workspace).reason).toBe('workspace.convenor');
  });

  it('P96: an archived self-evaluation is read-only for everyone, by hand; its owners keep share, export and erase and may restore, not rename', () => {
    const archived: PolicyResource = { ...resources['self-evaluation'], archived: true };
    const expected: Record<Role, string> = {
      headteacher: 'read share export erase',
      'senior-leader': 'read share export',
      practitioner: 'read',
      governor: 'read export',
      convenor: '',
      'member-contact': '',
      'la-facilitator': 'read',
      'la-officer': '',
    };
    for (const role of allRoles) {
      const who = actor(role, true);
      expect(allActions.filter((a) => decide(who, a, archived).allow).join(' '), role).toBe(expected[role]);
      expect(resolveAccess(who, archived), role).toBe(expected[role] ? 'viewer' : null);
    }
    expect(decide(actor('headteacher', true), 'edit', archived)).toEqual({ allow: false, reason: 'self-evaluation.archived' });
    expect(decideManage(actor('headteacher', true), 'restore', archived).allow).toBe(true);
    expect(decideManage(actor('headteacher', true), 'rename', archived)).toEqual({ allow: false, reason: 'self-evaluation.archived' });
  });

  it('P96: on every kind, archiving takes away exactly edit, comment, agree, approve and confirm, and every reader becomes a viewer', () => {
    for (const kind of allDocumentKinds) {
      for (const role of allRoles) {
        for (const inScope of [true, false]) {
          const who = actor(role, inScope);
          const open = allActions.filter((a) => decide(who, a, resources[kind]).allow);
          const archived = allActions.filter((a) => decide(who, a, { ...resources[kind], archived: true }).allow);
          expect(archived, `${kind} ${role}`).toEqual(open.filter((a) => !['edit', 'comment', 'agree', 'approve', 'confirm'].includes(a)));
          expect(resolveAccess(who, { ...resources[kind], archived: true })).toBe(open.includes('read') ? 'viewer' : null);
        }
      }
    }
  });

  it('P97: resourceFromRecord marks a record with an archive date archived, and only that one', () => {
    const school = { id: HOST, laCode: 674 } as never;
    const lookup = { school: (id: string) => (id === HOST ? school : undefined), collaborative: () => undefined };
    const record = DocumentRecord.parse({ id: 'self-evaluation:abcdef', kind: 'self-evaluation', owner: { type: 'school', schoolId: HOST }, title: 'Hunanwerthuso' });
    expect(resourceFromRecord(record, lookup)?.archived).toBeUndefined();
    expect(resourceFromRecord({ ...record, archivedAt: '2026-12-02T08:00:00.000Z' }, lookup)?.archived).toBe(true);
  });
});
