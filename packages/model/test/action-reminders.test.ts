import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../src/demo/dataset';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { NotificationKind } from '../src/domain/notification';
import { decide } from '../src/policy/decide';
import { decideActionReminder } from '../src/policy/notifications';
import type { Actor, PolicyResource } from '../src/policy/types';
import { reminderStanding, remindersDue, REMINDER_ACTION_ID_MAX } from '../src/rules/actionReminders';
import { readData } from './fixtures';

const TODAY = '2027-01-10';
const action = (over: Partial<{ id: string; ownerPersonId: string; due: string; done: boolean }> = {}) => ({ id: 'a1', ownerPersonId: 'p-owner', due: '2027-01-15', done: false, ...over });

describe('action reminders: which', () => {
  it('P135: an action owned by an account is reminded as due soon within two weeks and as overdue once past, each with its own kind', () => {
    expect(remindersDue([action()], TODAY)).toEqual([{ actionId: 'a1', ownerPersonId: 'p-owner', flag: 'due-soon', kind: 'action-due-soon', due: '2027-01-15' }]);
    expect(remindersDue([action({ due: '2027-01-09' })], TODAY)).toEqual([{ actionId: 'a1', ownerPersonId: 'p-owner', flag: 'overdue', kind: 'action-overdue', due: '2027-01-09' }]);
    // Today counts as due soon (not yet overdue); the 14th day after is the last due-soon day.
    expect(remindersDue([action({ due: TODAY }), action({ id: 'a2', due: '2027-01-24' }), action({ id: 'a3', due: '2027-01-25' })], TODAY).map((r) => [r.actionId, r.flag])).toEqual([['a1', 'due-soon'], ['a2', 'due-soon']]);
    for (const kind of ['action-due-soon', 'action-overdue']) expect(NotificationKind.safeParse(kind).success).toBe(true);
  });

  it('P135: a done action, one owned only by a typed name or role, one without a real date or with an id the product never writes is never reminded', () => {
    expect(remindersDue([
      action({ done: true }), action({ done: true, due: '2026-01-01' }),
      action({ ownerPersonId: '' }),
      action({ due: '' }), action({ due: 'soon' }), action({ due: '2027-01-15T09:00' }),
      action({ id: '' }), action({ id: 'x'.repeat(REMINDER_ACTION_ID_MAX + 1) }),
    ], TODAY)).toEqual([]);
  });

  it('P135: the demo plans have actions owned by accounts, so a demo shows reminders once it runs', () => {
    const demo = buildDemoDataset({
      lasCsv: readData('wales-local-authorities.csv'),
      schoolsEnCsv: readData('wg-schools-maintained-2022-06.en.csv'),
      schoolsCyCsv: readData('wg-schools-maintained-2022-06.cy.csv'),
      schools2026Json: readData('welsh-schools-2026-04.json'),
    });
    const people = new Set(demo.people.map((p) => p.id));
    const owned = demo.documents.flatMap((d) => (d.content.kind === 'development-plan' ? d.content.state.priorities.flatMap((p) => p.actions) : [])).filter((a) => a.ownerPersonId !== '' && !a.done);
    expect(owned.map((a) => a.ownerPersonId).sort()).toEqual(['demo-headteacher', 'demo-senior-leader', 'demo-senior-leader-secondary']);
    expect(owned.every((a) => people.has(a.ownerPersonId) && /^\d{4}-\d{2}-\d{2}$/.test(a.due))).toBe(true);
  });
});

describe('action reminders: who', () => {
  const HOST = '6742001';
  const OTHER = '6742002';
  function actor(role: Role | 'nobody', schoolId = HOST): Actor {
    if (role === 'nobody') return { personId: 'p-nobody', roles: [] };
    const roles: RoleAssignment[] = role === 'convenor' || role === 'member-contact'
      ? [{ role, collaborativeId: 'c1' }]
      : role === 'la-facilitator' || role === 'la-officer' ? [{ role, laCode: 674 }] : [{ role, schoolId }];
    return { personId: `p-${role}-${schoolId}`, roles };
  }
  const kinds: PolicyResource[] = [
    { kind: 'development-plan', schoolId: HOST, schoolLaCode: 674 },
    { kind: 'workspace', collaborativeId: 'c1', memberSchoolIds: [HOST], memberLaCodes: [674], convenorId: `p-convenor-${HOST}`, facilitatorIds: [] },
    { kind: 'self-evaluation', schoolId: HOST, schoolLaCode: 674 },
    { kind: 'peer-review', hostSchoolId: HOST, hostLaCode: 674, reviewerIds: [], sharedWithLa: false },
    { kind: 'progress-review', schoolId: HOST, schoolLaCode: 674, partnerIds: [] },
  ];
  const everyone = [...allRoles.flatMap((role) => [actor(role), actor(role, OTHER)]), actor('nobody')];

  it('P136: for every role and kind, the owner is told exactly when they may read the document now, and nobody else is told, whatever their role', () => {
    for (const resource of kinds) {
      for (const owner of everyone) {
        const told = everyone.filter((a) => decideActionReminder(a, resource, { ownerPersonId: owner.personId }).allow).map((a) => a.personId);
        const reads = decide(owner, 'read', resource).allow;
        expect([resource.kind, owner.personId, told]).toEqual([resource.kind, owner.personId, reads ? [owner.personId] : []]);
        const reason = decideActionReminder(owner, resource, { ownerPersonId: owner.personId }).reason;
        expect([resource.kind, owner.personId, reason]).toEqual([resource.kind, owner.personId, reads ? 'action-reminder.owner' : 'action-reminder.readers-only']);
      }
    }
    // A headteacher of the school, or its LA officer, is not told of a senior leader's action.
    expect(decideActionReminder(actor('headteacher'), kinds[0]!, { ownerPersonId: actor('senior-leader').personId }).reason).toBe('action-reminder.owner-only');
  });

  it('P136: an action owned only by a typed name reaches nobody; an archived document reminds nobody, its owner included', () => {
    for (const a of everyone) expect(decideActionReminder(a, kinds[0]!, { ownerPersonId: '' }).allow).toBe(false);
    for (const resource of kinds) {
      for (const owner of everyone) {
        expect(decideActionReminder(owner, { ...resource, archived: true }, { ownerPersonId: owner.personId }).allow).toBe(false);
      }
    }
    const headteacher = actor('headteacher');
    expect(decideActionReminder(headteacher, { ...kinds[0]!, archived: true }, { ownerPersonId: headteacher.personId }).reason).toBe('action-reminder.archived');
  });
});

describe('action reminders: since', () => {
  it('P137: a reminded action is as reminded while open on the same date, else done, moved to another date, or gone from the document', () => {
    expect(reminderStanding('2027-01-15', { due: '2027-01-15', done: false })).toBe('as-reminded');
    expect(reminderStanding('2027-01-15', { due: '2027-01-15', done: true })).toBe('done');
    expect(reminderStanding('2027-01-15', { due: '2027-02-01', done: true })).toBe('done');
    expect(reminderStanding('2027-01-15', { due: '2027-02-01', done: false })).toBe('moved');
    expect(reminderStanding('2027-01-15', { due: '', done: false })).toBe('moved');
    expect(reminderStanding('2027-01-15', null)).toBe('gone');
  });
});
