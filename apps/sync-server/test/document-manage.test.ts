import type * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import { readMeta } from '@cydweithio/model/docs/meta';
import { demoApiPerTest, type DemoApi } from './support/demo-api';

const setup = demoApiPerTest();

type Listed = { id: string; title: string; titles: { cy: string; en: string }; canManage: boolean; access: string; archivedAt?: string };

async function listing(api: DemoApi, personId: string, view?: string): Promise<Listed[]> {
  const response = await api.request(personId, `/api/documents${view ? `?view=${view}` : ''}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { documents: Listed[] }).documents;
}

const rename = (api: DemoApi, personId: string, id: string, titles: unknown) =>
  api.request(personId, `/api/documents/${id}`, { method: 'PATCH', body: JSON.stringify({ titles }) });
const post = (api: DemoApi, personId: string, path: string) => api.request(personId, path, { method: 'POST' });

async function auditActions(api: DemoApi, personId: string, id: string): Promise<string[]> {
  const response = await api.request(personId, `/api/audit?documentId=${encodeURIComponent(id)}`);
  expect(response.status).toBe(200);
  return ((await response.json()) as { entries: { action: string }[] }).entries.map((e) => e.action);
}

describe('renaming, archiving and restoring documents', () => {
  it('A110: the headteacher renames the self-evaluation in both languages: the list, the live meta and the audit follow, with no words in the log', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const response = await rename(api, 'demo-headteacher', se, { cy: ' Hunanwerthuso 2026-27 ', en: 'Self-evaluation 2026-27' });
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ id: se, title: 'Hunanwerthuso 2026-27', titles: { cy: 'Hunanwerthuso 2026-27', en: 'Self-evaluation 2026-27' } });
    const listed = (await listing(api, 'demo-governor')).find((d) => d.id === se);
    expect(listed).toMatchObject({ title: 'Hunanwerthuso 2026-27', titles: { cy: 'Hunanwerthuso 2026-27', en: 'Self-evaluation 2026-27' }, canManage: false });
    const live = (await api.sync.getDoc?.(se)) as Y.Doc;
    expect(readMeta(live)?.title).toBe('Hunanwerthuso 2026-27');
    // Both titles reach every open copy, so each shows its person's language (web C282, D60).
    expect(live.getMap('meta').get('titleEn')).toBe('Self-evaluation 2026-27');
    expect(live.getMap('meta').get('titleCy')).toBe('Hunanwerthuso 2026-27');
    const entries = (await (await api.request('demo-headteacher', `/api/audit?documentId=${encodeURIComponent(se)}`)).json()) as { entries: { action: string; detail: unknown }[] };
    expect(entries.entries.find((e) => e.action === 'renamed')?.detail).toEqual({ cy: true, en: true });
    expect(JSON.stringify(entries)).not.toContain('Hunanwerthuso 2026-27');
  });

  it('A110: a body that is not two bounded titles is 400: none, too long, a bidi control, an extra key', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    for (const titles of [{ cy: '', en: ' ' }, { cy: 'a'.repeat(201), en: '' }, { cy: 'Adolygiad\u202Efdp.exe', en: '' }, 'Hunanwerthuso', { cy: 'x' }]) {
      expect((await rename(api, 'demo-headteacher', se, titles)).status, JSON.stringify(titles)).toBe(400);
    }
    const extra = await api.request('demo-headteacher', `/api/documents/${se}`, { method: 'PATCH', body: JSON.stringify({ titles: { cy: 'x', en: '' }, ownerId: 'other' }) });
    expect(extra.status).toBe(400);
  });

  it('A111, A112: the convenor archives the workspace: off every list, in the archived view, audited, sockets rechecked; restored once, back again', async () => {
    const api = await setup();
    const ws = api.docOf('workspace');
    expect((await listing(api, 'demo-convenor')).find((d) => d.id === ws)).toMatchObject({ canManage: true, access: 'owner' });
    expect((await post(api, 'demo-convenor', `/api/documents/${ws}/archive`)).status).toBe(200);
    expect(api.rechecks).toContainEqual({ docIds: [ws] });
    for (const person of ['demo-convenor', 'demo-headteacher', 'demo-governor', 'demo-la-officer']) {
      expect((await listing(api, person)).map((d) => d.id), person).not.toContain(ws);
    }
    const archived = (await listing(api, 'demo-convenor', 'archived')).find((d) => d.id === ws);
    expect(archived).toMatchObject({ access: 'viewer', canManage: true, archivedAt: expect.any(String) });
    expect((await listing(api, 'demo-governor', 'archived')).find((d) => d.id === ws)).toMatchObject({ access: 'viewer', canManage: false });
    // Still opens, read-only: a link to it says what it is.
    const one = await api.request('demo-headteacher', `/api/documents/${ws}`);
    expect(((await one.json()) as { document: Listed }).document).toMatchObject({ access: 'viewer', archivedAt: expect.any(String) });
    expect((await post(api, 'demo-convenor', `/api/documents/${ws}/archive`)).status).toBe(409);
    expect((await rename(api, 'demo-convenor', ws, { cy: 'Newydd', en: '' })).status).toBe(409);
    expect((await post(api, 'demo-convenor', `/api/documents/${ws}/restore`)).status).toBe(200);
    expect((await post(api, 'demo-convenor', `/api/documents/${ws}/restore`)).status).toBe(409);
    expect((await listing(api, 'demo-convenor')).find((d) => d.id === ws)).toMatchObject({ access: 'owner' });
    expect(await listing(api, 'demo-convenor', 'archived')).toEqual([]);
    expect(await auditActions(api, 'demo-convenor', ws)).toEqual(expect.arrayContaining(['archived', 'unarchived']));
    expect((await api.request('demo-convenor', '/api/documents?view=everything')).status).toBe(400);
  });

  it('A114: every other role of the demo cast is refused each route with document.forbidden and the policy\'s reason; signed out is 401', async () => {
    const api = await setup();
    const cases: [string, ('self-evaluation' | 'peer-review' | 'workspace')[]][] = [
      ['demo-governor', ['self-evaluation', 'peer-review', 'workspace']],
      ['demo-practitioner', ['self-evaluation', 'workspace']],
      ['demo-reviewer', ['peer-review']],
      ['demo-headteacher', ['workspace']],
      ['demo-facilitator', ['self-evaluation', 'workspace']],
      ['demo-la-officer', ['workspace']],
    ];
    for (const [person, kinds] of cases) {
      for (const kind of kinds) {
        const id = api.docOf(kind);
        for (const response of [await rename(api, person, id, { cy: 'Arall', en: '' }), await post(api, person, `/api/documents/${id}/archive`), await post(api, person, `/api/documents/${id}/restore`)]) {
          expect(response.status, `${person} ${kind}`).toBe(403);
          expect(await response.json()).toMatchObject({ code: 'document.forbidden', detail: `${kind}.manage-owner-only` });
        }
      }
    }
    // Someone with nothing there learns only that they may not.
    const outsider = await post(api, 'demo-reviewer', `/api/documents/${api.docOf('self-evaluation')}/archive`);
    expect(await outsider.json()).toMatchObject({ code: 'document.forbidden', detail: 'self-evaluation.no-access' });
    const signedOut = await api.app.request(`http://localhost/api/documents/${api.docOf('workspace')}/archive`, { method: 'POST', headers: { origin: 'http://localhost' } });
    expect(signedOut.status).toBe(401);
    expect((await listing(api, 'demo-convenor')).map((d) => d.id)).toContain(api.docOf('workspace'));
  });

  it('A115: the host headteacher and the senior leader manage the peer review and see its trail, archived or not; the reviewer does not', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    expect((await listing(api, 'demo-senior-leader')).find((d) => d.id === pr)).toMatchObject({ access: 'editor', canManage: true });
    expect((await rename(api, 'demo-senior-leader', pr, { cy: '', en: 'Spring peer review' })).status).toBe(200);
    expect((await post(api, 'demo-headteacher', `/api/documents/${pr}/archive`)).status).toBe(200);
    expect(await auditActions(api, 'demo-headteacher', pr)).toEqual(expect.arrayContaining(['renamed', 'archived']));
    expect(await auditActions(api, 'demo-senior-leader', pr)).toEqual(expect.arrayContaining(['renamed', 'archived']));
    expect((await api.request('demo-reviewer', `/api/audit?documentId=${encodeURIComponent(pr)}`)).status).toBe(403);
  });
});
