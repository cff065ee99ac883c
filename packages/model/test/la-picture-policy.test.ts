import { describe, expect, it } from 'vitest';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { decide } from '../src/policy/decide';
import { allActions, type Actor, type LaPictureResource } from '../src/policy/types';

const SCHOOL = '6742001';
const OTHER_SCHOOL = '6812001';

/** Every kind of the LA's picture, about LA 674 (a school of 674, a collaborative with a member in 674). */
const resources: Record<LaPictureResource['kind'], LaPictureResource> = {
  'la-overview': { kind: 'la-overview', laCodes: [674] },
  'la-settings': { kind: 'la-settings', laCode: 674 },
  'item-themes': { kind: 'item-themes', owner: { type: 'school', schoolId: SCHOOL, schoolLaCode: 674 } },
  'brokered-support': { kind: 'brokered-support', schoolId: SCHOOL, schoolLaCode: 674 },
  'support-ledger': { kind: 'support-ledger', laCode: 674 },
  continuum: { kind: 'continuum', laCode: 674 },
  'caseload-assignment': { kind: 'caseload-assignment', laCode: 674 },
};
const collaborativeThemes: LaPictureResource = {
  kind: 'item-themes',
  owner: { type: 'collaborative', collaborativeId: 'c1', memberSchoolIds: [SCHOOL], memberLaCodes: [674], convenorId: 'p-convenor', facilitatorIds: [] },
};

function inScope(role: Role): Actor {
  const roles: RoleAssignment[] = role === 'convenor' || role === 'member-contact'
    ? [{ role, collaborativeId: 'c1' }]
    : role === 'la-facilitator' || role === 'la-officer' ? [{ role, laCode: 674 }] : [{ role, schoolId: SCHOOL }];
  return { personId: `p-${role}`, roles };
}

/** The same role held elsewhere: another LA, another school, another collaborative. */
function outOfScope(role: Role): Actor {
  const roles: RoleAssignment[] = role === 'convenor' || role === 'member-contact'
    ? [{ role, collaborativeId: 'c2' }]
    : role === 'la-facilitator' || role === 'la-officer' ? [{ role, laCode: 681 }] : [{ role, schoolId: OTHER_SCHOOL }];
  return { personId: `q-${role}`, roles };
}

const allowed = (a: Actor, r: LaPictureResource): string => allActions.filter((x) => decide(a, x, r).allow).join(' ');
const NONE = '';

/** Written out by hand: what each role in scope may do on each kind. */
const expected: Record<LaPictureResource['kind'], Record<Role, string>> = {
  'la-overview': { headteacher: NONE, 'senior-leader': NONE, practitioner: NONE, governor: NONE, convenor: NONE, 'member-contact': NONE, 'la-facilitator': 'read export', 'la-officer': 'read export' },
  'la-settings': { headteacher: NONE, 'senior-leader': NONE, practitioner: NONE, governor: NONE, convenor: NONE, 'member-contact': NONE, 'la-facilitator': 'read', 'la-officer': 'read edit' },
  'item-themes': { headteacher: 'read edit', 'senior-leader': 'read edit', practitioner: NONE, governor: NONE, convenor: NONE, 'member-contact': NONE, 'la-facilitator': 'read edit', 'la-officer': 'read edit' },
  'brokered-support': { headteacher: NONE, 'senior-leader': NONE, practitioner: NONE, governor: NONE, convenor: NONE, 'member-contact': NONE, 'la-facilitator': 'read agree', 'la-officer': 'read agree' },
  'support-ledger': { headteacher: NONE, 'senior-leader': NONE, practitioner: NONE, governor: NONE, convenor: NONE, 'member-contact': NONE, 'la-facilitator': 'read export', 'la-officer': 'read export' },
  continuum: { headteacher: NONE, 'senior-leader': NONE, practitioner: NONE, governor: NONE, convenor: NONE, 'member-contact': NONE, 'la-facilitator': NONE, 'la-officer': 'read edit' },
  'caseload-assignment': { headteacher: NONE, 'senior-leader': NONE, practitioner: NONE, governor: NONE, convenor: NONE, 'member-contact': NONE, 'la-facilitator': 'read', 'la-officer': 'read edit' },
};

const ruleOf: Record<LaPictureResource['kind'], string> = {
  'la-overview': 'P76', 'la-settings': 'P78', 'item-themes': 'P79', 'brokered-support': 'P80', 'support-ledger': 'P81', continuum: 'P82', 'caseload-assignment': 'P84',
};

describe('the LA picture’s policy, every role', () => {
  for (const kind of Object.keys(resources) as LaPictureResource['kind'][]) {
    for (const role of allRoles) {
      it(`${ruleOf[kind]}: ${kind} × ${role} in scope may do exactly: ${expected[kind][role] || 'nothing'}`, () => {
        expect(allowed(inScope(role), resources[kind])).toBe(expected[kind][role]);
      });
      it(`${ruleOf[kind]}: ${kind} × ${role} of another LA, school or collaborative may do nothing`, () => {
        expect(allowed(outOfScope(role), resources[kind])).toBe(NONE);
      });
    }
  }

  it('P77: a partnership’s overview is read by the LA roles of any of its LAs, and nobody signed out', () => {
    const partnership: LaPictureResource = { kind: 'la-overview', laCodes: [674, 672, 681] };
    expect(allowed(outOfScope('la-officer'), partnership)).toBe('read export');
    expect(allowed({ personId: 'x', roles: [{ role: 'la-facilitator', laCode: 660 }] }, partnership)).toBe(NONE);
    expect(allowed({ personId: '', roles: [] }, partnership)).toBe(NONE);
  });

  it('P79: a collaborative’s convenor tags its agreed priorities; its member schools’ leaders do not', () => {
    expect(allowed(inScope('convenor'), collaborativeThemes)).toBe('read edit');
    expect(allowed(inScope('headteacher'), collaborativeThemes)).toBe(NONE);
    expect(allowed(inScope('la-officer'), collaborativeThemes)).toBe('read edit');
    expect(allowed({ personId: 'p-convenor', roles: [] }, collaborativeThemes)).toBe('read edit');
  });

  it('P83: the continuum is the LA officers’ alone: a facilitator is refused with a reason, a school role and the public have no access', () => {
    expect(decide(inScope('la-facilitator'), 'read', resources.continuum)).toEqual({ allow: false, reason: 'continuum.officers-only' });
    for (const role of ['headteacher', 'senior-leader', 'practitioner', 'governor', 'convenor', 'member-contact'] as const) {
      expect(decide(inScope(role), 'read', resources.continuum)).toEqual({ allow: false, reason: 'continuum.no-access' });
    }
    expect(decide({ personId: '', roles: [] }, 'read', resources.continuum).allow).toBe(false);
    // A governor who is also an LA officer sees it through the LA role alone.
    const both: Actor = { personId: 'p-both', roles: [{ role: 'governor', schoolId: SCHOOL }, { role: 'la-officer', laCode: 674 }] };
    expect(allowed(both, resources.continuum)).toBe('read edit');
  });
});
