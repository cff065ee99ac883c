import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../src/records/record-store';
import { RecordService } from '../src/records/record-service';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

async function setup() {
  const api = await freshDemoApi({ records: new RecordService(new MemoryRecordStore()) });
  return { ...api, key: `school:${api.dataset.cast.primaryId}` };
}

const evaluation = {
  priorityId: 'p-llythrennedd',
  term: '2026-autumn',
  supportLevel: 'core',
  halfTermly: false,
  status: 'on-track',
  judgement: 'strong',
  risks: ['Staff absence in the spring term'],
  supportChanges: 'Two more facilitator days for moderation.',
  facilitatorId: 'demo-facilitator',
};

describe('termly progress evaluation', () => {
  it('A36: the headteacher records a termly evaluation into the school\'s record; the record shows it', async () => {
    const api = await setup();
    const response = await api.request('demo-headteacher', `/api/records/${api.key}/termly`, { method: 'POST', body: JSON.stringify(evaluation) });
    expect(response.status).toBe(201);
    const subject = 'termly:2026-autumn:p-llythrennedd';
    expect(await response.json()).toMatchObject({ ownerKey: api.key, subject, version: { by: 'demo-headteacher', subject, label: 'Termly evaluation 2026-autumn' } });
    const record = (await (await api.request('demo-la-officer', `/api/records/${api.key}`)).json()) as { subjects: Record<string, unknown> };
    expect(record.subjects[subject]).toEqual(evaluation);
  });

  it('A36: leaders and the school\'s LA facilitator may record it (P13); officers, governors, practitioners and the convenor may not', async () => {
    const api = await setup();
    const post = (id: string, body: unknown = evaluation) => api.request(id, `/api/records/${api.key}/termly`, { method: 'POST', body: JSON.stringify(body) });
    expect((await post('demo-senior-leader')).status).toBe(201);
    expect((await post('demo-facilitator', { ...evaluation, status: 'off-track', judgement: 'limited' })).status).toBe(201);
    for (const id of ['demo-la-officer', 'demo-governor', 'demo-practitioner', 'demo-convenor', 'demo-reviewer']) {
      const refused = await post(id);
      expect({ id, status: refused.status }).toEqual({ id, status: 403 });
      expect(await json(refused)).toMatchObject({ code: 'record.forbidden' });
    }
    const { versions } = (await (await api.request('demo-governor', `/api/records/${api.key}/versions`)).json()) as { versions: { by: string }[] };
    expect(versions.map((v) => v.by)).toEqual(['demo-senior-leader', 'demo-facilitator']);
  });

  it('K8: half-termly where support is enhanced (M15), and the body is the model\'s schema', async () => {
    const api = await setup();
    const post = (body: unknown) => api.request('demo-facilitator', `/api/records/${api.key}/termly`, { method: 'POST', body: JSON.stringify(body) });
    const enhancedTermly = await post({ ...evaluation, supportLevel: 'enhanced' });
    expect(enhancedTermly.status).toBe(400);
    expect(await json(enhancedTermly)).toMatchObject({ code: 'request.invalid', errors: [{ path: 'halfTermly' }] });
    const half = await post({ ...evaluation, supportLevel: 'enhanced', halfTermly: true, halfTerm: 2, pupilScores: [3, 4] });
    expect(half.status).toBe(201);
    expect(await half.json()).toMatchObject({ version: { label: 'Half-termly evaluation 2026-autumn (2)' } });
    expect((await post({ ...evaluation, judgement: 'outstanding' })).status).toBe(400);
    expect((await post({ ...evaluation, term: 'autumn' })).status).toBe(400);
    // No learner-level field can ride along: the model's schema is the whole body.
    const extra = (await (await api.request('demo-facilitator', `/api/records/${api.key}`)).json()) as { subjects: Record<string, Record<string, unknown>> };
    expect(Object.keys(extra.subjects['termly:2026-autumn:p-llythrennedd'] ?? {}).sort()).toEqual(
      ['facilitatorId', 'halfTerm', 'halfTermly', 'judgement', 'priorityId', 'risks', 'status', 'supportChanges', 'supportLevel', 'term'],
    );
  });

  it('K8: only a school record takes termly evaluations, and the facilitator named must serve the school\'s LA', async () => {
    const api = await setup();
    const collaborative = await api.request('demo-convenor', `/api/records/collaborative:${api.dataset.cast.clusterId}/termly`, { method: 'POST', body: JSON.stringify(evaluation) });
    expect(await json(collaborative)).toMatchObject({ code: 'request.invalid', errors: [{ path: 'ownerKey' }] });
    const wrong = await api.request('demo-headteacher', `/api/records/${api.key}/termly`, { method: 'POST', body: JSON.stringify({ ...evaluation, facilitatorId: 'demo-la-officer' }) });
    expect(await json(wrong)).toMatchObject({ code: 'request.invalid', errors: [{ path: 'facilitatorId' }] });
  });
});
