import { describe, expect, it } from 'vitest';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { confirmationSide, decideRestore } from '../src/policy/cycle';
import { decide, resolveAccess } from '../src/policy/decide';
import { allActions, type Actor, type CycleResource, type PolicyResource, type RecordResource } from '../src/policy/types';

const SCHOOL = '6742001';
const plan: PolicyResource = { kind: 'development-plan', schoolId: SCHOOL, schoolLaCode: 674 };
const review: PolicyResource = { kind: 'progress-review', schoolId: SCHOOL, schoolLaCode: 674, partnerIds: ['p-partner'] };
const record: RecordResource = { kind: 'record', owner: { type: 'school', schoolId: SCHOOL, schoolLaCode: 674 } };

function actor(role: Role, personId = `p-${role}`): Actor {
  const roles: RoleAssignment[] = role === 'convenor' || role === 'member-contact'
    ? [{ role, collaborativeId: 'c1' }]
    : role === 'la-facilitator' || role === 'la-officer' ? [{ role, laCode: 674 }] : [{ role, schoolId: SCHOOL }];
  return { personId, roles };
}
const partner: Actor = { personId: 'p-partner', roles: [{ role: 'la-facilitator', laCode: 674 }] };
const anonymous: Actor = { personId: '', roles: [] };
const allowed = (a: Actor, r: Parameters<typeof decide>[2]): string => allActions.filter((x) => decide(a, x, r).allow).join(' ');

describe('improvement cycle policy', () => {
  it('P37: approve is the governors’ on a development plan, and nobody’s anywhere else', () => {
    for (const role of allRoles) {
      expect([role, decide(actor(role), 'approve', plan).allow]).toEqual([role, role === 'governor']);
      expect([role, decide(actor(role), 'approve', review).allow]).toEqual([role, false]);
    }
    expect(decide(actor('headteacher'), 'approve', plan)).toEqual({ allow: false, reason: 'development-plan.governors-approve' });
    expect(decide(actor('governor'), 'approve', plan)).toEqual({ allow: true, reason: 'development-plan.governor' });
  });

  it('P37: confirm is the partner’s and the school leaders’ on a progress review; each confirms for their side', () => {
    const confirmers = allRoles.filter((role) => decide(actor(role), 'confirm', review).allow);
    expect(confirmers).toEqual(['headteacher', 'senior-leader']);
    expect(decide(partner, 'confirm', review)).toEqual({ allow: true, reason: 'progress-review.partner' });
    expect(confirmationSide(partner, review)).toBe('facilitator');
    expect(confirmationSide(actor('headteacher'), review)).toBe('school');
    expect(confirmationSide(actor('senior-leader'), review)).toBe('school');
    for (const role of ['governor', 'la-officer', 'la-facilitator', 'practitioner'] as const) expect([role, confirmationSide(actor(role), review)]).toEqual([role, null]);
    expect(allRoles.some((role) => decide(actor(role), 'confirm', plan).allow)).toBe(false);
  });

  it('P38: drafts against confirmed reviews, for every role: who reads the working draft and who reads the confirmed review', () => {
    // Written out by hand: [reads the draft, reads the confirmed review in the record].
    const expected: Record<Role | 'partner', [boolean, boolean]> = {
      headteacher: [true, true],
      'senior-leader': [true, true],
      practitioner: [false, false],
      governor: [false, true],
      convenor: [false, false],
      'member-contact': [false, false],
      'la-facilitator': [false, true],
      'la-officer': [false, true],
      partner: [true, true],
    };
    for (const [who, [draft, confirmed]] of Object.entries(expected)) {
      const a = who === 'partner' ? partner : actor(who as Role);
      expect([who, decide(a, 'read', review).allow, decide(a, 'read', record).allow]).toEqual([who, draft, confirmed]);
    }
    for (const role of ['governor', 'la-officer', 'la-facilitator'] as const) {
      expect(decide(actor(role), 'read', review)).toEqual({ allow: false, reason: 'progress-review.confirmed-only' });
    }
    expect(decide(actor('practitioner'), 'read', review).reason).toBe('progress-review.no-access');
  });

  it('P39: a published summary is public: anyone reads it, signed in or not, and nobody changes it there', () => {
    const published: CycleResource = { kind: 'published-summary', schoolId: SCHOOL, published: true };
    const unpublished: CycleResource = { kind: 'published-summary', schoolId: SCHOOL, published: false };
    for (const a of [anonymous, ...allRoles.map((r) => actor(r))]) {
      expect(allowed(a, published)).toBe('read');
      expect(decide(a, 'read', unpublished)).toEqual({ allow: false, reason: 'published-summary.not-published' });
    }
  });

  it('P40: the support level is decided by the partner or an LA officer and read by the school and the LA', () => {
    const level: CycleResource = { kind: 'support-level', schoolId: SCHOOL, schoolLaCode: 674, partnerIds: ['p-partner'] };
    const expected: Record<Role, string> = {
      headteacher: 'read', 'senior-leader': 'read', practitioner: '', governor: 'read', convenor: '', 'member-contact': '',
      'la-facilitator': 'read', 'la-officer': 'read agree',
    };
    for (const role of allRoles) expect([role, allowed(actor(role), level)]).toEqual([role, expected[role]]);
    expect(allowed(partner, level)).toBe('read agree');
    expect(allowed({ personId: 'x', roles: [{ role: 'la-officer', laCode: 681 }] }, level)).toBe('');
  });

  it('P41: a caseload is read by its facilitator and the LA’s officers, nobody else', () => {
    const caseload: CycleResource = { kind: 'caseload', facilitatorId: 'p-partner', laCode: 674 };
    expect(allowed(partner, caseload)).toBe('read');
    expect(allowed(actor('la-officer'), caseload)).toBe('read');
    expect(allowed(actor('la-facilitator'), caseload)).toBe('');
    expect(allowed(actor('headteacher'), caseload)).toBe('');
  });

  it('P42: restoring an agreed version needs reading the record and editing the live document', () => {
    expect(decideRestore(actor('headteacher'), record, plan).allow).toBe(true);
    expect(decideRestore(actor('governor'), record, plan)).toEqual({ allow: false, reason: 'development-plan.edit-not-permitted' });
    expect(decideRestore(actor('practitioner'), record, plan)).toEqual({ allow: false, reason: 'record.no-access' });
    expect(decideRestore(partner, record, review).allow).toBe(true);
    expect(decideRestore(actor('la-officer'), record, review).reason).toBe('progress-review.confirmed-only');
  });

  it('P43: connection access on the new kinds follows decide', () => {
    expect(resolveAccess(actor('headteacher'), plan)).toBe('owner');
    expect(resolveAccess(actor('senior-leader'), plan)).toBe('editor');
    expect(resolveAccess(actor('governor'), plan)).toBe('viewer');
    expect(resolveAccess(actor('la-officer'), plan)).toBeNull();
    expect(resolveAccess(partner, review)).toBe('owner');
    expect(resolveAccess(actor('headteacher'), review)).toBe('editor');
    expect(resolveAccess(actor('governor'), review)).toBeNull();
  });
});
