import { describe, expect, it } from 'vitest';
import type { LaPartnership } from '../src/domain/localAuthority';
import { checkCollaborative, checkStructure, structureContext } from '../src/rules/collaborativeRules';
import { canSeeSupportContinuum } from '../src/rules/continuum';
import { coverage } from '../src/rules/coverage';
import { collaborative, school } from './fixtures';

const schools = [
  school('6744001', 'secondary'),
  school('6745001', 'all-age-3-19', 'welsh-medium'),
  school('6742001', 'primary'),
  school('6742002', 'primary'),
  school('6742003', 'primary', 'welsh-medium'),
  school('6741001', 'nursery'),
  school('6747001', 'special', 'not-applicable'),
  school('6754001', 'secondary'),
  school('6752001', 'primary'),
  school('6814001', 'secondary', 'welsh-medium'),
];
const partnership: LaPartnership = { id: 'p1', kind: 'operational', laCodes: [674, 675], topic: { cy: 'Pontio', en: 'Transition' } };
const ctx = structureContext(schools, [partnership]);
const rules = (c: Parameters<typeof checkCollaborative>[0]) => checkCollaborative(c, ctx).map((v) => v.rule);

describe('structural rules', () => {
  it('M1: a vertical collaborative spans phases (a secondary or all-age school and a primary)', () => {
    expect(rules(collaborative('v', 'vertical', ['6744001', '6742001']))).toEqual([]);
    expect(rules(collaborative('v', 'vertical', ['6745001', '6742003']))).toEqual([]);
    expect(rules(collaborative('v', 'vertical', ['6742001', '6742002']))).toEqual(['M1']);
    expect(rules(collaborative('v', 'vertical', ['6744001', '6741001']))).toEqual(['M1']);
  });

  it('M2: a vertical collaborative stays in one LA unless a partnership holds all its LAs', () => {
    expect(rules(collaborative('v', 'vertical', ['6744001', '6752001']))).toEqual([]);
    expect(rules(collaborative('v', 'vertical', ['6814001', '6742001']))).toEqual(['M2']);
    expect(rules(collaborative('v', 'vertical', ['6744001', '6752001'], { partnershipId: 'other' }))).toEqual(['M2']);
  });

  it('M3: a school is not a member twice', () => {
    const violations = checkCollaborative(collaborative('v', 'vertical', ['6744001', '6742001', '6742001']), ctx);
    expect(violations.map((v) => [v.rule, v.schoolId])).toEqual([['M3', '6742001']]);
    expect(violations[0]?.message.cy).toContain('ddwywaith');
  });

  it('M4: a horizontal collaborative is same-phase; all-age sits with secondary, nursery with primary', () => {
    expect(rules(collaborative('h', 'horizontal', ['6744001', '6745001']))).toEqual([]);
    expect(rules(collaborative('h', 'horizontal', ['6742001', '6741001']))).toEqual([]);
    expect(rules(collaborative('h', 'horizontal', ['6744001', '6742001']))).toEqual(['M4']);
    expect(rules(collaborative('h', 'horizontal', ['6747001', '6742001']))).toEqual(['M4']);
  });

  it('M5: a cross-LA horizontal states its sector focus or rests on a partnership', () => {
    expect(rules(collaborative('h', 'horizontal', ['6745001', '6814001']))).toEqual(['M5']);
    expect(rules(collaborative('h', 'horizontal', ['6745001', '6814001'], { sectorFocus: 'welsh-medium' }))).toEqual([]);
    expect(rules(collaborative('h', 'horizontal', ['6744001', '6754001']))).toEqual([]);
    expect(rules(collaborative('h', 'horizontal', ['6744001', '6754001'], { partnershipId: 'p1' }))).toEqual([]);
  });

  it('M6: every member school is in the directory', () => {
    const violations = checkCollaborative(collaborative('v', 'vertical', ['6744001', '6742001', '6749999']), ctx);
    expect(violations.map((v) => [v.rule, v.schoolId])).toEqual([['M6', '6749999']]);
  });

  it('M7: coverage lists the LA schools missing a vertical or a horizontal collaborative, by number', () => {
    const collaboratives = [
      collaborative('v', 'vertical', ['6744001', '6742001', '6742002']),
      collaborative('h', 'horizontal', ['6742001', '6742003']),
    ];
    expect(checkStructure(collaboratives, ctx)).toEqual([]);
    const gaps = coverage(674, schools, collaboratives);
    expect(gaps).toEqual([
      { schoolId: '6741001', missing: ['vertical', 'horizontal'] },
      { schoolId: '6742002', missing: ['horizontal'] },
      { schoolId: '6742003', missing: ['vertical'] },
      { schoolId: '6744001', missing: ['horizontal'] },
      { schoolId: '6745001', missing: ['vertical', 'horizontal'] },
      { schoolId: '6747001', missing: ['vertical', 'horizontal'] },
    ]);
    // Never a ranking: the entries carry nothing but the school and the missing kinds.
    for (const gap of gaps) expect(Object.keys(gap).sort()).toEqual(['missing', 'schoolId']);
    expect(coverage(675, schools, collaboratives).map((g) => g.schoolId)).toEqual(['6752001', '6754001']);
  });

  it('M8: only LA officers see the support continuum, and only for their own LA', () => {
    expect(canSeeSupportContinuum([{ role: 'la-officer', laCode: 674 }])).toBe(true);
    expect(canSeeSupportContinuum([{ role: 'la-officer', laCode: 674 }], 674)).toBe(true);
    expect(canSeeSupportContinuum([{ role: 'la-facilitator', laCode: 674 }], 674)).toBe(false);
    expect(canSeeSupportContinuum([{ role: 'la-officer', laCode: 674 }], 681)).toBe(false);
    for (const role of ['headteacher', 'senior-leader', 'practitioner', 'governor'] as const) {
      expect(canSeeSupportContinuum([{ role, schoolId: '6742001' }])).toBe(false);
    }
    expect(canSeeSupportContinuum([{ role: 'convenor', collaborativeId: 'v' }])).toBe(false);
    expect(canSeeSupportContinuum([])).toBe(false);
  });
});
