import { describe, expect, it } from 'vitest';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

const setup = freshDemoApi;

type Listed = { id: string; kind: string; access: string; sharedWithLa?: boolean; owner: { type: string; id: string; name: { cy: string; en: string } } };

async function listing(api: Awaited<ReturnType<typeof setup>>, personId: string): Promise<Listed[]> {
  const response = await api.request(personId, '/api/documents');
  expect(response.status).toBe(200);
  return ((await response.json()) as { documents: Listed[] }).documents;
}

/** The first three kinds; the improvement cycle's plans and reviews are listed in CYCLE.md E22's test. */
const accessById = (docs: Listed[]) => Object.fromEntries(docs.filter((d) => ['self-evaluation', 'peer-review', 'workspace'].includes(d.kind)).map((d) => [d.id, d.access]));

describe('documents listing', () => {
  it('A12: each role lists exactly what the policy lets it read, with its access', async () => {
    const api = await setup();
    const [se, pr, ws] = [api.docOf('self-evaluation'), api.docOf('peer-review'), api.docOf('workspace')];
    expect(accessById(await listing(api, 'demo-headteacher'))).toEqual({ [se]: 'owner', [pr]: 'owner', [ws]: 'editor' });
    expect(accessById(await listing(api, 'demo-senior-leader'))).toEqual({ [se]: 'owner', [pr]: 'editor', [ws]: 'editor' });
    expect(accessById(await listing(api, 'demo-practitioner'))).toEqual({ [se]: 'editor', [ws]: 'viewer' });
    expect(accessById(await listing(api, 'demo-governor'))).toEqual({ [se]: 'viewer', [pr]: 'viewer', [ws]: 'viewer' });
    expect(accessById(await listing(api, 'demo-reviewer'))).toEqual({ [pr]: 'editor' });
    expect(accessById(await listing(api, 'demo-convenor'))).toEqual({ [ws]: 'owner' });
    expect(accessById(await listing(api, 'demo-facilitator'))).toEqual({ [se]: 'viewer', [ws]: 'viewer' });
    expect(accessById(await listing(api, 'demo-la-officer'))).toEqual({ [ws]: 'viewer' });
  });

  it('A12: entries carry the owner with its bilingual name, and sharedWithLa for peer reviews only', async () => {
    const api = await setup();
    const docs = await listing(api, 'demo-headteacher');
    const pr = docs.find((d) => d.kind === 'peer-review');
    expect(pr).toMatchObject({ owner: { type: 'school', id: api.dataset.cast.primaryId, name: { cy: expect.any(String), en: expect.any(String) } }, sharedWithLa: false });
    expect(docs.find((d) => d.kind === 'workspace')).not.toHaveProperty('sharedWithLa');
  });

  it('A12, A14: the LA officer does not see an unshared peer review; sees it once shared; loses it on unshare', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    expect((await listing(api, 'demo-la-officer')).map((d) => d.id)).not.toContain(pr);
    const shared = await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'POST' });
    expect(shared.status).toBe(200);
    expect((await listing(api, 'demo-la-officer')).find((d) => d.id === pr)).toMatchObject({ access: 'viewer', sharedWithLa: true });
    const unshared = await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'DELETE' });
    expect(unshared.status).toBe(200);
    expect((await listing(api, 'demo-la-officer')).map((d) => d.id)).not.toContain(pr);
    expect(api.rechecks).toContainEqual({ docIds: [pr] });
  });

  it('A7: /me gives the person, roles, schools, collaboratives by kind and pending invitations', async () => {
    const api = await setup();
    const response = await api.request('demo-headteacher', '/api/me');
    const me = (await response.json()) as Record<string, unknown> & { collaboratives: { vertical: { id: string }[]; horizontal: unknown[] }; schools: { id: string }[] };
    expect(me).toMatchObject({ person: { id: 'demo-headteacher' }, roles: [{ role: 'headteacher', schoolId: api.dataset.cast.primaryId }], invitations: [] });
    expect(me.schools.map((s) => s.id)).toEqual([api.dataset.cast.primaryId]);
    expect(me.collaboratives.vertical.map((c) => c.id)).toContain(api.dataset.cast.clusterId);
  });
});

describe('sharing', () => {
  it('A14: sharing is refused to anyone but the host headteacher, with the policy reason', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    for (const id of ['demo-senior-leader', 'demo-governor', 'demo-reviewer', 'demo-la-officer']) {
      const response = await api.request(id, `/api/documents/${pr}/share`, { method: 'POST' });
      expect(response.status).toBe(403);
      expect(response.headers.get('content-type')).toBe('application/problem+json');
      expect(await json(response)).toMatchObject({ code: 'document.forbidden', status: 403, type: expect.any(String), title: expect.any(String) });
    }
  });

  it('A14: only peer reviews are shared with the LA', async () => {
    const api = await setup();
    const response = await api.request('demo-headteacher', `/api/documents/${api.docOf('self-evaluation')}/share`, { method: 'POST' });
    expect(response.status).toBe(409);
    expect(await json(response)).toMatchObject({ code: 'document.not-shareable' });
  });

  it('A14, A23: share and unshare are audited without document text', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'POST' });
    await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'DELETE' });
    const response = await api.request('demo-headteacher', `/api/audit?documentId=${encodeURIComponent(pr)}`);
    const { entries } = (await response.json()) as { entries: { action: string; actorName: string; detail: Record<string, unknown> }[] };
    expect(entries.map((e) => e.action)).toEqual(['shared', 'unshared']);
    expect(entries[0]).toMatchObject({ actorName: 'Elin Davies', detail: { grantee: 'la', laCode: 674 } });
  });
});

describe('export', () => {
  it('A15: the LA officer cannot export an unshared peer review; the host headteacher can, in md, html and json', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    const refused = await api.request('demo-la-officer', `/api/documents/${pr}/export?format=md`);
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'document.forbidden', detail: 'peer-review.not-shared-with-la' });
    const md = await api.request('demo-headteacher', `/api/documents/${pr}/export?format=md`);
    expect(md.status).toBe(200);
    expect(md.headers.get('content-type')).toContain('text/markdown');
    expect(await md.text()).toContain('#');
    const html = await api.request('demo-headteacher', `/api/documents/${pr}/export?format=html&lang=en`);
    expect(await html.text()).toContain('<');
    const plain = await api.request('demo-headteacher', `/api/documents/${pr}/export?format=json`);
    expect(JSON.parse(await plain.text())).toHaveProperty('kind', 'peer-review');
  });

  it('A15: an export is audited with its format, and a bad format is a 400', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    expect((await api.request('demo-governor', `/api/documents/${se}/export?format=html`)).status).toBe(200);
    expect((await api.request('demo-governor', `/api/documents/${se}/export?format=pdf`)).status).toBe(400);
    const audit = await api.request('demo-headteacher', `/api/audit?documentId=${encodeURIComponent(se)}`);
    const { entries } = (await audit.json()) as { entries: { action: string; detail: Record<string, unknown> }[] };
    expect(entries).toContainEqual(expect.objectContaining({ action: 'exported', detail: { format: 'html', lang: 'cy' } }));
  });
});

describe('readers, creation and erasure', () => {
  it('A17: everyone who can read a document sees who else can, with role and access', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    const response = await api.request('demo-reviewer', `/api/documents/${pr}/readers`);
    expect(response.status).toBe(200);
    const { readers } = (await response.json()) as { readers: { personId: string; role: string; access: string }[] };
    expect(Object.fromEntries(readers.map((r) => [r.personId, `${r.role}/${r.access}`]))).toEqual({
      'demo-headteacher': 'headteacher/owner',
      'demo-senior-leader': 'senior-leader/editor',
      'demo-governor': 'governor/viewer',
      'demo-reviewer': 'reviewer/editor',
    });
    expect((await api.request('demo-la-officer', `/api/documents/${pr}/readers`)).status).toBe(403);
  });

  it('A13: a headteacher creates a peer review for their school; a practitioner may not; unknown owners are 404', async () => {
    const api = await setup();
    const body = { kind: 'peer-review', ownerId: api.dataset.cast.primaryId, title: 'Adolygiad y gwanwyn', reviewerIds: ['demo-reviewer'], focus: 'Llais y dysgwr' };
    const created = await api.request('demo-headteacher', '/api/documents', { method: 'POST', body: JSON.stringify(body) });
    expect(created.status).toBe(201);
    const { id } = (await created.json()) as { id: string };
    expect(id).toMatch(/^peer-review:/);
    expect(accessById(await listing(api, 'demo-reviewer'))[id]).toBe('editor');
    // The server wrote the layout and the focus: the new document exports at once.
    const exported = await api.request('demo-headteacher', `/api/documents/${id}/export?format=json`);
    expect(JSON.parse(await exported.text())).toMatchObject({ kind: 'peer-review', title: 'Adolygiad y gwanwyn', focus: 'Llais y dysgwr' });
    const refused = await api.request('demo-practitioner', '/api/documents', { method: 'POST', body: JSON.stringify(body) });
    expect(refused.status).toBe(403);
    const unknown = await api.request('demo-headteacher', '/api/documents', { method: 'POST', body: JSON.stringify({ ...body, ownerId: '6749999' }) });
    expect(unknown.status).toBe(404);
  });

  it('A16: erase is the host headteacher\'s; the id is then gone and the core is told', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    expect((await api.request('demo-senior-leader', `/api/documents/${pr}`, { method: 'DELETE' })).status).toBe(403);
    expect((await api.request('demo-headteacher', `/api/documents/${pr}`, { method: 'DELETE' })).status).toBe(204);
    expect(api.erased).toEqual([pr]);
    const after = await api.request('demo-headteacher', `/api/documents/${pr}/readers`);
    expect(after.status).toBe(404);
    expect(await json(after)).toMatchObject({ code: 'document.not-found' });
  });
});
