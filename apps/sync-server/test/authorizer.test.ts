import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { roleAssignments } from '../src/db/schema/directory';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

async function setup() {
  const api = await freshDemoApi();
  const upgrade = async (personId: string | null, docId: string, headers: Record<string, string> = {}) =>
    api.layer.authorizer.authorize({
      url: new URL(`http://localhost:8787/sync/${docId}`),
      headers: new Headers({ ...(personId ? { cookie: await api.as(personId) } : {}), ...headers }),
    }, docId);
  return { ...api, upgrade };
}

describe('the connection authorizer', () => {
  it('A10: an accepted socket carries the person, the role that grants access and the school name', async () => {
    const api = await setup();
    const result = await api.upgrade('demo-practitioner', api.docOf('self-evaluation'));
    expect(result).toMatchObject({ ok: true, access: 'editor', identity: { personId: 'demo-practitioner', name: 'Ffion Roberts', role: 'practitioner', schoolName: expect.any(String) } });
    expect(await api.upgrade('demo-reviewer', api.docOf('peer-review'))).toMatchObject({ ok: true, access: 'editor', identity: { role: 'reviewer' } });
    expect(await api.upgrade('demo-facilitator', api.docOf('workspace'))).toMatchObject({ ok: true, access: 'viewer', identity: { role: 'la-facilitator' } });
  });

  it('A8, A9: origin first, then session, then document, then policy', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    expect(await api.upgrade('demo-headteacher', se, { origin: 'https://evil.example' })).toEqual({ ok: false, status: 403, reason: 'origin-refused' });
    expect(await api.upgrade(null, se, { origin: 'https://evil.example' })).toMatchObject({ status: 403 });
    expect(await api.upgrade(null, se)).toMatchObject({ ok: false, status: 401 });
    expect(await api.upgrade('demo-headteacher', 'self-evaluation:nosuchdoc')).toMatchObject({ ok: false, status: 404 });
    expect(await api.upgrade('demo-la-officer', se)).toMatchObject({ ok: false, status: 403 });
    // Same host over https (a TLS proxy in front) is the same site.
    expect(await api.upgrade('demo-headteacher', se, { origin: 'https://localhost:8787' })).toMatchObject({ ok: true });
  });

  it('A11: recheck follows role changes: an editor whose role drops becomes a viewer, then loses access', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const opened = await api.upgrade('demo-practitioner', se);
    if (!opened.ok) throw new Error('expected the practitioner in');
    const role = and(eq(roleAssignments.personId, 'demo-practitioner'), eq(roleAssignments.role, 'practitioner'));
    api.db.update(roleAssignments).set({ role: 'governor' }).where(role).run();
    expect(await api.layer.authorizer.recheck(opened.identity, se)).toBe('viewer');
    api.db.delete(roleAssignments).where(eq(roleAssignments.personId, 'demo-practitioner')).run();
    expect(await api.layer.authorizer.recheck(opened.identity, se)).toBeNull();
  });

  it('A11, A16: recheck of an erased document is null', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    const opened = await api.upgrade('demo-headteacher', pr);
    if (!opened.ok) throw new Error('expected the headteacher in');
    expect((await api.request('demo-headteacher', `/api/documents/${pr}`, { method: 'DELETE' })).status).toBe(204);
    expect(await api.layer.authorizer.recheck(opened.identity, pr)).toBeNull();
  });

  it('A23: every accepted socket is audited as opened, without text', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    await api.upgrade('demo-governor', se);
    const { entries } = (await (await api.request('demo-headteacher', `/api/audit?documentId=${encodeURIComponent(se)}`)).json()) as { entries: unknown[] };
    expect(entries).toEqual([expect.objectContaining({ action: 'opened', actorPersonId: 'demo-governor', actorName: 'Margaret Thomas', detail: { access: 'viewer' } })]);
    expect((await api.request('demo-governor', `/api/audit?documentId=${encodeURIComponent(se)}`)).status).toBe(403);
  });
});
