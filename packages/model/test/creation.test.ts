import { describe, expect, it } from 'vitest';
import { creatableSchoolKinds } from '../src/policy/creation';
import type { RoleAssignment } from '../src/domain/person';
import { school } from './fixtures';

const primary = school('674-2001', 'primary');
const other = school('674-2002', 'primary');
const actor = (...roles: RoleAssignment[]) => ({ personId: 'p', roles });

describe('P30 who is offered which new document', () => {
  it('P30: each role at the school is offered exactly the kinds it would own', () => {
    const table: [RoleAssignment[], string[]][] = [
      [[{ role: 'headteacher', schoolId: primary.id }], ['self-evaluation', 'peer-review', 'development-plan']],
      [[{ role: 'senior-leader', schoolId: primary.id }], ['self-evaluation']],
      [[{ role: 'practitioner', schoolId: primary.id }], []],
      [[{ role: 'governor', schoolId: primary.id }], []],
      [[{ role: 'headteacher', schoolId: other.id }], []],
      [[{ role: 'la-facilitator', laCode: primary.laCode }], []],
      [[{ role: 'la-officer', laCode: primary.laCode }], []],
      [[{ role: 'convenor', collaborativeId: 'c1' }], []],
      [[{ role: 'governor', schoolId: primary.id }, { role: 'senior-leader', schoolId: primary.id }], ['self-evaluation']],
    ];
    for (const [roles, kinds] of table) expect(creatableSchoolKinds(actor(...roles), primary), JSON.stringify(roles)).toEqual(kinds);
  });
});
