import { describe, expect, it, vi } from 'vitest';
import { developmentPlan, developmentPlanToJson, progressReview } from '@cydweithio/model/docs/index';
import { ApprovedPlan, ProgressReview } from '@cydweithio/model/domain/index';
import { parseSubject } from '@cydweithio/model/domain/recordSubjects';
import { MemoryRecordStore } from '../src/records/record-store';
import { RecordService } from '../src/records/record-service';
import { makeCycleApi } from './support/cycle-api';

vi.setConfig({ testTimeout: 30_000 });

type Json = Record<string, unknown>;
type Version = { hash: string; subject: string; label: string; by: string; byName: string | null };
const body = async (r: Response) => (await r.json()) as Json;

async function primaryHistory() {
  const api = await makeCycleApi();
  const key = `school:${api.cast.primaryId}`;
  const versions = (await body(await api.request('demo-headteacher', `/api/records/${key}/versions`)))['versions'] as Version[];
  const of = (subject: string) => versions.find((v) => v.subject === subject)?.hash ?? '';
  return { api, key, versions, of };
}

describe('version history of the cycle', () => {
  it('K10: the cycle’s subjects are the plan’s approval, the summary, each review and the support level', async () => {
    const { versions } = await primaryHistory();
    expect(versions.map((v) => parseSubject(v.subject).type)).toEqual(['plan', 'summary', 'review', 'review', 'review', 'plan', 'summary']);
  });

  it('K15: the timeline says who, when and what, by name', async () => {
    const { versions } = await primaryHistory();
    expect(versions[0]).toMatchObject({ subject: 'plan:2025', by: 'demo-governor', byName: 'Margaret Thomas', label: 'Governing body approval, meeting 2025-10-15' });
    expect(versions[2]).toMatchObject({ subject: 'review:2025-autumn', byName: 'Elin Davies' });
  });

  it('K11: one subject as it stood at any version, for everyone who reads the record', async () => {
    const { api, key, of } = await primaryHistory();
    const path = `/api/records/${key}/subjects/review:2025-autumn?at=${of('review:2025-autumn')}`;
    for (const person of ['demo-governor', 'demo-la-officer', 'demo-facilitator']) {
      const state = ProgressReview.parse((await body(await api.request(person, path)))['state']);
      expect([person, state.priorities.map((p) => p.judgement)]).toEqual([person, ['satisfactory', 'strong']]);
    }
    expect((await api.request('demo-practitioner', path)).status).toBe(403);
    // Before the subject was agreed it has no state; an unknown hash is 404.
    expect((await body(await api.request('demo-governor', `/api/records/${key}/subjects/review:2025-autumn?at=${of('plan:2025')}`)))['state']).toBeNull();
    expect((await api.request('demo-governor', `/api/records/${key}/subjects/plan:2025?at=${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('K12: two versions side by side: autumn against spring', async () => {
    const { api, key, of } = await primaryHistory();
    const compare = await body(await api.request('demo-la-officer', `/api/records/${key}/subjects/review:2026-spring/compare?from=${of('review:2025-autumn')}&to=${of('review:2026-spring')}`));
    expect((compare['from'] as { state: unknown }).state).toBeNull();
    const spring = ProgressReview.parse((compare['to'] as { state: unknown }).state);
    expect(spring.priorities[0]?.judgement).toBe('strong');
    const plans = await body(await api.request('demo-governor', `/api/records/${key}/subjects/plan:2025/compare?from=${of('plan:2025')}&to=${of('plan:2026')}`));
    expect(ApprovedPlan.parse((plans['to'] as { state: unknown }).state).plan.academicYear).toBe(2025);
  });

  it('K13: one priority review by review, for one school only', async () => {
    const { api, key } = await primaryHistory();
    const points = (await body(await api.request('demo-governor', `/api/records/${key}/priorities/pri-oracy`)))['points'] as { term: string; status: string; judgement: string }[];
    expect(points.map((p) => [p.term, p.status, p.judgement])).toEqual([
      ['2025-autumn', 'on-track', 'satisfactory'], ['2026-spring', 'on-track', 'strong'], ['2026-summer', 'on-track', 'strong'],
    ]);
    const cluster = `collaborative:${api.dataset.cast.clusterId}`;
    expect((await api.request('demo-convenor', `/api/records/${cluster}/priorities/pri-oracy`)).status).toBe(400);
  });

  it('K14: restore as a new draft writes the agreed version into the live document, for those who may edit it', async () => {
    const { api, key, of } = await primaryHistory();
    const [plan2025] = api.docsOf('development-plan', api.cast.primaryId);
    const doc = await api.getDoc(plan2025 ?? '');
    developmentPlan(doc).priority('pri-oracy').text('title').insert(0, 'Newid: ');
    const restore = (person: string, subject: string, docId = plan2025) =>
      api.post(person, `/api/records/${key}/restore`, { subject, at: of(subject), docId });
    expect((await restore('demo-governor', 'plan:2025')).status).toBe(403);
    expect((await restore('demo-headteacher', 'plan:2025')).status).toBe(200);
    const approved = ApprovedPlan.parse((await api.records.current(key)).subjects['plan:2025']);
    expect(developmentPlanToJson(doc)).toEqual(approved.plan);
    // A review restores into its review draft, keeping the working notes; a mismatch is refused.
    const [autumnDoc] = api.docsOf('progress-review', api.cast.primaryId);
    progressReview(await api.getDoc(autumnDoc ?? '')).setJudgement('pri-oracy', 'limited');
    expect((await restore('demo-facilitator', 'review:2025-autumn', autumnDoc)).status).toBe(200);
    expect(progressReview(await api.getDoc(autumnDoc ?? '')).priority('pri-oracy').judgement).toBe('satisfactory');
    expect((await body(await restore('demo-headteacher', 'review:2025-autumn', plan2025)))['code']).toBe('record.not-restorable');
  });

  it('K16: a loaded record is reused until the store’s revision moves, from any writer', async () => {
    const store = new MemoryRecordStore();
    const a = new RecordService(store);
    const b = new RecordService(store);
    await a.agree('school:6740001', 'plan:2026', { v: 1 }, { by: 'x', label: 'one', at: 1 });
    expect((await b.current('school:6740001')).subjects['plan:2026']).toEqual({ v: 1 });
    await a.agree('school:6740001', 'plan:2026', { v: 2 }, { by: 'x', label: 'two', at: 2 });
    expect((await b.current('school:6740001')).subjects['plan:2026']).toEqual({ v: 2 });
    expect(await b.versions('school:6740001')).toHaveLength(2);
  });
});
