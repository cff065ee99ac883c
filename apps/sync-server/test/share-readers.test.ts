import { describe, expect, it } from 'vitest';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

describe('who reads a shared peer review', () => {
  it('G32: people who read a review because the host shared it are listed as shared readers, never as an unknown role', async () => {
    const api = await freshDemoApi();
    const review = api.docOf('peer-review');
    const share = (body: unknown) => api.request('demo-headteacher', `/api/peer-reviews/${review}/shares`, { method: 'POST', body: JSON.stringify(body) });
    expect((await share({ type: 'collaborative', id: api.dataset.cast.clusterId })).status).toBe(201);
    expect((await share({ type: 'person', id: 'demo-reviewer-other-la' })).status).toBe(201);
    expect((await share({ type: 'facilitator', id: api.dataset.cast.primaryId })).status).toBe(201);
    const readers = ((await (await api.request('demo-headteacher', `/api/documents/${review}/readers`)).json()) as { readers: { personId: string; role: string; access: string }[] }).readers;
    const roleOf = (id: string) => readers.find((r) => r.personId === id)?.role;
    expect(readers.filter((r) => r.role === 'unknown')).toEqual([]);
    for (const id of ['demo-headteacher-secondary', 'demo-convenor', 'demo-reviewer-other-la', 'demo-facilitator']) expect([id, roleOf(id)]).toEqual([id, 'shared-reader']);
    expect(roleOf('demo-headteacher')).toBe('headteacher');
    expect(roleOf('demo-reviewer')).toBe('reviewer');
  });
});
