import { describe, expect, it, vi } from 'vitest';
import { progressReview } from '@cydweithio/model/docs/index';
import { ProgressReview } from '@cydweithio/model/domain/index';
import { makeCycleApi } from './support/cycle-api';

vi.setConfig({ testTimeout: 30_000 });

type Json = Record<string, unknown>;
const body = async (r: Response) => (await r.json()) as Json;

/** The demo primary's plan for this year is approved: the partner starts the autumn review. */
async function withAutumnReview() {
  const api = await makeCycleApi();
  const schoolId = api.cast.primaryId;
  const created = await api.post('demo-facilitator', '/api/reviews', { schoolId, term: '2026-autumn' });
  expect(created.status).toBe(201);
  const id = (await body(created))['id'] as string;
  const doc = await api.getDoc(id);
  return { api, schoolId, id, doc };
}

function complete(doc: Parameters<typeof progressReview>[0]) {
  const r = progressReview(doc);
  for (const p of r.priorities()) {
    r.setStatus(p.priorityId, 'on-track');
    r.setJudgement(p.priorityId, 'strong');
  }
  r.setOverallStatus('on-track');
  r.overallNotes().insert(0, 'Nodiadau gwaith: sgwrs gyda’r pennaeth');
  return r;
}

describe('the termly progress review', () => {
  it('E11: the school’s partner starts a review from the approved plan’s priorities, one per period', async () => {
    const { api, schoolId, doc } = await withAutumnReview();
    expect(progressReview(doc).priorities().map((p) => p.priorityId)).toEqual(['pri-oracy', 'pri-feedback', 'pri-families']);
    expect((await body(await api.post('demo-facilitator', '/api/reviews', { schoolId, term: '2026-autumn' })))['code']).toBe('review.exists');
    for (const person of ['demo-headteacher', 'demo-governor', 'demo-la-officer']) expect([person, (await api.post(person, '/api/reviews', { schoolId, term: '2027-spring' })).status]).toEqual([person, 403]);
    // Core support is termly; the secondary has no approved plan for this year.
    expect((await api.post('demo-facilitator', '/api/reviews', { schoolId, term: '2027-spring', halfTerm: 1 })).status).toBe(400);
    expect((await body(await api.post('demo-facilitator', '/api/reviews', { schoolId: api.cast.secondaryId, term: '2026-autumn' })))['code']).toBe('review.no-plan');
  });

  it('E11: enhanced support is reviewed half-termly', async () => {
    const api = await makeCycleApi();
    const schoolId = api.cast.primaryId;
    expect((await api.post('demo-facilitator', `/api/schools/${schoolId}/support-level`, { level: 'enhanced', reason: 'Angen cymorth ychwanegol', from: '2026-09-01' })).status).toBe(201);
    expect((await api.post('demo-facilitator', '/api/reviews', { schoolId, term: '2026-autumn' })).status).toBe(400);
    const half = await api.post('demo-facilitator', '/api/reviews', { schoolId, term: '2026-autumn', halfTerm: 2 });
    expect([half.status, (await body(half))['supportLevel']]).toEqual([201, 'enhanced']);
  });

  it('E12: governors and LA officers never see the draft; the partner and the school’s leaders do', async () => {
    const { api, id } = await withAutumnReview();
    const listed = async (person: string) => ((await body(await api.request(person, '/api/documents')))['documents'] as { id: string }[]).some((d) => d.id === id);
    expect([await listed('demo-facilitator'), await listed('demo-headteacher'), await listed('demo-senior-leader')]).toEqual([true, true, true]);
    expect([await listed('demo-governor'), await listed('demo-la-officer'), await listed('demo-practitioner')]).toEqual([false, false, false]);
    const refused = await api.request('demo-governor', `/api/reviews/${id}/confirmations`);
    expect([refused.status, (await body(refused))['detail']]).toEqual([403, 'progress-review.confirmed-only']);
  });

  it('E23: a draft refused to a governor or an LA reader names the school’s record; anyone else is told nothing more', async () => {
    const { api, id } = await withAutumnReview();
    for (const person of ['demo-governor', 'demo-la-officer']) {
      const refused = await body(await api.request(person, `/api/documents/${encodeURIComponent(id)}`));
      expect([person, refused['code'], refused['detail'], refused['record']]).toEqual([person, 'document.forbidden', 'progress-review.confirmed-only', `school:${api.cast.primaryId}`]);
    }
    for (const person of ['demo-practitioner', 'demo-headteacher-secondary']) {
      const refused = await body(await api.request(person, `/api/documents/${encodeURIComponent(id)}`));
      expect([person, refused['code'], refused['record']]).toEqual([person, 'document.forbidden', undefined]);
    }
  });

  it('E13: a confirmation stands on the content it was made on; an edit makes it stale', async () => {
    const { api, id, doc } = await withAutumnReview();
    const incomplete = await body(await api.request('demo-headteacher', `/api/reviews/${id}/confirmations`));
    expect(incomplete['gaps']).toContain('overall.status');
    expect((await body(await api.post('demo-facilitator', `/api/reviews/${id}/confirm`)))['code']).toBe('review.incomplete');
    const r = complete(doc);
    const first = await body(await api.post('demo-facilitator', `/api/reviews/${id}/confirm`));
    expect(first['confirmations']).toEqual([expect.objectContaining({ side: 'facilitator', personId: 'demo-facilitator', name: 'Catrin Lewis', current: true })]);
    r.setJudgement('pri-oracy', 'satisfactory');
    const after = await body(await api.request('demo-headteacher', `/api/reviews/${id}/confirmations`));
    expect((after['confirmations'] as { current: boolean }[])[0]?.current).toBe(false);
    // Working notes are not part of what is confirmed: writing them keeps a confirmation current.
    await api.post('demo-facilitator', `/api/reviews/${id}/confirm`);
    r.priority('pri-oracy').notes.insert(0, 'Mwy o nodiadau');
    expect(((await body(await api.request('demo-headteacher', `/api/reviews/${id}/confirmations`)))['confirmations'] as { current: boolean }[])[0]?.current).toBe(true);
  });

  it('E14: agreed into the record only with both sides’ confirmations, summative part only, once per content', async () => {
    const { api, schoolId, id, doc } = await withAutumnReview();
    complete(doc);
    expect((await api.post('demo-governor', `/api/reviews/${id}/confirm`)).status).toBe(403);
    const partner = await api.post('demo-facilitator', `/api/reviews/${id}/confirm`);
    expect([partner.status, (await body(partner))['version']]).toEqual([200, null]);
    const school = await api.post('demo-senior-leader', `/api/reviews/${id}/confirm`);
    expect(school.status).toBe(201);
    const answer = await body(school);
    expect([answer['subject'], answer['agreed']]).toEqual(['review:2026-autumn', true]);
    const state = ProgressReview.parse((await api.records.current(`school:${schoolId}`)).subjects['review:2026-autumn']);
    expect(state.confirmations.facilitator.personId).toBe('demo-facilitator');
    expect(state.confirmations.school).toMatchObject({ personId: 'demo-senior-leader', name: 'Owain Jones' });
    expect(JSON.stringify(state)).not.toContain('Nodiadau gwaith');
    // Confirming the same content again adds no version; withdrawing takes one side away.
    const count = (await api.records.versions(`school:${schoolId}`)).length;
    expect((await api.post('demo-headteacher', `/api/reviews/${id}/confirm`)).status).toBe(200);
    expect((await api.records.versions(`school:${schoolId}`)).length).toBe(count);
    const withdrawn = await body(await api.request('demo-headteacher', `/api/reviews/${id}/confirm`, { method: 'DELETE' }));
    expect((withdrawn['confirmations'] as { side: string }[]).map((c) => c.side)).toEqual(['facilitator']);
    // Corrected and confirmed again by both: a new version of the same subject.
    progressReview(doc).setJudgement('pri-feedback', 'satisfactory');
    await api.post('demo-facilitator', `/api/reviews/${id}/confirm`);
    expect((await api.post('demo-headteacher', `/api/reviews/${id}/confirm`)).status).toBe(201);
    expect((await api.records.versions(`school:${schoolId}`)).filter((v) => v.subject === 'review:2026-autumn')).toHaveLength(2);
  });
});
