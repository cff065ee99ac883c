import { describe, expect, it } from 'vitest';
import { allRoles, laRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { decideLaGrant, decideLaRevoke, decideViewLaAccess, type LaScope } from '../src/policy/la-roles';
import type { Actor } from '../src/policy/types';

const LA: LaScope = { type: 'la', laCode: 674 };
const SCHOOL_HERE = '6742001';
const SCHOOL_ELSEWHERE = '6812001';

/** One role, held in LA 674 (at one of its schools, its collaborative, or the LA itself) or in 681. */
const at = (role: Role, where: 'here' | 'elsewhere'): RoleAssignment =>
  role === 'convenor' || role === 'member-contact' ? { role, collaborativeId: where === 'here' ? 'c674' : 'c681' }
    : role === 'la-facilitator' || role === 'la-officer' ? { role, laCode: where === 'here' ? 674 : 681 }
      : { role, schoolId: where === 'here' ? SCHOOL_HERE : SCHOOL_ELSEWHERE };
const holder = (role: Role, where: 'here' | 'elsewhere' = 'here'): Actor => ({ personId: `p-${role}-${where}`, roles: [at(role, where)] });
const everyone = allRoles.flatMap((role) => (['here', 'elsewhere'] as const).map((where) => ({ key: `${role}@${where}`, actor: holder(role, where) })));

const practitioner: Actor = { personId: 'p-grantee', roles: [{ role: 'practitioner', schoolId: SCHOOL_HERE }] };

describe('the LA roles screen', () => {
  it('P116: the LA’s role holders are seen by that LA’s officers only, every other role and every other LA refused', () => {
    const allowed = everyone.filter(({ actor }) => decideViewLaAccess(actor, LA).allow).map(({ key }) => key);
    expect(allowed).toEqual(['la-officer@here']);
    expect(decideViewLaAccess(holder('la-facilitator'), LA).reason).toBe('grant.not-permitted');
  });

  it('P117: only the LA’s officer gives its roles, and only to someone working in the LA', () => {
    for (const role of laRoles) {
      const allowed = everyone.filter(({ actor }) => decideLaGrant(actor, { role, scope: LA }, practitioner, [674]).allow).map(({ key }) => key);
      expect(allowed, role).toEqual(['la-officer@here']);
    }
    const officer = holder('la-officer');
    expect(decideLaGrant(officer, { role: 'la-facilitator', scope: LA }, practitioner, [681])).toEqual({ allow: false, reason: 'grant.grantee-outside-la' });
    expect(decideLaGrant(officer, { role: 'la-facilitator', scope: LA }, practitioner, [])).toEqual({ allow: false, reason: 'grant.grantee-outside-la' });
    // A school role is never given through the LA's screen.
    expect(decideLaGrant(officer, { role: 'headteacher', scope: LA }, practitioner, [674])).toEqual({ allow: false, reason: 'grant.role-scope-mismatch' });
    // A facilitator cannot make themselves the officer (P19, decided before the LA's own rule).
    const facilitator = holder('la-facilitator');
    expect(decideLaGrant(facilitator, { role: 'la-officer', scope: LA }, facilitator, [674]).allow).toBe(false);
  });

  it('P118: an LA role is removed by the LA’s officer or given up by its holder, and the last officer is never removed', () => {
    const grant = { role: 'la-facilitator', scope: LA } as const;
    const allowed = everyone.filter(({ actor }) => decideLaRevoke(actor, grant, 'p-someone', 1).allow).map(({ key }) => key);
    expect(allowed).toEqual(['la-officer@here']);
    const officer = holder('la-officer');
    const officerRole = { role: 'la-officer', scope: LA } as const;
    expect(decideLaRevoke(officer, officerRole, 'p-second-officer', 2)).toEqual({ allow: true, reason: 'grant.la-officer' });
    expect(decideLaRevoke(officer, officerRole, officer.personId, 2)).toEqual({ allow: true, reason: 'grant.own-role' });
    expect(decideLaRevoke(officer, officerRole, officer.personId, 1)).toEqual({ allow: false, reason: 'grant.last-officer' });
    expect(decideLaRevoke(officer, officerRole, 'p-second-officer', 1)).toEqual({ allow: false, reason: 'grant.last-officer' });
    // A facilitator gives up their own role; an officer of another LA removes nothing here.
    const facilitator = holder('la-facilitator');
    expect(decideLaRevoke(facilitator, grant, facilitator.personId, 1).allow).toBe(true);
    expect(decideLaRevoke(holder('la-officer', 'elsewhere'), grant, facilitator.personId, 1).allow).toBe(false);
  });
});
