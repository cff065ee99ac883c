import { describe, expect, it, vi } from 'vitest';
import { developmentPlan, developmentPlanToJson, selfEvaluationFindings } from '@cydweithio/model/docs/index';
import { ApprovedPlan, PublishedSummary } from '@cydweithio/model/domain/index';
import { planSectionTemplates } from '@cydweithio/model/domain/plan';
import { inspectionRevisionDue } from '@cydweithio/model/rules/schoolCalendar';
import { makeCycleApi } from './support/cycle-api';

vi.setConfig({ testTimeout: 30_000 });

type Json = Record<string, unknown>;
const body = async (r: Response) => (await r.json()) as Json;

async function withSecondaryPlan() {
  const api = await makeCycleApi();
  const schoolId = api.cast.secondaryId;
  const created = await api.post('demo-headteacher-secondary', '/api/plans', { schoolId, academicYear: 2026 });
  expect(created.status).toBe(201);
  const id = (await body(created))['id'] as string;
  return { api, schoolId, id };
}

describe('the development plan', () => {
  it('E1: school leaders create one plan per school and year, from the template; others are refused', async () => {
    const { api, schoolId, id } = await withSecondaryPlan();
    expect(developmentPlan(await api.getDoc(id)).sections().map((s) => s.template)).toEqual([...planSectionTemplates]);
    expect((await api.post('demo-senior-leader-secondary', '/api/plans', { schoolId, academicYear: 2026 })).status).toBe(409);
    expect((await body(await api.post('demo-headteacher-secondary', '/api/plans', { schoolId, academicYear: 2026 })))['code']).toBe('plan.exists');
    for (const person of ['demo-governor-secondary', 'demo-practitioner-secondary', 'demo-facilitator', 'demo-la-officer', 'demo-headteacher']) {
      expect([person, (await api.post(person, '/api/plans', { schoolId, academicYear: 2027 })).status]).toEqual([person, 403]);
    }
    expect((await api.post('demo-senior-leader-secondary', '/api/plans', { schoolId, academicYear: 2027 })).status).toBe(201);
    const generic = await api.post('demo-headteacher-secondary', '/api/documents', { kind: 'development-plan', ownerId: schoolId, title: 'x' });
    expect([generic.status, ((await body(generic))['errors'] as { path: string }[])[0]?.path]).toEqual([400, 'kind']);
  });

  it('E2: plans are listed with each reader’s access; the LA officer reads the record, not the draft', async () => {
    const { api, id } = await withSecondaryPlan();
    const access = async (person: string) => ((await body(await api.request(person, '/api/documents')))['documents'] as { id: string; access: string }[]).find((d) => d.id === id)?.access ?? null;
    expect(await access('demo-headteacher-secondary')).toBe('owner');
    expect(await access('demo-senior-leader-secondary')).toBe('editor');
    expect(await access('demo-governor-secondary')).toBe('viewer');
    expect(await access('demo-facilitator')).toBe('viewer');
    expect(await access('demo-la-officer')).toBeNull();
    expect(await access('demo-headteacher')).toBeNull();
  });

  it('E4: next year’s plan carries unfinished priorities forward under the same ids, with last year’s outcomes', async () => {
    const api = await makeCycleApi();
    const [plan2025] = api.docsOf('development-plan', api.cast.secondaryId);
    const response = await api.post('demo-headteacher-secondary', `/api/plans/${plan2025}/next-year`);
    expect(response.status).toBe(201);
    const next = developmentPlanToJson(await api.getDoc((await body(response))['id'] as string));
    expect([next.academicYear, next.previousPlanId]).toEqual([2026, plan2025]);
    expect(next.priorities.map((p) => [p.id, p.carriedFrom])).toEqual([['pri-transition', plan2025], ['pri-leadership', plan2025]]);
    const transition = next.priorities[0];
    expect(transition?.actions.map((a) => a.description)).toEqual(['Cynllunio uned bontio ar y cyd']);
    expect(transition?.yearTwo).toBe('Olrhain cynnydd grwpiau drwy’r continwwm 3-16.');
    expect(next.lastYear.map((l) => [l.priorityId, l.outcome])).toEqual([['pri-transition', 'partly-met'], ['pri-leadership', 'not-met']]);
    expect(next.consultations).toEqual([]);
    expect((await api.post('demo-headteacher-secondary', `/api/plans/${plan2025}/next-year`)).status).toBe(409);
    expect((await api.post('demo-governor-secondary', `/api/plans/${plan2025}/next-year`)).status).toBe(403);
  });

  it('E5: governors approve the plan at a meeting that has taken place; it is agreed into the record with who and when', async () => {
    const { api, schoolId, id } = await withSecondaryPlan();
    developmentPlan(await api.getDoc(id)).addPriority({ id: 'pri-new', area: 'curriculum', title: 'Cwricwlwm 14-16' });
    const refused = await api.post('demo-headteacher-secondary', `/api/plans/${id}/approve`, { meetingDate: '2026-11-25' });
    expect([refused.status, (await body(refused))['detail']]).toEqual([403, 'development-plan.governors-approve']);
    expect((await api.post('demo-governor-secondary', `/api/plans/${id}/approve`, { meetingDate: '2999-01-01' })).status).toBe(400);
    const approved = await api.post('demo-governor-secondary', `/api/plans/${id}/approve`, { meetingDate: '2026-11-25' });
    expect(approved.status).toBe(201);
    const state = ApprovedPlan.parse((await api.records.current(`school:${schoolId}`)).subjects['plan:2026']);
    expect(state.approval).toMatchObject({ planDocId: id, meetingDate: '2026-11-25', recordedBy: 'demo-governor-secondary', recordedByName: 'David Price' });
    expect(state.plan.priorities.map((p) => p.id)).toEqual(['pri-new']);
    const versions = await api.records.versions(`school:${schoolId}`);
    expect(versions.at(-1)).toMatchObject({ subject: 'plan:2026', by: 'demo-governor-secondary', label: 'Governing body approval, meeting 2026-11-25' });
  });

  it('E6: the published summary comes from the plan as approved, not from later edits of the draft', async () => {
    const { api, schoolId, id } = await withSecondaryPlan();
    expect((await body(await api.post('demo-headteacher-secondary', `/api/plans/${id}/publish`)))['code']).toBe('plan.not-approved');
    const doc = await api.getDoc(id);
    developmentPlan(doc).addPriority({ id: 'pri-a', area: 'well-being', title: 'Lles staff' });
    expect((await api.post('demo-governor-secondary', `/api/plans/${id}/approve`, { meetingDate: '2026-11-25' })).status).toBe(201);
    developmentPlan(doc).priority('pri-a').text('title').insert(0, 'DRAFT ');
    expect((await api.post('demo-governor-secondary', `/api/plans/${id}/publish`)).status).toBe(403);
    const published = await api.post('demo-senior-leader-secondary', `/api/plans/${id}/publish`);
    expect([published.status, (await body(published))['address']]).toEqual([201, `/summary/${schoolId}`]);
    const summary = PublishedSummary.parse((await api.records.current(`school:${schoolId}`)).subjects['summary:2026']);
    expect(summary.priorities.map((p) => p.title)).toEqual(['Lles staff']);
    expect(summary.approvedOn).toBe('2026-11-25');
  });

  it('E10: the school’s holidays and inspection date travel with the plan; the revision is due 20 school days on', async () => {
    const { api, schoolId, id } = await withSecondaryPlan();
    const plan = developmentPlan(await api.getDoc(id));
    plan.addHoliday({ id: 'h', from: '2026-10-26', to: '2026-10-30', label: 'Hanner tymor' });
    plan.setInspectionReportDate('2026-10-02');
    await api.post('demo-governor-secondary', `/api/plans/${id}/approve`, { meetingDate: '2026-11-25' });
    const { calendar } = ApprovedPlan.parse((await api.records.current(`school:${schoolId}`)).subjects['plan:2026']).plan;
    expect(inspectionRevisionDue(calendar.inspectionReportDate, calendar.holidays)).toBe('2026-11-06');
  });

  it('E18: a self-evaluation finding is carried into the plan with a link each way, once', async () => {
    const api = await makeCycleApi();
    const se = api.docOf('self-evaluation');
    const plan = api.docsOf('development-plan', api.cast.primaryId)[1] ?? '';
    selfEvaluationFindings(await api.getDoc(se)).add({ id: 'f-oracy', type: 'emerging-priority', area: 'curriculum', text: 'Cynllunio cwricwlwm lleol' });
    selfEvaluationFindings(await api.getDoc(se)).add({ id: 'f-pl', type: 'learning-need', area: 'learning-and-teaching', text: 'Holi da' });
    expect((await api.post('demo-practitioner', `/api/plans/${plan}/carry`, { selfEvaluationId: se, findingId: 'f-oracy' })).status).toBe(403);
    for (let i = 0; i < 2; i++) expect((await api.post('demo-headteacher', `/api/plans/${plan}/carry`, { selfEvaluationId: se, findingId: 'f-oracy' })).status).toBe(201);
    expect((await api.post('demo-senior-leader', `/api/plans/${plan}/carry`, { selfEvaluationId: se, findingId: 'f-pl' })).status).toBe(201);
    const json = developmentPlanToJson(await api.getDoc(plan));
    expect(json.priorities.filter((p) => p.fromFindingId === 'f-oracy').map((p) => [p.title, p.fromDocId])).toEqual([['Cynllunio cwricwlwm lleol', se]]);
    expect(json.findings.filter((f) => f.fromFindingId === 'f-pl').map((f) => f.type)).toEqual(['learning-need']);
    expect(selfEvaluationFindings(await api.getDoc(se)).toJson().map((f) => f.carriedInto)).toEqual([plan, plan]);
    const other = api.docOf('workspace');
    expect((await api.post('demo-headteacher', `/api/plans/${plan}/carry`, { selfEvaluationId: other, findingId: 'x' })).status).toBe(404);
  });

  it('E20: cycle bodies are bounded and validated', async () => {
    const { api, id } = await withSecondaryPlan();
    const big = await api.post('demo-governor-secondary', `/api/plans/${id}/approve`, { meetingDate: '2026-11-25', padding: 'x'.repeat(70_000) });
    expect([big.status, (await body(big))['code']]).toEqual([413, 'request.too-large']);
    const bad = await api.post('demo-governor-secondary', `/api/plans/${id}/approve`, { meetingDate: '25/11/2026' });
    expect([bad.status, (await body(bad))['code']]).toEqual([400, 'request.invalid']);
  });
});
