import { describe, expect, it } from 'vitest';
import { allRoles, type Role, type RoleAssignment } from '../src/domain/person';
import { decideGrant, decideRevoke, decideViewAccess, grantableRoles, roleStillFits, type GrantScope } from '../src/policy/grants';
import type { Actor } from '../src/policy/types';

const SCHOOL = '6742001'; // in LA 674, a member of collaborative c1
const MEMBER = '6742002'; // another member school of c1
const OTHER = '6812001'; // a school in another LA (681), in no collaborative here

const scopes: Record<'school' | 'collaborative' | 'la', GrantScope> = {
  school: { type: 'school', schoolId: SCHOOL, laCode: 674 },
  collaborative: { type: 'collaborative', collaborativeId: 'c1', memberSchoolIds: [SCHOOL, MEMBER], memberLaCodes: [674] },
  la: { type: 'la', laCode: 674 },
};

const at = (role: Role, where: 'here' | 'elsewhere'): RoleAssignment =>
  role === 'convenor' || role === 'member-contact' ? { role, collaborativeId: where === 'here' ? 'c1' : 'c2' }
    : role === 'la-facilitator' || role === 'la-officer' ? { role, laCode: where === 'here' ? 674 : 681 }
      : { role, schoolId: where === 'here' ? SCHOOL : OTHER };

const granter = (role: Role, where: 'here' | 'elsewhere' = 'here'): Actor => ({ personId: `p-${role}-${where}`, roles: [at(role, where)] });

/** A grantee on the leadership of a member school, so collaborative grants fit them. */
const grantee: Actor = { personId: 'p-grantee', roles: [{ role: 'headteacher', schoolId: MEMBER }] };

/**
 * Written out by hand: for each granter role (held in the scope), the roles it may grant in
 * each kind of scope. Scopes and roles that do not fit each other grant nothing.
 */
const expected: Record<Role, Record<keyof typeof scopes, string>> = {
  headteacher: { school: 'headteacher senior-leader practitioner governor', collaborative: '', la: '' },
  'senior-leader': { school: 'practitioner', collaborative: '', la: '' },
  practitioner: { school: '', collaborative: '', la: '' },
  governor: { school: '', collaborative: '', la: '' },
  convenor: { school: '', collaborative: 'convenor member-contact', la: '' },
  'member-contact': { school: '', collaborative: '', la: '' },
  'la-facilitator': { school: '', collaborative: '', la: '' },
  'la-officer': { school: 'headteacher senior-leader practitioner governor', collaborative: 'convenor member-contact', la: 'la-facilitator la-officer' },
};

const granted = (actor: Actor, scope: GrantScope): string =>
  allRoles.filter((role) => decideGrant(actor, { role, scope }, grantee).allow).join(' ');

describe('who may grant a role', () => {
  it('P16: the table covers every role as granter and as grant, in every kind of scope', () => {
    expect(Object.keys(expected).sort()).toEqual([...allRoles].sort());
  });

  for (const role of allRoles) {
    for (const kind of ['school', 'collaborative', 'la'] as const) {
      const rule = kind === 'school' ? 'P16' : kind === 'collaborative' ? 'P17' : 'P18';
      it(`${rule}: ${role} in scope grants in a ${kind}: ${expected[role][kind] || 'nothing'}`, () => {
        expect(granted(granter(role), scopes[kind])).toBe(expected[role][kind]);
      });
      it(`${rule}: ${role} of another school, collaborative or LA grants nothing in a ${kind}`, () => {
        const actor = granter(role, 'elsewhere');
        for (const grant of allRoles) expect(decideGrant(actor, { role: grant, scope: scopes[kind] }, grantee).allow).toBe(false);
      });
    }
  }

  it('P16: an officer of another LA, a convenor and a facilitator never grant a school role', () => {
    for (const actor of [granter('la-officer', 'elsewhere'), granter('convenor'), granter('la-facilitator')]) {
      expect(decideGrant(actor, { role: 'headteacher', scope: scopes.school })).toEqual({ allow: false, reason: 'grant.not-permitted' });
    }
  });

  it('P16: a role that does not fit its scope is refused with its own reason', () => {
    expect(decideGrant(granter('la-officer'), { role: 'headteacher', scope: scopes.la })).toEqual({ allow: false, reason: 'grant.role-scope-mismatch' });
    expect(decideGrant(granter('la-officer'), { role: 'la-officer', scope: scopes.school }).reason).toBe('grant.role-scope-mismatch');
  });

  it('P17: collaborative roles go to the staff of member schools; a convenor must be one of their leaders', () => {
    const officer = granter('la-officer');
    const outsider: Actor = { personId: 'p-outsider', roles: [{ role: 'headteacher', schoolId: OTHER }] };
    const practitioner: Actor = { personId: 'p-practitioner', roles: [{ role: 'practitioner', schoolId: MEMBER }] };
    expect(decideGrant(officer, { role: 'convenor', scope: scopes.collaborative }, outsider)).toEqual({ allow: false, reason: 'grant.grantee-not-member-staff' });
    expect(decideGrant(officer, { role: 'convenor', scope: scopes.collaborative }, practitioner).reason).toBe('grant.grantee-not-member-staff');
    expect(decideGrant(officer, { role: 'member-contact', scope: scopes.collaborative }, practitioner)).toEqual({ allow: true, reason: 'grant.la-officer' });
  });

  it('P19: nobody raises themselves above a role they hold in the scope', () => {
    const officer = granter('la-officer');
    expect(decideGrant(officer, { role: 'headteacher', scope: scopes.school }, officer)).toEqual({ allow: false, reason: 'grant.self-elevation' });
    const head: Actor = { personId: 'p-head', roles: [{ role: 'headteacher', schoolId: SCHOOL }] };
    // The headteacher sits on the governing body: taking a role below their own is no elevation.
    expect(decideGrant(head, { role: 'governor', scope: scopes.school }, head).allow).toBe(true);
    expect(decideGrant(officer, { role: 'la-facilitator', scope: scopes.la }, officer).allow).toBe(true);
    const leader: Actor = { personId: 'p-leader', roles: [{ role: 'senior-leader', schoolId: SCHOOL }] };
    expect(decideGrant(leader, { role: 'headteacher', scope: scopes.school }, leader).allow).toBe(false);
  });

  it('P20: removal follows the grant rule, and anyone may give up their own role', () => {
    expect(decideRevoke(granter('senior-leader'), { role: 'practitioner', scope: scopes.school }, 'p-someone').allow).toBe(true);
    expect(decideRevoke(granter('senior-leader'), { role: 'headteacher', scope: scopes.school }, 'p-someone')).toEqual({ allow: false, reason: 'grant.not-permitted' });
    expect(decideRevoke(granter('convenor'), { role: 'headteacher', scope: scopes.school }, 'p-someone').allow).toBe(false);
    expect(decideRevoke(granter('governor'), { role: 'governor', scope: scopes.school }, 'p-governor-here')).toEqual({ allow: true, reason: 'grant.own-role' });
    expect(decideRevoke(granter('la-officer', 'elsewhere'), { role: 'governor', scope: scopes.school }, 'p-someone').allow).toBe(false);
  });

  it('P16: grantableRoles offers exactly the roles the granter may give in a scope', () => {
    expect(grantableRoles(granter('senior-leader'), scopes.school, allRoles)).toEqual(['practitioner']);
    expect(grantableRoles(granter('convenor'), scopes.school, allRoles)).toEqual([]);
  });

  it('P44: a school\'s access list is seen by its headteacher and an officer of its own LA, by every other role refused', () => {
    const school = { type: 'school', schoolId: SCHOOL, laCode: 674 } as const;
    const allowed = allRoles.flatMap((role) => (['here', 'elsewhere'] as const).filter((where) => decideViewAccess(granter(role, where), school).allow).map((where) => `${role}@${where}`));
    expect(allowed).toEqual(['headteacher@here', 'la-officer@here']);
  });

  it('P45: a collaborative role lapses when its holder is no longer on the staff of a member school', () => {
    const contact: Actor = { personId: 'p-contact', roles: [{ role: 'practitioner', schoolId: MEMBER }, { role: 'member-contact', collaborativeId: 'c1' }] };
    const grant = { role: 'member-contact', scope: scopes.collaborative } as const;
    expect(roleStillFits(grant, contact)).toBe(true);
    const schoolLeft = { ...scopes.collaborative, memberSchoolIds: [SCHOOL] } as GrantScope;
    expect(roleStillFits({ ...grant, scope: schoolLeft }, contact)).toBe(false);
    expect(roleStillFits(grant, { ...contact, roles: [{ role: 'governor', schoolId: MEMBER }] })).toBe(false);
    // School and LA roles stand on their own scope: nothing in a collaborative takes them away.
    expect(roleStillFits({ role: 'governor', scope: scopes.school }, contact)).toBe(true);
  });
});
