import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { sql as raw } from 'drizzle-orm';
import { peerReview, setParagraphs, workspace } from '@cydweithio/model/docs/index';
import { docText } from '../src/db/schema/activity';
import { docSnapshots, docUpdates } from '../src/db/schema/documents';
import { manualClock } from './support/clock';
import { demoApiPerTest, type DemoApi } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

/**
 * The stored update log as the sync core writes it: each demo document's seeded state as the
 * server's own write, then edits made on a copy, each row under its author.
 */
async function withLog() {
  const clock = manualClock(Date.parse('2027-01-10T09:00:00Z'));
  const api = await freshDemoApi({ clock });
  const copies = new Map<string, Y.Doc>();
  const append = async (docId: string, update: Uint8Array, author: string | null) => {
    const last = await api.sql.one((db) => db.select({ seq: raw<number>`max(${docUpdates.seq})` }).from(docUpdates).where(raw`${docUpdates.docId} = ${docId}`));
    await api.sql.run((db) => db.insert(docUpdates).values({ docId, seq: (last?.seq ?? 0) + 1, update: Buffer.from(update), createdAt: new Date(clock()), author }));
  };
  for (const demo of api.dataset.documents) {
    const seeded = await api.sync.getDoc?.(demo.record.id);
    if (!seeded) throw new Error('the fake sync core serves every demo document');
    const copy = new Y.Doc();
    const state = Y.encodeStateAsUpdate(seeded);
    Y.applyUpdate(copy, state);
    copies.set(demo.record.id, copy);
    await append(demo.record.id, state, null);
  }
  /** One person's edit of a document, committed to the log under their name. */
  const edit = async (docId: string, author: string, change: (doc: Y.Doc) => void) => {
    const doc = copies.get(docId);
    if (!doc) throw new Error(`no copy of ${docId}`);
    const before = Y.encodeStateVector(doc);
    change(doc);
    await append(docId, Y.encodeStateAsUpdate(doc, before), author);
  };
  await api.layer.deriver.catchUp();
  const search = async (person: string, q: string) => {
    const response = await api.request(person, `/api/search?q=${encodeURIComponent(q)}`);
    expect(response.status).toBe(200);
    return ((await response.json()) as { results: { id: string; section: { en: string } | null; snippet: string | null }[] }).results;
  };
  const look = async (person: string, docId: string) => {
    const response = await api.request(person, `/api/documents/${docId}/look`, { method: 'POST' });
    return { status: response.status, body: (await response.json()) as { lastLookedAt: string | null; changes: { section: { cy: string; en: string }; person: { id: string; name: string }; at: string }[] } };
  };
  /** What compaction does: the log folded into one snapshot of the copy's state, the rows gone. */
  const compact = async (docId: string) => {
    const doc = copies.get(docId);
    const last = await api.sql.one((db) => db.select({ seq: raw<number>`max(${docUpdates.seq})` }).from(docUpdates).where(raw`${docUpdates.docId} = ${docId}`));
    if (!doc || !last) throw new Error(`nothing to compact for ${docId}`);
    await api.sql.run((db) => db.delete(docUpdates).where(raw`${docUpdates.docId} = ${docId}`));
    await api.sql.run((db) => db.insert(docSnapshots).values({ docId, state: Buffer.from(Y.encodeStateAsUpdate(doc)), seq: last.seq, updatedAt: new Date(clock()) })
      .onConflictDoUpdate({ target: docSnapshots.docId, set: { state: Buffer.from(Y.encodeStateAsUpdate(doc)), seq: last.seq, updatedAt: new Date(clock()) } }));
  };
  return { api, clock, edit, search, look, compact };
}

const shareWith = (api: DemoApi, review: string, personId: string) =>
  api.request('demo-headteacher', `/api/peer-reviews/${review}/shares`, { method: 'POST', body: JSON.stringify({ type: 'person', id: personId }) });

describe('search', () => {
  it('A120: a searcher whose words match an unshared peer review of another school gets nothing from it; once the host shares it with them, they find it', async () => {
    const { api, edit, search } = await withLog();
    const review = api.docOf('peer-review');
    await edit(review, 'demo-headteacher', (doc) => peerReview(doc).focus().insert(0, 'Cyfrinach llyfrgell y Gŵyr. '));
    await api.layer.deriver.catchUp();
    // The host's own staff find it, with the section and the words around the match.
    const found = await search('demo-headteacher', 'gwyr llyfrgell');
    expect(found.map((r) => r.id)).toEqual([review]);
    expect(found[0]?.section?.en).toBe('Focus');
    expect(found[0]?.snippet).toContain('Cyfrinach llyfrgell y Gŵyr.');
    // A headteacher of another school in another LA, and the host's LA officer (not shared with the LA): nothing.
    for (const person of ['demo-reviewer-other-la', 'demo-la-officer', 'demo-headteacher-secondary']) expect([person, await search(person, 'gwyr llyfrgell')]).toEqual([person, []]);
    // Nor by its title.
    const title = api.dataset.documents.find((d) => d.record.id === review)?.record.title ?? '';
    expect((await search('demo-reviewer-other-la', title)).map((r) => r.id)).not.toContain(review);
    expect((await shareWith(api, review, 'demo-reviewer-other-la')).status).toBe(201);
    expect((await search('demo-reviewer-other-la', 'gwyr llyfrgell')).map((r) => r.id)).toEqual([review]);
  });

  it('A120: the query is bounded and checked: too short, too long or with unknown fields is refused', async () => {
    const { api } = await withLog();
    for (const query of ['q=a', `q=${'x'.repeat(201)}`, 'q=darllen&limit=500', 'q=darllen&order=title', '']) {
      expect([query, (await api.request('demo-headteacher', `/api/search?${query}`)).status]).toEqual([query, 400]);
    }
    expect((await api.app.request('http://localhost/api/search?q=darllen')).status).toBe(401);
  });

  it('A121: the text searched follows the stored log: a word added is found after the next pass, a word removed no longer is', async () => {
    const { api, edit, search } = await withLog();
    const doc = api.docOf('workspace');
    await edit(doc, 'demo-convenor', (d) => workspace(d).priorities()[0]?.successCriteria.insert(0, 'Pontio-llyfrau '));
    expect(await search('demo-convenor', 'pontio-llyfrau')).toEqual([]);
    await api.layer.deriver.catchUp();
    expect((await search('demo-convenor', 'pontio-llyfrau')).map((r) => r.id)).toEqual([doc]);
    await edit(doc, 'demo-convenor', (d) => workspace(d).priorities()[0]?.successCriteria.delete(0, 'Pontio-llyfrau '.length));
    await api.layer.deriver.catchUp();
    expect(await search('demo-convenor', 'pontio-llyfrau')).toEqual([]);
  });
});

describe('compaction before a pass', () => {
  it('A121: updates folded into the snapshot before the deriver read them are still searched, and their change given to the document\'s last author', async () => {
    const { api, clock, edit, search, look, compact } = await withLog();
    const review = api.docOf('peer-review');
    await look('demo-senior-leader', review);
    clock.advance(60_000);
    await edit(review, 'demo-headteacher', (doc) => peerReview(doc).focus().insert(0, 'Cyntaf. '));
    await api.layer.deriver.catchUp();
    clock.advance(60_000);
    // Typed on and compacted at once: the deriver never sees these rows.
    await edit(review, 'demo-headteacher', (doc) => setParagraphs(peerReview(doc).section('strengths'), ['Cryfder-cudd']));
    await compact(review);
    await api.layer.deriver.catchUp();
    expect((await search('demo-headteacher', 'cryfder-cudd')).map((r) => r.id)).toEqual([review]);
    expect((await look('demo-senior-leader', review)).body.changes.map((c) => [c.person.id, c.section.en])).toEqual([
      ['demo-headteacher', 'Strengths'], ['demo-headteacher', 'Focus'],
    ]);
  });
});

describe('since you last looked', () => {
  it('A122, A123: each update is stored under its author; opening the document shows who changed which section since the last look, never your own edits', async () => {
    const { api, clock, edit, look } = await withLog();
    const review = api.docOf('peer-review');
    expect((await look('demo-senior-leader', review)).body.lastLookedAt).toBeNull();
    clock.advance(60_000);
    await edit(review, 'demo-headteacher', (doc) => peerReview(doc).focus().insert(0, 'Ffocws newydd. '));
    await api.layer.deriver.catchUp();
    const authors = await api.sql.all((db) => db.select({ author: docUpdates.author }).from(docUpdates).where(raw`${docUpdates.docId} = ${review}`));
    expect(authors.map((a) => a.author)).toEqual([null, 'demo-headteacher']);
    clock.advance(60_000);
    const seen = await look('demo-senior-leader', review);
    expect(seen.status).toBe(200);
    expect(seen.body.lastLookedAt).toBe('2027-01-10T09:00:00.000Z');
    expect(seen.body.changes).toEqual([{ section: { cy: 'Ffocws', en: 'Focus' }, sectionKey: 'Focus', person: { id: 'demo-headteacher', name: 'Elin Davies' }, firstAt: '2027-01-10T09:01:00.000Z', at: '2027-01-10T09:01:00.000Z' }]);
    // Looked at now: nothing new since.
    expect((await look('demo-senior-leader', review)).body.changes).toEqual([]);
    // The author does not see their own edit as news.
    expect((await look('demo-headteacher', review)).body.changes).toEqual([]);
  });

  it('A123: one person\'s edits to one section within a quarter of an hour are one change; later, another', async () => {
    const { api, clock, edit, look } = await withLog();
    const review = api.docOf('peer-review');
    await look('demo-senior-leader', review);
    for (const minutes of [1, 5, 10, 40]) {
      clock.advance(minutes * 60_000);
      await edit(review, 'demo-headteacher', (doc) => peerReview(doc).focus().insert(0, `${minutes} `));
      await api.layer.deriver.catchUp();
    }
    const { changes } = (await look('demo-senior-leader', review)).body;
    expect(changes.map((c) => c.at)).toEqual(['2027-01-10T09:56:00.000Z', '2027-01-10T09:16:00.000Z']);
  });

  it('A124: only those who may read the document see its changes or record a look', async () => {
    const { api, look } = await withLog();
    const review = api.docOf('peer-review');
    for (const person of ['demo-reviewer-other-la', 'demo-la-officer', 'demo-governor-secondary']) {
      const { status } = await look(person, review);
      expect([person, status]).toEqual([person, 403]);
    }
    expect((await look('demo-headteacher', 'unknown-doc')).status).toBe(404);
  });
});

describe('the home feed', () => {
  it('A125: changes by others and actions due in the documents the person may read; nothing from documents they may not', async () => {
    const { api, clock, edit } = await withLog();
    const review = api.docOf('peer-review');
    const ws = api.docOf('workspace');
    await edit(review, 'demo-headteacher', (doc) => peerReview(doc).focus().insert(0, 'Nodyn. '));
    await edit(ws, 'demo-convenor', (doc) => {
      const w = workspace(doc);
      const priority = w.priorities()[0];
      if (priority) w.addAction(priority.actions, { id: 'feed-a1', description: 'Rhannu’r cynllun pontio', ownerName: 'Elin Davies', due: '2027-01-15', done: false });
    });
    clock.advance(60_000);
    await api.layer.deriver.catchUp();
    const feed = async (person: string) => (await (await api.request(person, '/api/feed')).json()) as {
      changes: { document: { id: string }; person: { id: string }; section: { en: string }; unseen: boolean }[];
      actions: { id: string; mine: boolean; flag: string; document: { id: string } }[];
    };
    const senior = await feed('demo-senior-leader');
    expect(senior.changes.find((c) => c.document.id === review)).toMatchObject({ person: { id: 'demo-headteacher' }, section: { en: 'Focus' }, unseen: true });
    const head = await feed('demo-headteacher');
    expect(head.changes.some((c) => c.person.id === 'demo-headteacher')).toBe(false);
    expect(head.actions.find((a) => a.id === 'feed-a1')).toMatchObject({ mine: true, flag: 'due-soon', document: { id: ws } });
    const outsider = await feed('demo-reviewer-other-la');
    expect(outsider.changes.some((c) => c.document.id === review)).toBe(false);
    expect(outsider.actions.some((a) => a.document.id === ws)).toBe(false);
  });

  it('A128: a mention in a comment appears in the mentioned person\'s feed, and in nobody else\'s', async () => {
    const { api } = await withLog();
    const se = api.docOf('self-evaluation');
    const added = await api.request('demo-headteacher', `/api/documents/${se}/comments`, { method: 'POST', body: JSON.stringify({ body: '@Catrin Lewis, beth yw eich barn am y dystiolaeth?', mentions: ['demo-facilitator'] }) });
    expect(added.status).toBe(201);
    const mentionsOf = async (person: string) => ((await (await api.request(person, '/api/feed')).json()) as { mentions: { document: { id: string }; by: { id: string; name: string }; excerpt: string }[] }).mentions;
    expect(await mentionsOf('demo-facilitator')).toEqual([expect.objectContaining({
      document: expect.objectContaining({ id: se }), by: { id: 'demo-headteacher', name: 'Elin Davies' }, excerpt: '@Catrin Lewis, beth yw eich barn am y dystiolaeth?',
    })]);
    expect(await mentionsOf('demo-senior-leader')).toEqual([]);
    expect(await mentionsOf('demo-headteacher')).toEqual([]);
  });

  it('A126: erasing a document takes its searchable text, changes and looks with it', async () => {
    const { api, edit, look } = await withLog();
    const review = api.docOf('peer-review');
    await edit(review, 'demo-headteacher', (doc) => peerReview(doc).focus().insert(0, 'Dileu. '));
    await api.layer.deriver.catchUp();
    await look('demo-senior-leader', review);
    expect(await api.sql.all((db) => db.select().from(docText).where(raw`${docText.docId} = ${review}`))).toHaveLength(1);
    expect((await api.request('demo-headteacher', `/api/documents/${review}`, { method: 'DELETE' })).status).toBe(204);
    for (const table of ['doc_text', 'doc_changes', 'doc_looks']) {
      const rows = await api.sql.all((db) => db.select({ n: raw<number>`count(*)` }).from(raw.raw(table)).where(raw`doc_id = ${review}`));
      expect([table, Number(rows[0]?.n)]).toEqual([table, 0]);
    }
  });
});
