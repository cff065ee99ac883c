import { describe, expect, it } from 'vitest';
import { buildDemoDataset } from '../src/demo/dataset';
import { overviewBlocks } from '../src/docs/overviewBlocks';
import { BrokeredSupport, defaultContinuumAreas, defaultMinimumDays, LaSettings } from '../src/domain/laPicture';
import { ApprovedPlan } from '../src/domain/plan';
import { allDomainSchemas } from '../src/domain/schemas';
import { settings } from '../src/domain/school';
import { findLearnerDataKeys } from '../src/rules/noLearnerData';
import { digestCollaborative, digestSchool, facilitatorDays, schoolDigestFor, schoolRecordDigest } from '../src/rules/agreedDigest';
import { coverageState, filterCoverage } from '../src/rules/coverageFilter';
import { buildOverview, MATCHES_PER_NEED, type ItemRef, type OverviewSchool } from '../src/rules/laOverview';
import { readData } from './fixtures';

const demo = buildDemoDataset({
  lasCsv: readData('wales-local-authorities.csv'),
  schoolsEnCsv: readData('wg-schools-maintained-2022-06.en.csv'),
  schoolsCyCsv: readData('wg-schools-maintained-2022-06.cy.csv'),
  schools2026Json: readData('welsh-schools-2026-04.json'),
});

/** Each demo school's subjects, as its record's current state would hold them (newest wins). */
function subjectsOf(schoolId: string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const a of [...demo.agreements, ...demo.laPicture.agreements]) if (a.ownerKey === `school:${schoolId}`) out[a.subject] = a.state;
  return out;
}

const pictured = [...new Set(demo.laPicture.agreements.map((a) => a.ownerKey.slice('school:'.length)))];
const digests = new Map(pictured.map((id) => [id, digestSchool(id, subjectsOf(id), 2026, '2026-12-01')]));
const schools: OverviewSchool[] = demo.schools.filter((s) => s.laCode === demo.cast.laCode);

describe('the LA picture’s model', () => {
  it('M26: the LA picture’s schemas are walked by M9 and hold no learner-level key', () => {
    for (const name of ['ThemeTag', 'ItemThemes', 'MinimumDays', 'ContinuumArea', 'LaSettings', 'BrokeredSupport', 'ContinuumEntry']) {
      const schema = allDomainSchemas[name];
      if (!schema) throw new Error(`${name} is not walked`);
      expect([name, findLearnerDataKeys(schema)]).toEqual([name, []]);
    }
  });

  it('M27: the minimum days are the 2021 regional model’s by default, for every setting, and count LA-source support', () => {
    expect(Object.keys(defaultMinimumDays).sort()).toEqual([...settings].sort());
    expect([defaultMinimumDays.primary, defaultMinimumDays.nursery, defaultMinimumDays.special, defaultMinimumDays.pru, defaultMinimumDays.secondary, defaultMinimumDays['all-age-3-16'], defaultMinimumDays['all-age-3-19']])
      .toEqual([7, 7, 10, 10, 10, 16, 16]);
    const days = facilitatorDays({ support: [
      { origin: 'plan', subject: 'plan:2026', priorityId: 'p', source: 'la', provider: 'x', description: '', daysPlanned: 3, daysUsed: null, impact: '' },
      { origin: 'plan', subject: 'plan:2026', priorityId: 'p', source: 'school', provider: 'x', description: '', daysPlanned: 5, daysUsed: null, impact: '' },
      { origin: 'review', subject: 'review:2026-autumn', priorityId: 'p', source: 'la', provider: 'x', description: '', daysPlanned: 2, daysUsed: null, impact: '', change: 'added' },
      { origin: 'review', subject: 'review:2026-autumn', priorityId: 'p', source: 'la', provider: 'x', description: '', daysPlanned: 9, daysUsed: null, impact: '', change: 'changed' },
      { origin: 'brokered', subject: 'brokered:b', priorityId: 'p', source: 'la', provider: 'x', description: '', daysPlanned: 4, daysUsed: 1, impact: '' },
    ] });
    expect(days).toEqual({ planned: 9, used: 1 });
  });

  it('M28: brokered support serves one priority, with days between 0 and 365', () => {
    const base = {
      id: 'b1', schoolId: '6742001', priorityId: 'pri-1', area: 'curriculum', source: 'school', providerSchoolId: '6742002', provider: 'Ysgol', description: 'Ymweliad',
      daysPlanned: 2, daysUsed: 0, impact: '', matchedFrom: '', recordedBy: 'p', recordedByName: 'P',
    };
    expect(BrokeredSupport.safeParse(base).success).toBe(true);
    expect(BrokeredSupport.safeParse({ ...base, daysPlanned: -1 }).success).toBe(false);
    expect(BrokeredSupport.safeParse({ ...base, daysUsed: 400 }).success).toBe(false);
    expect(BrokeredSupport.safeParse({ ...base, priorityId: '' }).success).toBe(false);
  });

  it('M29: the continuum’s areas of focus are the LA’s, four by default, each with its own id', () => {
    expect(defaultContinuumAreas.map((a) => a.id)).toEqual(['leadership-capacity', 'curriculum-design', 'learning-culture', 'behaviour']);
    expect(LaSettings.safeParse({ laCode: 674, minimumDays: defaultMinimumDays, continuumAreas: [] }).success).toBe(false);
  });

  it('M30: a school’s digest is its plan in force, strengths, needs and support lines, each naming its subject; next year’s plan is not this year’s', () => {
    const id = pictured[0] ?? '';
    const digest = digests.get(id);
    expect(digest?.academicYear).toBe(2026);
    expect(digest?.priorities.length).toBe(3);
    expect(digest?.strengths.length).toBe(1);
    expect(digest?.needs.length).toBe(1);
    expect([...(digest?.priorities ?? []), ...(digest?.strengths ?? [])].every((p) => p.subject === 'plan:2026')).toBe(true);
    expect(digest?.support.some((l) => l.origin === 'brokered')).toBe(true);
    expect(digestSchool(id, subjectsOf(id), 2025, '2025-12-01').academicYear).toBeNull();
    // The demo primary's 2025 reviews are of last year's plan: none of their lines is this year's.
    const primary = digestSchool(demo.cast.primaryId, subjectsOf(demo.cast.primaryId), 2026, '2026-12-01');
    expect(primary.support.filter((l) => l.origin === 'review')).toEqual([]);
  });

  it('M31: a collaborative’s digest keeps only agreed or completed shared priorities', () => {
    const d = digestCollaborative('c', { 'shared-priorities': { priorities: [
      { id: 'a', area: 'curriculum', title: 'A', status: 'agreed' }, { id: 'b', area: 'curriculum', title: 'B', status: 'proposed' },
      { id: 'c', area: 'well-being', title: 'C', status: 'completed' }, { id: 'd', area: 'nowhere', title: 'D', status: 'agreed' },
    ] } });
    expect(d.priorities.map((p) => p.itemId)).toEqual(['a', 'c']);
    // Once priorities are agreed one by one into the record (G1), those are what count.
    const each = digestCollaborative('c', {
      'priority:p2': { priorityId: 'p2', title: 'P2', area: 'well-being', successCriteria: '', meetingId: 'm', meetingDate: '2026-10-14' },
      'priority:p1': { priorityId: 'p1', title: 'P1', area: 'curriculum', successCriteria: '', meetingId: 'm', meetingDate: '2026-10-14' },
      'impact:2026-h1:p1': { priorityId: 'p1' },
    });
    expect(each.priorities.map((p) => [p.itemId, p.subject])).toEqual([['p1', 'priority:p1'], ['p2', 'priority:p2']]);
  });

  it('M32: the overview groups by tag and area in fixed orders, and matches a need with the nearest other schools’ strengths', () => {
    const o = buildOverview({
      scope: { type: 'la', laCode: demo.cast.laCode }, schools, offeringSchools: schools, collaboratives: [],
      schoolDigests: digests, collaborativeDigests: new Map(), tags: demo.laPicture.tags,
      itemThemes: [...demo.laPicture.itemThemes, { ownerKey: `school:${pictured[0] ?? ''}`, itemId: 'pri-2', tagIds: ['not-a-tag'] }],
    });
    expect(o.themes.map((t) => t.tagId)).toEqual([...demo.laPicture.tags].sort((a, b) => a.label.en.localeCompare(b.label.en)).map((t) => t.id));
    expect(o.areas.map((a) => a.area)).toEqual(['vision-and-leadership', 'curriculum', 'learning-and-teaching', 'well-being']);
    expect(JSON.stringify(o)).not.toContain('not-a-tag');
    for (const g of o.areas) {
      const byNeed = new Map<string, typeof g.matches>();
      for (const m of g.matches) byNeed.set(`${m.need.ownerId}#${m.need.itemId}`, [...(byNeed.get(`${m.need.ownerId}#${m.need.itemId}`) ?? []), m]);
      for (const list of byNeed.values()) {
        expect(list.length).toBeLessThanOrEqual(MATCHES_PER_NEED);
        expect(list.every((m) => m.offer.area === g.area && m.offer.ownerId !== m.need.ownerId)).toBe(true);
        const km = list.map((m) => m.distanceKm ?? Infinity);
        expect(km).toEqual([...km].sort((a, b) => a - b));
      }
    }
    expect(o.areas.some((g) => g.matches.some((m) => m.brokered))).toBe(true);
    expect(o.withoutApprovedPlan.length).toBeGreaterThan(0);
  });

  it('O34: a record’s digest, kept as JSON, gives every day’s and year’s picture the record itself gives', () => {
    for (const id of pictured) {
      const kept = JSON.parse(JSON.stringify(schoolRecordDigest(subjectsOf(id)))) as ReturnType<typeof schoolRecordDigest>;
      for (const [year, today] of [[2025, '2025-12-01'], [2026, '2026-09-01'], [2026, '2027-06-30'], [2027, '2027-12-01']] as const) {
        expect(schoolDigestFor(id, kept, year, today)).toEqual(digestSchool(id, subjectsOf(id), year, today));
      }
    }
    // A record whose support level starts later is core until that day, from the same digest.
    const level = { 'support-level': { level: 'enhanced', from: '2026-12-10', decidedBy: 'la', decidedByName: 'LA', reason: 'r' } };
    const digest = schoolRecordDigest(level);
    expect([schoolDigestFor('x', digest, 2026, '2026-12-09').supportLevel, schoolDigestFor('x', digest, 2026, '2026-12-10').supportLevel]).toEqual(['core', 'enhanced']);
  });

  it('O36: one pass per need keeps exactly the matches sorting every candidate would (O7)', () => {
    const o = buildOverview({
      scope: { type: 'la', laCode: demo.cast.laCode }, schools, offeringSchools: schools, collaboratives: [],
      schoolDigests: digests, collaborativeDigests: new Map(), tags: demo.laPicture.tags, itemThemes: demo.laPicture.itemThemes,
    });
    const place = new Map(schools.map((s) => [s.id, s]));
    const km = (a: string, b: string): number | null => {
      const p = place.get(a);
      const q = place.get(b);
      if (p?.lat === undefined || p.lng === undefined || q?.lat === undefined || q.lng === undefined) return null;
      const rad = Math.PI / 180;
      const h = Math.sin(((q.lat - p.lat) * rad) / 2) ** 2 + Math.cos(p.lat * rad) * Math.cos(q.lat * rad) * Math.sin(((q.lng - p.lng) * rad) / 2) ** 2;
      return Math.round(2 * 6371 * Math.asin(Math.sqrt(h)) * 10) / 10;
    };
    // O7 as written: every other school's fitting strength, nearest first, then by number and item; one per school; three.
    const reference = (need: ItemRef, offers: ItemRef[]) => {
      const sorted = offers.filter((x) => x.ownerId !== need.ownerId)
        .sort((a, b) => (km(need.ownerId, a.ownerId) ?? Infinity) - (km(need.ownerId, b.ownerId) ?? Infinity) || (a.ownerId < b.ownerId ? -1 : a.ownerId > b.ownerId ? 1 : 0) || (a.itemId < b.itemId ? -1 : 1));
      const seen = new Set<string>();
      return sorted.filter((x) => !seen.has(x.ownerId) && seen.add(x.ownerId)).slice(0, MATCHES_PER_NEED).map((x) => `${x.ownerId}#${x.itemId}`);
    };
    const strengths = [...o.areas.flatMap((g) => g.strengths)];
    let needs = 0;
    for (const g of o.areas) {
      for (const need of g.needs) {
        needs++;
        const got = g.matches.filter((m) => m.need === need).map((m) => `${m.offer.ownerId}#${m.offer.itemId}`);
        expect(got).toEqual(reference(need, strengths.filter((x) => x.area === g.area)));
      }
    }
    for (const g of o.themes) {
      for (const need of g.needs) {
        const got = g.matches.filter((m) => m.need === need).map((m) => `${m.offer.ownerId}#${m.offer.itemId}`);
        expect(got).toEqual(reference(need, strengths.filter((x) => x.tagIds.includes(g.tagId))));
      }
    }
    expect(needs).toBeGreaterThan(10);
  });

  it('O37: a partnership whose LAs keep tags with the same id shows that theme once, under the first label', () => {
    const other = demo.laPicture.tags.map((t) => ({ ...t, laCode: demo.cast.laCode + 1, label: { cy: `${t.label.cy} (2)`, en: `${t.label.en} (2)` } }));
    const o = buildOverview({
      scope: { type: 'partnership', id: 'p', laCodes: [demo.cast.laCode, demo.cast.laCode + 1] }, schools, offeringSchools: schools, collaboratives: [],
      schoolDigests: digests, collaborativeDigests: new Map(), tags: [...other, ...demo.laPicture.tags], itemThemes: demo.laPicture.itemThemes,
    });
    expect(o.tags).toHaveLength(demo.laPicture.tags.length * 2);
    expect(o.themes.map((t) => t.tagId)).toEqual([...demo.laPicture.tags].sort((a, b) => a.label.en.localeCompare(b.label.en)).map((t) => t.id));
    expect(o.themes.every((t) => t.priorities.length > 0)).toBe(true);
  });

  it('M33: coverage filters keep school-number order, and the map colours by coverage alone', () => {
    const list = [
      { id: '6742003', setting: 'primary', languageCategory: 'welsh-medium', clusterIds: ['c1'], inVertical: true, inHorizontal: false },
      { id: '6742001', setting: 'primary', languageCategory: 'english-medium', clusterIds: [], inVertical: false, inHorizontal: false },
      { id: '6744001', setting: 'secondary', languageCategory: 'welsh-medium', clusterIds: ['c1'], inVertical: true, inHorizontal: true },
    ] as const;
    expect(filterCoverage(list, {}).map((s) => s.id)).toEqual(['6742001', '6742003', '6744001']);
    expect(filterCoverage(list, { language: 'welsh-medium' }).map((s) => s.id)).toEqual(['6742003', '6744001']);
    expect(filterCoverage(list, { setting: 'primary', gapsOnly: true }).map((s) => s.id)).toEqual(['6742001', '6742003']);
    expect(filterCoverage(list, { clusterId: 'c1', gapsOnly: true }).map((s) => s.id)).toEqual(['6742003']);
    expect(list.map(coverageState)).toEqual(['vertical-only', 'neither', 'both']);
  });

  it('M34: the narrative is in the language asked and carries no support level, flag or continuum', () => {
    const o = buildOverview({
      scope: { type: 'la', laCode: demo.cast.laCode }, schools, offeringSchools: schools, collaboratives: [],
      schoolDigests: digests, collaborativeDigests: new Map(), tags: demo.laPicture.tags, itemThemes: demo.laPicture.itemThemes,
    });
    const name = { cy: 'Rhondda Cynon Taf', en: 'Rhondda Cynon Taf' };
    const cy = JSON.stringify(overviewBlocks(o, name, { total: 3, gaps: [] }, 'cy', '2026-12-01'));
    const en = JSON.stringify(overviewBlocks(o, name, { total: 3, gaps: [] }, 'en', '2026-12-01'));
    expect(cy).toContain('Darlun gwella lleol');
    expect(en).toContain('Local improvement picture');
    for (const text of [cy, en]) for (const word of ['enhanced', 'needs-intensive-support', 'minimum', 'continuum', 'continwwm']) expect([word, text.toLowerCase().includes(word)]).toEqual([word, false]);
  });

  it('M35: the LA picture’s demo is valid, its tags are the LA’s, and its brokered match serves a planned priority', () => {
    const tagIds = new Set(demo.laPicture.tags.map((t) => t.id));
    for (const t of demo.laPicture.itemThemes) for (const id of t.tagIds) expect(tagIds.has(id)).toBe(true);
    for (const a of demo.laPicture.agreements) {
      const schema = a.subject.startsWith('brokered:') ? BrokeredSupport : ApprovedPlan;
      expect([a.subject, schema.safeParse(a.state).success]).toEqual([a.subject, true]);
    }
    const brokered = BrokeredSupport.parse(demo.laPicture.agreements.find((a) => a.subject.startsWith('brokered:'))?.state);
    expect(digests.get(brokered.schoolId)?.priorities.some((p) => p.itemId === brokered.priorityId && p.area === brokered.area)).toBe(true);
    expect(digests.get(brokered.providerSchoolId)?.strengths.length).toBe(1);
    expect(pictured.length).toBe(40);
    expect(pictured).not.toContain(demo.cast.primaryId);
  });
});
