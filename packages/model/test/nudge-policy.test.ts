import { describe, expect, it } from 'vitest';
import { allRoles, type RoleAssignment } from '../src/domain/person';
import { decideListenForNudges } from '../src/policy/nudges';

function assignment(role: (typeof allRoles)[number]): RoleAssignment {
  if (role === 'convenor' || role === 'member-contact') return { role, collaborativeId: 'c1' };
  if (role === 'la-facilitator' || role === 'la-officer') return { role, laCode: 674 };
  return { role, schoolId: '6742001' };
}

describe('who listens for change nudges', () => {
  it.each(allRoles)('P119: a %s, signed in, listens', (role) => {
    expect(decideListenForNudges({ personId: `p-${role}`, roles: [assignment(role)] })).toEqual({ allow: true, reason: 'nudges.signed-in' });
  });

  it('P119: a person with no role yet listens (their invitations are on home); nobody signed out does', () => {
    expect(decideListenForNudges({ personId: 'p-new', roles: [] }).allow).toBe(true);
    expect(decideListenForNudges(null)).toEqual({ allow: false, reason: 'nudges.sign-in-required' });
  });
});
