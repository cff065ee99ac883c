import { describe, expect, it } from 'vitest';
import { decide, resourceFromRecord } from '@cydweithio/model';
import { workspace } from '@cydweithio/model/docs/workspace';
import { MemoryRecordStore } from '../src/records/record-store';
import { RecordService } from '../src/records/record-service';
import { json } from './support/api';
import { demoApiPerTest, type DemoApi } from './support/demo-api';

const freshDemoApi = demoApiPerTest();
const roles = ['demo-headteacher', 'demo-senior-leader', 'demo-practitioner', 'demo-governor', 'demo-reviewer', 'demo-convenor', 'demo-facilitator', 'demo-la-officer'];
const MEETING = 'meeting-2026-10-14';
const PRIORITIES = ['priority-transition-writing', 'priority-attendance'];

async function setup() {
  const records = new RecordService(new MemoryRecordStore());
  const api = await freshDemoApi({ records });
  const ws = api.docOf('workspace');
  const ownerKey = `collaborative:${api.dataset.cast.clusterId}`;
  const post = (person: string, path: string, body: unknown) => api.request(person, `/api/documents/${ws}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { api, records, ws, ownerKey, post };
}

function workspaceResource(api: DemoApi) {
  const record = api.dataset.documents.find((d) => d.record.kind === 'workspace')?.record;
  const lookup = { school: (id: string) => api.dataset.schools.find((s) => s.id === id), collaborative: (id: string) => api.dataset.collaboratives.find((c) => c.id === id) };
  const resource = record && resourceFromRecord(record, lookup);
  if (!resource) throw new Error('no workspace');
  return resource;
}

describe('agreeing shared priorities into the record', () => {
  it('G1: the convenor agrees two priorities at a meeting: one agreement each, who and when, audited', async () => {
    const { api, records, ownerKey, post, ws } = await setup();
    const response = await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: PRIORITIES });
    expect(response.status).toBe(201);
    const versions = await records.versions(ownerKey);
    expect(versions.map((v) => [v.subject, v.by, v.label])).toEqual(PRIORITIES.map((id) => [`priority:${id}`, 'demo-convenor', 'Meeting 2026-10-14']));
    const current = await records.current(ownerKey);
    expect(current.subjects['priority:priority-attendance']).toMatchObject({ priorityId: 'priority-attendance', area: 'well-being', meetingId: MEETING, meetingDate: '2026-10-14' });
    const trail = (await (await api.request('demo-convenor', `/api/audit?documentId=${ws}`)).json()) as { entries: { action: string; detail: { subject?: string } }[] };
    expect(trail.entries.filter((e) => e.action === 'agreed').map((e) => e.detail.subject).sort()).toEqual(PRIORITIES.map((id) => `priority:${id}`).sort());
  });

  it('G1: an unknown meeting or priority agrees nothing (404), and a bad body is a 400', async () => {
    const { records, ownerKey, post } = await setup();
    expect(await json(await post('demo-convenor', '/priorities/agree', { meetingId: 'nope', priorityIds: PRIORITIES }))).toMatchObject({ code: 'workspace.item-not-found' });
    expect((await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: [PRIORITIES[0], 'nope'] })).status).toBe(404);
    expect((await records.versions(ownerKey)).length).toBe(0);
    expect((await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: [] })).status).toBe(400);
    expect((await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: ['a', 'a'] })).status).toBe(400);
    expect((await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: ['<script>'] })).status).toBe(400);
  });

  it('G2: who may agree and who reads the agreements is the policy on the workspace, for every role', async () => {
    const { api, post, ws } = await setup();
    const resource = workspaceResource(api);
    for (const personId of roles) {
      const actor = { personId, roles: api.person(personId).roles };
      const agree = await post(personId, '/priorities/agree', { meetingId: MEETING, priorityIds: [PRIORITIES[0]] });
      expect([personId, agree.status]).toEqual([personId, decide(actor, 'agree', resource).allow ? 201 : 403]);
      const impact = await post(personId, `/priorities/${PRIORITIES[0]}/impact`, { period: '2026-h1', focus: 'pedagogy', impact: 'on-practice', note: '' });
      // Refused by the policy before anything else is looked at; the convenor has just agreed it.
      expect([personId, impact.status === 403]).toEqual([personId, !decide(actor, 'agree', resource).allow]);
      const read = await api.request(personId, `/api/documents/${ws}/priorities/agreed`);
      expect([personId, read.status]).toEqual([personId, decide(actor, 'read', resource).allow ? 200 : 403]);
    }
  });

  it('G2: only a workspace has shared priorities to agree', async () => {
    const { api } = await setup();
    const review = api.docOf('peer-review');
    const response = await api.request('demo-headteacher', `/api/documents/${review}/priorities/agreed`);
    expect(await json(response)).toMatchObject({ code: 'document.not-agreeable' });
  });

  it('G4: the agreed list gives the newest agreement of each priority, by name, and how often it was agreed', async () => {
    const { api, post, ws } = await setup();
    expect((await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: PRIORITIES })).status).toBe(201);
    const doc = await api.sync.getDoc?.(ws);
    if (!doc) throw new Error('no doc');
    const title = workspace(doc).priority(PRIORITIES[0] ?? '').title;
    title.insert(title.length, ' (diwygiwyd)');
    expect((await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: [PRIORITIES[0]] })).status).toBe(201);
    const answer = (await (await api.request('demo-practitioner', `/api/documents/${ws}/priorities/agreed`)).json()) as {
      priorities: { priorityId: string; times: number; state: { title: string }; version: { by: string; byName: string; at: number } }[];
    };
    const first = answer.priorities.find((p) => p.priorityId === PRIORITIES[0]);
    expect(first?.times).toBe(2);
    expect(first?.state.title).toMatch(/\(diwygiwyd\)$/);
    expect(first?.version).toMatchObject({ by: 'demo-convenor', byName: api.person('demo-convenor').name });
    expect(answer.priorities.find((p) => p.priorityId === PRIORITIES[1])?.times).toBe(1);
  });

  it('G5: an impact review is agreed into the record per priority and half year; only for an agreed priority', async () => {
    const { records, ownerKey, post } = await setup();
    const body = { period: '2026-h1', focus: 'provision', impact: 'on-learning', note: 'Gwelwyd cysondeb wrth gymedroli.' };
    expect(await json(await post('demo-convenor', `/priorities/${PRIORITIES[1]}/impact`, body))).toMatchObject({ code: 'priority.not-agreed' });
    await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: [PRIORITIES[1]] });
    const response = await post('demo-convenor', `/priorities/${PRIORITIES[1]}/impact`, body);
    expect(response.status).toBe(201);
    expect((await records.current(ownerKey)).subjects[`impact:2026-h1:${PRIORITIES[1]}`]).toEqual({ priorityId: PRIORITIES[1], ...body });
    for (const bad of [{ ...body, period: '2026-autumn' }, { ...body, focus: 'grades' }, { ...body, impact: 'excellent' }, { ...body, note: 'x'.repeat(2001) }]) {
      expect((await post('demo-convenor', `/priorities/${PRIORITIES[1]}/impact`, bad)).status).toBe(400);
    }
  });

  it('G6: bodies are bounded: an oversized body is a 413 and agrees nothing', async () => {
    const { records, ownerKey, post } = await setup();
    const response = await post('demo-convenor', '/priorities/agree', { meetingId: MEETING, priorityIds: PRIORITIES, padding: 'x'.repeat(20_000) });
    expect(response.status).toBe(413);
    expect((await records.versions(ownerKey)).length).toBe(0);
  });
});
