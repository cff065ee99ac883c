import * as Automerge from '@automerge/automerge';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { workspace } from '@cydweithio/model/docs/index';
import { auditLog } from '../src/db/schema/directory';
import { ownerKeyOf, parseOwnerKey } from '../src/records/owner-key';
import { MemoryRecordStore } from '../src/records/record-store';
import { RecordService } from '../src/records/record-service';
import { json } from './support/api';
import { demoApiPerTest, makeDemoApi } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

type Version = { hash: string; subject: string; label: string };

/** The demo with the cluster's shared priorities agreed twice (autumn, then spring). */
async function setup() {
  const api = await freshDemoApi({ records: new RecordService(new MemoryRecordStore()) });
  const ws = api.docOf('workspace');
  const agree = (label: string) => api.request('demo-convenor', `/api/documents/${ws}/agree`, { method: 'POST', body: JSON.stringify({ label, subject: 'shared-priorities' }) });
  expect((await agree('Hydref')).status).toBe(201);
  const doc = await api.sync.getDoc?.(ws);
  if (!doc) throw new Error('no doc');
  const first = workspace(doc).priorities()[0];
  if (!first) throw new Error('no priority');
  workspace(doc).setArea(first.map.get('id') as string, 'curriculum');
  expect((await agree('Gwanwyn')).status).toBe(201);
  const key = `collaborative:${api.dataset.cast.clusterId}`;
  return { ...api, key };
}

describe('reading agreed records', () => {
  it('A32: versions, oldest first, for those the policy lets read the record; practitioners and outsiders are refused', async () => {
    const api = await setup();
    const response = await api.request('demo-la-officer', `/api/records/${api.key}/versions`);
    expect(response.status).toBe(200);
    const { versions } = (await response.json()) as { versions: Version[] };
    expect(versions.map((v) => v.label)).toEqual(['Hydref', 'Gwanwyn']);
    for (const id of ['demo-convenor', 'demo-facilitator', 'demo-headteacher', 'demo-governor']) {
      expect({ id, status: (await api.request(id, `/api/records/${api.key}/versions`)).status }).toEqual({ id, status: 200 });
    }
    for (const id of ['demo-practitioner', 'demo-reviewer']) {
      const refused = await api.request(id, `/api/records/${api.key}/versions`);
      expect(refused.status).toBe(403);
      expect(await json(refused)).toMatchObject({ code: 'record.forbidden', detail: 'record.no-access' });
    }
  });

  it('A32: owner keys are validated; an unknown owner is 404; no record layer is 503', async () => {
    const api = await setup();
    for (const bad of ['school:123', 'la:674', 'collaborative:a:b', 'school', 'collaborative:has space']) {
      const response = await api.request('demo-la-officer', `/api/records/${encodeURIComponent(bad)}/versions`);
      expect({ bad, status: response.status }).toEqual({ bad, status: 400 });
    }
    expect(await json(await api.request('demo-la-officer', '/api/records/school:6749999/versions'))).toMatchObject({ code: 'record.not-found' });
    expect((await api.request('demo-la-officer', '/api/records/collaborative:nobody/versions')).status).toBe(404);
    const bare = await makeDemoApi();
    try {
      const response = await bare.request('demo-la-officer', `/api/records/${api.key}/versions`);
      expect(await json(response)).toMatchObject({ code: 'server.unavailable' });
    } finally {
      bare.close();
    }
  });

  it('A33: the record now, and as it stood at an earlier version', async () => {
    const api = await setup();
    const { versions } = (await (await api.request('demo-governor', `/api/records/${api.key}/versions`)).json()) as { versions: Version[] };
    type Shown = { at: string | null; subjects: { 'shared-priorities': { priorities: { area: string }[] } } };
    const now = (await (await api.request('demo-la-officer', `/api/records/${api.key}`)).json()) as Shown;
    expect(now.at).toBeNull();
    expect(now.subjects['shared-priorities'].priorities[0]?.area).toBe('curriculum');
    const autumn = (await (await api.request('demo-la-officer', `/api/records/${api.key}?at=${versions[0]?.hash ?? ''}`)).json()) as Shown;
    expect(autumn.subjects['shared-priorities'].priorities[0]?.area).toBe('learning-and-teaching');
    expect((await api.request('demo-la-officer', `/api/records/${api.key}?at=${'0'.repeat(64)}`)).status).toBe(404);
    expect((await api.request('demo-la-officer', `/api/records/${api.key}?at=nothex`)).status).toBe(400);
  });

  it('A34: the changes between two versions, as patches', async () => {
    const api = await setup();
    const { versions } = (await (await api.request('demo-convenor', `/api/records/${api.key}/versions`)).json()) as { versions: Version[] };
    const [from, to] = [versions[0]?.hash ?? '', versions[1]?.hash ?? ''];
    const response = await api.request('demo-facilitator', `/api/records/${api.key}/diff?from=${from}&to=${to}`);
    expect(response.status).toBe(200);
    const { patches } = (await response.json()) as { patches: { path: (string | number)[] }[] };
    expect(patches.some((p) => p.path.includes('area'))).toBe(true);
    expect((await api.request('demo-facilitator', `/api/records/${api.key}/diff?from=${from}`)).status).toBe(400);
    const unknown = await api.request('demo-facilitator', `/api/records/${api.key}/diff?from=${from}&to=${'a'.repeat(64)}`);
    expect(await json(unknown)).toMatchObject({ code: 'record.version-not-found' });
  });

  it('A35: the export is the Automerge file with its history, audited without content', async () => {
    const api = await setup();
    const response = await api.request('demo-la-officer', `/api/records/${api.key}/export`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/octet-stream');
    const doc = Automerge.load<{ ownerKey: string }>(new Uint8Array(await response.arrayBuffer()));
    expect(doc.ownerKey).toBe(api.key);
    expect(Automerge.getHistory(doc).length).toBeGreaterThanOrEqual(3);
    expect((await api.request('demo-practitioner', `/api/records/${api.key}/export`)).status).toBe(403);
    const exported = api.db.select().from(auditLog).where(eq(auditLog.action, 'exported')).all();
    expect(exported.map((e) => [e.actorPersonId, e.detail])).toEqual([['demo-la-officer', { ownerKey: api.key, format: 'automerge' }]]);
  });

  it('K9: a peer review is never copied into a record: agreeing it is refused for everyone, the host included', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    for (const id of ['demo-headteacher', 'demo-senior-leader', 'demo-reviewer']) {
      const response = await api.request(id, `/api/documents/${pr}/agree`, { method: 'POST', body: JSON.stringify({ label: 'x' }) });
      expect(response.status).toBe(403);
      expect(await json(response)).toMatchObject({ detail: 'peer-review.never-recorded' });
    }
    const school = await (await api.request('demo-headteacher', `/api/records/school:${api.dataset.cast.primaryId}`)).json();
    expect(school).toMatchObject({ subjects: {} });
  });

  it('K6: owner keys are school:<school number> or collaborative:<id>, nothing else', () => {
    expect(parseOwnerKey('school:6742001')).toEqual({ type: 'school', schoolId: '6742001' });
    expect(parseOwnerKey('collaborative:cluster-6744040')).toEqual({ type: 'collaborative', collaborativeId: 'cluster-6744040' });
    for (const bad of ['school:674200', 'school:1234567', 'la:674', 'collaborative:', 'collaborative:a:b', 'collaborative:../x', '']) {
      expect({ bad, owner: parseOwnerKey(bad) }).toEqual({ bad, owner: null });
    }
    expect(ownerKeyOf({ type: 'collaborative', collaborativeId: 'c1' })).toBe('collaborative:c1');
  });

  it('K7: a version hash of another record is not a version of this one', async () => {
    const api = await setup();
    const school = `school:${api.dataset.cast.primaryId}`;
    const termly = { priorityId: 'p1', term: '2026-autumn', supportLevel: 'core', halfTermly: false, status: 'on-track', judgement: 'strong', risks: [], supportChanges: '', facilitatorId: 'demo-facilitator' };
    const posted = (await (await api.request('demo-headteacher', `/api/records/${school}/termly`, { method: 'POST', body: JSON.stringify(termly) })).json()) as { version: Version };
    const foreign = await api.request('demo-la-officer', `/api/records/${api.key}?at=${posted.version.hash}`);
    expect(foreign.status).toBe(404);
    expect(await json(foreign)).toMatchObject({ code: 'record.version-not-found' });
  });
});
