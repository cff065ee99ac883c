import { describe, expect, it } from 'vitest';
import { MemoryRecordStore } from '../src/records/record-store';
import { RecordService } from '../src/records/record-service';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

describe('agreeing', () => {
  it('A27: the convenor agrees the workspace: one version in the collaborative\'s record, audited', async () => {
    const records = new RecordService(new MemoryRecordStore());
    const api = await freshDemoApi({ records });
    const ws = api.docOf('workspace');
    const response = await api.request('demo-convenor', `/api/documents/${ws}/agree`, { method: 'POST', body: JSON.stringify({ label: 'Cyfarfod yr hydref', subject: 'shared-priorities' }) });
    expect(response.status).toBe(201);
    const ownerKey = `collaborative:${api.dataset.cast.clusterId}`;
    expect(await response.json()).toMatchObject({ ownerKey, version: { by: 'demo-convenor', label: 'Cyfarfod yr hydref', subject: 'shared-priorities' } });
    expect(await records.versions(ownerKey)).toHaveLength(1);
    const current = await records.current(ownerKey);
    expect(current.subjects['shared-priorities']).toMatchObject({ kind: 'workspace' });
  });

  it('A27: agreeing is refused where the policy refuses it (a member leader on a workspace, the LA)', async () => {
    const api = await freshDemoApi({ records: new RecordService(new MemoryRecordStore()) });
    const ws = api.docOf('workspace');
    for (const id of ['demo-headteacher', 'demo-la-officer']) {
      const response = await api.request(id, `/api/documents/${ws}/agree`, { method: 'POST', body: JSON.stringify({ label: 'x' }) });
      expect(response.status).toBe(403);
      expect(await json(response)).toMatchObject({ code: 'document.forbidden' });
    }
  });
});
