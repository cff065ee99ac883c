import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { rangeInText } from '@cydweithio/model/comments/anchor';
import { commentMentions } from '../src/db/schema/comments';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

const setup = demoApiPerTest();
type Api = Awaited<ReturnType<typeof setup>>;
interface Comment {
  id: string; parentId: string | null; authorId: string; body: string; editedAt: string | null;
  range: { start: string; end: string; quote: string } | null; anchor: string | null;
  mentions: { personId: string; name: string | null }[]; resolvedAt: string | null; resolvedBy: string | null;
}

const path = (docId: string, rest = '') => `/api/documents/${docId}/comments${rest}`;
const send = (api: Api, personId: string, url: string, method: string, body?: unknown) =>
  api.request(personId, url, { method, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
const add = async (api: Api, personId: string, docId: string, body: unknown) => {
  const response = await send(api, personId, path(docId), 'POST', body);
  if (response.status !== 201) throw new Error(`${response.status} ${JSON.stringify(await response.json())}`);
  return ((await response.json()) as { comment: Comment }).comment;
};
const list = async (api: Api, personId: string, docId: string) =>
  ((await (await api.request(personId, path(docId))).json()) as { comments: Comment[] }).comments;
const trail = async (api: Api, docId: string) =>
  ((await (await api.request('demo-headteacher', `/api/audit?documentId=${docId}`)).json()) as { entries: { action: string; detail: Record<string, unknown> }[] }).entries;

/** A real range: two relative positions in a text, as the client makes them. */
function aRange() {
  const doc = new Y.Doc();
  const text = doc.getText('narrative');
  text.insert(0, 'Mae darllen yn gryfder.');
  return rangeInText(text, 4, 11, 'darllen');
}

describe('comment threads', () => {
  it('A100: a reply answers one open thread of the same document; its range is the thread\'s', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const range = aRange();
    const thread = await add(api, 'demo-facilitator', se, { body: 'Sut ydych chi\'n gwybod?', anchor: 'curriculum', range });
    expect(thread).toMatchObject({ parentId: null, anchor: 'curriculum', range });
    const reply = await add(api, 'demo-governor', se, { body: 'Arsylwadau gwersi.', parentId: thread.id, range });
    expect(reply).toMatchObject({ parentId: thread.id, range: null, anchor: null });
    expect((await list(api, 'demo-practitioner', se)).map((c) => c.parentId)).toEqual([null, thread.id]);
    // A28: the listing says what the reader may do, from the policy, so the client offers only that.
    const may = async (personId: string) => ((await (await api.request(personId, path(se))).json()) as { may: unknown }).may;
    expect(await may('demo-governor')).toEqual({ comment: true, edit: false });
    expect(await may('demo-practitioner')).toEqual({ comment: true, edit: true });
    // A reply to a reply, to a comment elsewhere, to nothing; a malformed range.
    expect(await json(await send(api, 'demo-headteacher', path(se), 'POST', { body: 'x', parentId: reply.id }))).toMatchObject({ code: 'comment.not-a-thread' });
    const ws = api.docOf('workspace');
    expect((await send(api, 'demo-convenor', path(ws), 'POST', { body: 'x', parentId: thread.id })).status).toBe(404);
    expect((await send(api, 'demo-headteacher', path(se), 'POST', { body: 'x', parentId: 'nope' })).status).toBe(404);
    expect((await send(api, 'demo-headteacher', path(se), 'POST', { body: 'x', range: { ...range, start: 'AAAA' } })).status).toBe(400);
    expect((await send(api, 'demo-headteacher', path(se), 'POST', { body: 'x', range: { ...range, quote: 'q'.repeat(301) } })).status).toBe(400);
    // Whoever may not comment may not reply either.
    expect((await send(api, 'demo-la-officer', path(se), 'POST', { body: 'x', parentId: thread.id })).status).toBe(403);
    // A resolved thread takes no reply until it is reopened.
    expect((await send(api, 'demo-headteacher', path(se, `/${thread.id}/resolve`), 'POST')).status).toBe(200);
    expect(await json(await send(api, 'demo-governor', path(se), 'POST', { body: 'x', parentId: thread.id }))).toMatchObject({ code: 'comment.thread-resolved' });
    expect(api.commentsChanged.filter((d) => d === se)).toHaveLength(3);
  });

  it('A101: reopening follows P90 (as resolving), is audited, and a reply is neither resolved nor reopened', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const mine = await add(api, 'demo-facilitator', se, { body: 'Cwestiwn' });
    const theirs = await add(api, 'demo-headteacher', se, { body: 'Ateb' });
    const reply = await add(api, 'demo-governor', se, { body: 'Ie', parentId: mine.id });
    for (const c of [mine, theirs]) expect((await send(api, 'demo-headteacher', path(se, `/${c.id}/resolve`), 'POST')).status).toBe(200);
    const before = api.commentsChanged.length;
    const refused = await send(api, 'demo-facilitator', path(se, `/${theirs.id}/reopen`), 'POST');
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ detail: 'self-evaluation.resolve-editor-or-author-only' });
    const own = await send(api, 'demo-facilitator', path(se, `/${mine.id}/reopen`), 'POST');
    expect(((await own.json()) as { comment: Comment }).comment).toMatchObject({ resolvedAt: null, resolvedBy: null });
    expect((await send(api, 'demo-practitioner', path(se, `/${theirs.id}/reopen`), 'POST')).status).toBe(200);
    // Reopening an open thread changes nothing and records nothing.
    expect((await send(api, 'demo-practitioner', path(se, `/${theirs.id}/reopen`), 'POST')).status).toBe(200);
    expect((await trail(api, se)).filter((e) => e.action === 'reopened').map((e) => e.detail)).toEqual([{ commentId: mine.id }, { commentId: theirs.id }]);
    expect(api.commentsChanged.length - before).toBe(2);
    expect(await json(await send(api, 'demo-headteacher', path(se, `/${reply.id}/resolve`), 'POST'))).toMatchObject({ code: 'comment.not-a-thread' });
    expect(await json(await send(api, 'demo-headteacher', path(se, `/${reply.id}/reopen`), 'POST'))).toMatchObject({ code: 'comment.not-a-thread' });
    expect((await send(api, 'demo-la-officer', path(se, `/${mine.id}/reopen`), 'POST')).status).toBe(403);
    expect((await send(api, 'demo-headteacher', path(se, '/nope/reopen'), 'POST')).status).toBe(404);
  });

  it('A102: only the author edits a comment (P91), within the same bounds, audited without its text', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const c = await add(api, 'demo-governor', se, { body: 'Drafft' });
    const refused = await send(api, 'demo-headteacher', path(se, `/${c.id}`), 'PATCH', { body: 'Wedi newid' });
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ code: 'document.forbidden', detail: 'self-evaluation.comment-author-only' });
    expect((await send(api, 'demo-governor', path(se, `/${c.id}`), 'PATCH', { body: 'x'.repeat(4001) })).status).toBe(400);
    expect((await send(api, 'demo-governor', path(se, `/${c.id}`), 'PATCH', { body: '  ' })).status).toBe(400);
    const edited = await send(api, 'demo-governor', path(se, `/${c.id}`), 'PATCH', { body: 'Cyfrinach wedi ei golygu' });
    expect(edited.status).toBe(200);
    expect(((await edited.json()) as { comment: Comment }).comment).toMatchObject({ body: 'Cyfrinach wedi ei golygu', editedAt: expect.any(String) });
    const entries = await trail(api, se);
    expect(entries.filter((e) => e.action === 'comment-edited').map((e) => e.detail)).toEqual([{ commentId: c.id }]);
    expect(JSON.stringify(entries)).not.toContain('Cyfrinach');
    // A workspace's governor reads but does not comment there, so has nothing to edit (P91).
    const ws = api.docOf('workspace');
    const theirs = await add(api, 'demo-convenor', ws, { body: 'Agenda' });
    expect((await send(api, 'demo-governor', path(ws, `/${theirs.id}`), 'PATCH', { body: 'x' })).status).toBe(403);
  });

  it('A103: only the author deletes a comment, and not once others have replied to it', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const lone = await add(api, 'demo-facilitator', se, { body: 'Camgymeriad', mentions: ['demo-governor'] });
    const answered = await add(api, 'demo-facilitator', se, { body: 'Cwestiwn' });
    await add(api, 'demo-headteacher', se, { body: 'Ateb', parentId: answered.id });
    expect(await json(await send(api, 'demo-headteacher', path(se, `/${lone.id}`), 'DELETE'))).toMatchObject({ detail: 'self-evaluation.comment-author-only' });
    expect(await json(await send(api, 'demo-facilitator', path(se, `/${answered.id}`), 'DELETE'))).toMatchObject({ code: 'comment.has-replies' });
    expect((await send(api, 'demo-facilitator', path(se, `/${lone.id}`), 'DELETE')).status).toBe(204);
    expect((await send(api, 'demo-facilitator', path(se, `/${lone.id}`), 'DELETE')).status).toBe(404);
    expect((await list(api, 'demo-headteacher', se)).map((c) => c.id)).not.toContain(lone.id);
    expect(api.db.select().from(commentMentions).where(eq(commentMentions.commentId, lone.id)).all()).toHaveLength(0);
    expect((await trail(api, se)).filter((e) => e.action === 'comment-deleted').map((e) => e.detail)).toEqual([{ commentId: lone.id }]);
  });

  it('A104: a mention names a reader of the document (P92); anyone else is refused, naming them, and nothing is stored', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const c = await add(api, 'demo-headteacher', se, { body: '@Catrin Lewis, beth yw eich barn?', mentions: ['demo-facilitator', 'demo-facilitator', 'demo-governor'] });
    expect(c.mentions.map((m) => m.personId)).toEqual(['demo-facilitator', 'demo-governor']);
    expect(c.mentions[0]?.name).toBe('Catrin Lewis');
    // An LA officer does not read a school's self-evaluation; another school's head neither.
    const refused = await send(api, 'demo-headteacher', path(se), 'POST', { body: 'x', mentions: ['demo-governor', 'demo-la-officer', 'demo-headteacher-secondary', 'nobody'] });
    expect(refused.status).toBe(422);
    const problem = await json(refused);
    expect(problem).toMatchObject({ code: 'comment.mention-not-a-reader', detail: 'self-evaluation.mention-not-a-reader' });
    expect((problem['errors'] as { path: string }[]).map((e) => e.path)).toEqual(['mentions.1', 'mentions.2', 'mentions.3']);
    expect((await list(api, 'demo-headteacher', se))).toHaveLength(1);
    expect((await send(api, 'demo-headteacher', path(se), 'POST', { body: 'x', mentions: Array.from({ length: 11 }, (_, i) => `p${i}`) })).status).toBe(400);
    // Editing replaces the mentions, under the same check.
    expect((await send(api, 'demo-headteacher', path(se, `/${c.id}`), 'PATCH', { body: 'y', mentions: ['demo-la-officer'] })).status).toBe(422);
    const edited = (await (await send(api, 'demo-headteacher', path(se, `/${c.id}`), 'PATCH', { body: 'y', mentions: ['demo-practitioner'] })).json()) as { comment: Comment };
    expect(edited.comment.mentions.map((m) => m.personId)).toEqual(['demo-practitioner']);
    expect((await trail(api, se)).find((e) => e.action === 'commented')?.detail).toEqual({ commentId: c.id, mentions: 'demo-facilitator demo-governor' });
  });

  it('A105: GET /api/mentions lists a person\'s mentions, newest first, since a time, only in documents they may read now', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const pr = api.docOf('peer-review');
    const first = await add(api, 'demo-headteacher', se, { body: 'Gweler yr adran hon', mentions: ['demo-facilitator'] });
    await new Promise((r) => setTimeout(r, 5));
    expect((await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'POST' })).status).toBe(200);
    await add(api, 'demo-reviewer', pr, { body: 'I\'r ALl', mentions: ['demo-la-officer'] });
    const second = await add(api, 'demo-governor', se, { body: 'Ail', mentions: ['demo-facilitator'] });
    const mentions = async (personId: string, query = '') =>
      ((await (await api.request(personId, `/api/mentions${query}`)).json()) as { mentions: { commentId: string; documentId: string; documentTitle: string; authorName: string; body: string }[] }).mentions;
    const facilitator = await mentions('demo-facilitator');
    expect(facilitator.map((m) => m.commentId)).toEqual([second.id, first.id]);
    expect(facilitator[1]).toMatchObject({ documentId: se, authorName: expect.any(String), body: 'Gweler yr adran hon', documentTitle: expect.any(String) });
    const since = (await list(api, 'demo-headteacher', se)).find((c) => c.id === first.id) as unknown as { createdAt: string };
    expect((await mentions('demo-facilitator', `?since=${encodeURIComponent(since.createdAt)}`)).map((m) => m.commentId)).toEqual([second.id]);
    expect(await mentions('demo-governor')).toEqual([]);
    expect((await mentions('demo-la-officer')).map((m) => m.documentId)).toEqual([pr]);
    // The host stops sharing: the officer's mention goes with the access.
    expect((await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'DELETE' })).status).toBe(200);
    expect(await mentions('demo-la-officer')).toEqual([]);
    expect((await api.request('demo-facilitator', '/api/mentions?since=yesterday')).status).toBe(400);
    expect((await api.app.request('http://localhost/api/mentions')).status).toBe(401);
  });

  it('A106: the document listing counts each document\'s open threads', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const a = await add(api, 'demo-headteacher', se, { body: 'Un' });
    await add(api, 'demo-headteacher', se, { body: 'Dau' });
    await add(api, 'demo-governor', se, { body: 'Ateb', parentId: a.id });
    const count = async () => ((await (await api.request('demo-practitioner', '/api/documents')).json()) as { documents: { id: string; openComments: number }[] })
      .documents.find((d) => d.id === se)?.openComments;
    expect(await count()).toBe(2);
    await send(api, 'demo-headteacher', path(se, `/${a.id}/resolve`), 'POST');
    expect(await count()).toBe(1);
    const ws = api.docOf('workspace');
    expect(((await (await api.request('demo-convenor', '/api/documents')).json()) as { documents: { id: string; openComments: number }[] })
      .documents.find((d) => d.id === ws)?.openComments).toBe(0);
  });

  it('A31: erasing a document erases its threads, replies and mentions', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const thread = await add(api, 'demo-governor', se, { body: 'Sylw', mentions: ['demo-headteacher'] });
    await add(api, 'demo-headteacher', se, { body: 'Ateb', parentId: thread.id, mentions: ['demo-governor'] });
    expect((await api.request('demo-headteacher', `/api/documents/${se}`, { method: 'DELETE' })).status).toBe(204);
    expect(api.db.select().from(commentMentions).where(eq(commentMentions.documentId, se)).all()).toHaveLength(0);
  });
});
