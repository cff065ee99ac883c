import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../src/demo/dataset';
import { digestSchool } from '../src/rules/agreedDigest';
import { buildOverview, type OverviewSchool } from '../src/rules/laOverview';
import { packOverview, unpackOverview } from '../src/rules/laOverviewAnswer';
import { readData } from './fixtures';

const demo = buildDemoDataset({
  lasCsv: readData('wales-local-authorities.csv'),
  schoolsEnCsv: readData('wg-schools-maintained-2022-06.en.csv'),
  schoolsCyCsv: readData('wg-schools-maintained-2022-06.cy.csv'),
  schools2026Json: readData('welsh-schools-2026-04.json'),
});

function subjectsOf(schoolId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of [...demo.agreements, ...demo.laPicture.agreements]) if (a.ownerKey === `school:${schoolId}`) out[a.subject] = a.state;
  return out;
}

const pictured = [...new Set(demo.laPicture.agreements.map((a) => a.ownerKey.slice('school:'.length)))];
const digests = new Map(pictured.map((id) => [id, digestSchool(id, subjectsOf(id), 2026, '2026-12-01')]));
const schools: OverviewSchool[] = demo.schools.filter((s) => s.laCode === demo.cast.laCode);
const overview = buildOverview({
  scope: { type: 'la', laCode: demo.cast.laCode }, schools, offeringSchools: schools, collaboratives: [],
  schoolDigests: digests, collaborativeDigests: new Map(), tags: demo.laPicture.tags, itemThemes: demo.laPicture.itemThemes,
});

describe('the overview as it is sent', () => {
  it('O44: every item is sent once and the groups name it; read back, the overview is the same in every list and order', () => {
    const answer = packOverview(overview);
    expect(unpackOverview(answer)).toEqual(overview);
    const groups = [...answer.areas, ...answer.themes];
    const named = groups.flatMap((g) => [...g.priorities, ...g.strengths, ...g.needs, ...g.matches.flatMap((m) => [m.need, m.offer])]);
    // Every key named is carried, every item carried is named, and items do repeat across groups.
    expect(named.every((k) => k in answer.items)).toBe(true);
    expect(new Set(named)).toEqual(new Set(Object.keys(answer.items)));
    expect(named.length).toBeGreaterThan(Object.keys(answer.items).length);
    expect(JSON.stringify(answer).length).toBeLessThan(JSON.stringify(overview).length);
    // Each key says what kind of item it is, so a priority and a finding sharing an id stay two items.
    expect(Object.keys(answer.items).every((k) => /^[psn]:(school|collaborative):[^#]+#.+$/.test(k))).toBe(true);
  });
});
