import { describe, expect, it, vi } from 'vitest';
import { ProgressReview, SupportLevelDecision } from '@cydweithio/model/domain/index';
import { academicYearOf, reviewSchedule } from '@cydweithio/model/rules/schoolCalendar';
import { makeCycleApi } from './support/cycle-api';

vi.setConfig({ testTimeout: 30_000 });

type Json = Record<string, unknown>;
type Entry = {
  school: { id: string }; supportLevel: string; schedule: { term: string; halfTerm: number | null; state: string }[];
  plans: { academicYear: number; approved: unknown; published: boolean }[]; reviews: { term: string; confirmed: boolean }[]; summary: { academicYear: number } | null;
};
const body = async (r: Response) => (await r.json()) as Json;

describe('caseload and support', () => {
  it('E15: the facilitator’s caseload lists their schools in number order with support level, due and overdue reviews', async () => {
    const api = await makeCycleApi();
    const response = await api.request('demo-facilitator', '/api/caseload');
    expect(response.status).toBe(200);
    const { schools, today } = (await response.json()) as { schools: Entry[]; today: string };
    const caseload = api.dataset.caseloads[0]?.schoolIds ?? [];
    expect(schools.map((s) => s.school.id)).toEqual([...caseload].sort());
    const primary = schools.find((s) => s.school.id === api.cast.primaryId);
    expect(primary?.plans.map((p) => [p.academicYear, p.approved !== null, p.published])).toEqual([[2026, true, true], [2025, true, true]]);
    expect(primary?.summary?.academicYear).toBe(2026);
    expect(primary?.reviews.every((r) => r.confirmed)).toBe(true);
    // The enhanced school's schedule is in half terms; it matches the model's rule for today.
    const enhanced = schools.find((s) => s.school.id === api.cast.convenorSchoolId);
    expect(enhanced?.supportLevel).toBe('enhanced');
    const expected = reviewSchedule(academicYearOf(today), today, () => 'enhanced', new Set()).map((p) => p.state);
    expect(enhanced?.schedule.map((p) => p.state)).toEqual(expected);
    expect(enhanced?.schedule.every((p) => p.halfTerm !== null)).toBe(true);
  });

  it('E15: the caseload is the facilitator’s and the LA officers’ only', async () => {
    const api = await makeCycleApi();
    expect((await api.request('demo-la-officer', '/api/caseload?facilitatorId=demo-facilitator')).status).toBe(200);
    for (const person of ['demo-headteacher', 'demo-governor', 'demo-convenor']) {
      const refused = await api.request(person, '/api/caseload?facilitatorId=demo-facilitator');
      expect([person, refused.status, (await body(refused))['code']]).toEqual([person, 403, 'cycle.forbidden']);
    }
    expect((await api.request('demo-la-officer', '/api/caseload')).status).toBe(404);
  });

  it('E16: one school’s cycle for those who read its record', async () => {
    const api = await makeCycleApi();
    const path = `/api/schools/${api.cast.secondaryId}/cycle`;
    const cycle = (await body(await api.request('demo-governor-secondary', path))) as unknown as Entry;
    expect(cycle.plans.map((p) => p.academicYear)).toEqual([2025]);
    expect(cycle.reviews.map((r) => [r.term, r.confirmed])).toEqual([['2025-autumn', true], ['2026-spring', true]]);
    expect((await api.request('demo-practitioner-secondary', path)).status).toBe(403);
    expect((await api.request('demo-headteacher', path)).status).toBe(403);
  });

  it('E17: moving between core and enhanced support is a recorded decision with its reason', async () => {
    const api = await makeCycleApi();
    const schoolId = api.cast.secondaryId;
    const decision = { level: 'enhanced', reason: 'Cynnydd cyfyngedig yn y gwanwyn; cytunwyd gyda’r llywodraethwyr.', from: '2026-09-01' };
    for (const person of ['demo-headteacher-secondary', 'demo-governor-secondary']) expect((await api.post(person, `/api/schools/${schoolId}/support-level`, decision)).status).toBe(403);
    expect((await api.post('demo-facilitator', `/api/schools/${schoolId}/support-level`, { ...decision, reason: '' })).status).toBe(400);
    expect((await api.post('demo-la-officer', `/api/schools/${schoolId}/support-level`, decision)).status).toBe(201);
    const state = SupportLevelDecision.parse((await api.records.current(`school:${schoolId}`)).subjects['support-level']);
    expect(state).toMatchObject({ level: 'enhanced', decidedBy: 'demo-la-officer', decidedByName: 'Huw Jenkins', reason: decision.reason });
    const cycle = (await body(await api.request('demo-facilitator', `/api/schools/${schoolId}/cycle`))) as unknown as Entry;
    expect(cycle.supportLevel).toBe('enhanced');
    expect(cycle.schedule.every((p) => p.halfTerm !== null)).toBe(true);
  });

  it('E22: the support level changed from a review names that review; the cycle says who may change it, as P40 does', async () => {
    const api = await makeCycleApi();
    const schoolId = api.cast.primaryId;
    const path = `/api/schools/${schoolId}/cycle`;
    const may = async (person: string) => ((await body(await api.request(person, path))) as { mayChangeLevel?: boolean }).mayChangeLevel;
    // The partner and the LA officer may; the school's leaders and governors read the decision only.
    expect([await may('demo-facilitator'), await may('demo-la-officer'), await may('demo-headteacher'), await may('demo-governor')]).toEqual([true, true, false, false]);
    const reviewDoc = api.docsOf('progress-review', schoolId)[0] ?? '';
    const decision = { level: 'enhanced', reason: 'Cytunwyd yn yr adolygiad: mae angen mwy o gymorth.', from: '2026-11-02' };
    // A review of another school is refused before anything is recorded.
    const other = api.docsOf('progress-review', api.cast.secondaryId)[0] ?? '';
    const wrong = await api.post('demo-facilitator', `/api/schools/${schoolId}/support-level`, { ...decision, reviewDocId: other });
    expect([wrong.status, (await body(wrong))['code']]).toEqual([400, 'request.invalid']);
    expect((await api.post('demo-headteacher', `/api/schools/${schoolId}/support-level`, { ...decision, reviewDocId: reviewDoc })).status).toBe(403);
    expect((await api.post('demo-facilitator', `/api/schools/${schoolId}/support-level`, { ...decision, reviewDocId: reviewDoc })).status).toBe(201);
    const state = SupportLevelDecision.parse((await api.records.current(`school:${schoolId}`)).subjects['support-level']);
    expect(state.atReview).toEqual({ docId: reviewDoc, term: '2025-autumn', halfTerm: null });
    const versions = await api.records.versions(`school:${schoolId}`);
    expect(versions.at(-1)?.label).toBe('Support level: enhanced from 2026-11-02 at the review of 2025-autumn');
  });

  it('E19: the demo’s records hold its agreements and its review drafts are marked agreed', async () => {
    const api = await makeCycleApi();
    const versions = await api.records.versions(`school:${api.cast.primaryId}`);
    expect(versions.map((v) => v.subject)).toEqual(['plan:2025', 'summary:2025', 'review:2025-autumn', 'review:2026-spring', 'review:2026-summer', 'plan:2026', 'summary:2026']);
    const reviewDoc = api.docsOf('progress-review', api.cast.primaryId)[0] ?? '';
    const state = await body(await api.request('demo-headteacher', `/api/reviews/${reviewDoc}/confirmations`));
    expect([state['agreed'], state['gaps']]).toEqual([true, []]);
    const confirmed = ProgressReview.parse((await api.records.current(`school:${api.cast.primaryId}`)).subjects['review:2025-autumn']);
    expect(confirmed.reviewDocId).toBe(reviewDoc);
  });
});
