import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { comments } from '../src/db/schema/comments';
import { json } from './support/api';
import { demoApiPerTest } from './support/demo-api';

const freshDemoApi = demoApiPerTest();

const setup = freshDemoApi;
type Api = Awaited<ReturnType<typeof setup>>;
type Comment = { id: string; authorId: string; authorName: string | null; anchor: string | null; body: string; resolvedAt: string | null; resolvedBy: string | null };

const post = (api: Api, personId: string, docId: string, body: unknown) =>
  api.request(personId, `/api/documents/${docId}/comments`, { method: 'POST', body: JSON.stringify(body) });
const list = async (api: Api, personId: string, docId: string) =>
  ((await (await api.request(personId, `/api/documents/${docId}/comments`)).json()) as { comments: Comment[] }).comments;
const resolve = (api: Api, personId: string, docId: string, commentId: string) =>
  api.request(personId, `/api/documents/${docId}/comments/${commentId}/resolve`, { method: 'POST' });

describe('comments', () => {
  it('A28: whoever may read lists the comments, oldest first; others are refused as for the document', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    expect((await post(api, 'demo-governor', se, { body: 'Diolch: clir iawn.' })).status).toBe(201);
    expect((await post(api, 'demo-facilitator', se, { body: 'Sut ydych chi\'n gwybod?', anchor: 'curriculum' })).status).toBe(201);
    const seen = await list(api, 'demo-practitioner', se);
    expect(seen.map((c) => [c.authorId, c.anchor])).toEqual([['demo-governor', null], ['demo-facilitator', 'curriculum']]);
    expect(seen[1]).toMatchObject({ authorName: 'Catrin Lewis', resolvedAt: null });
    const officer = await api.request('demo-la-officer', `/api/documents/${se}/comments`);
    expect(officer.status).toBe(403);
    expect(await json(officer)).toMatchObject({ code: 'document.forbidden', detail: 'self-evaluation.no-access' });
    expect((await api.request('demo-headteacher', '/api/documents/self-evaluation:nope123/comments')).status).toBe(404);
  });

  it('A29: adding a comment follows the policy\'s comment action, at most 4,000 characters, audited without its text', async () => {
    const api = await setup();
    const ws = api.docOf('workspace');
    const created = await post(api, 'demo-practitioner', ws, { body: 'Cyfrinach-ddim-yn-y-log', anchor: 'p1' });
    expect(created.status).toBe(201);
    const { comment } = (await created.json()) as { comment: Comment };
    // Member governors and LA officers read a workspace but do not comment (P9).
    for (const id of ['demo-governor', 'demo-la-officer']) {
      const refused = await post(api, id, ws, { body: 'x' });
      expect(refused.status).toBe(403);
      expect(await json(refused)).toMatchObject({ code: 'document.forbidden', detail: 'workspace.comment-not-permitted' });
    }
    expect((await post(api, 'demo-convenor', ws, { body: 'x'.repeat(4001) })).status).toBe(400);
    expect((await post(api, 'demo-convenor', ws, { body: '   ' })).status).toBe(400);
    expect((await post(api, 'demo-convenor', ws, { body: 'ok', anchor: 'not an id!' })).status).toBe(400);
    expect((await post(api, 'demo-convenor', ws, { body: 'x'.repeat(4000) })).status).toBe(201);
    const trail = (await (await api.request('demo-convenor', `/api/audit?documentId=${ws}`)).json()) as { entries: { action: string; detail: unknown }[] };
    expect(trail.entries.filter((e) => e.action === 'commented')[0]?.detail).toEqual({ commentId: comment.id });
    expect(JSON.stringify(trail)).not.toContain('Cyfrinach');
  });

  it('A30: an editor resolves any comment; an author who may not edit resolves only their own', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    const idOf = async (response: Response) => ((await response.json()) as { comment: Comment }).comment.id;
    const fromFacilitator = await idOf(await post(api, 'demo-facilitator', se, { body: 'Cwestiwn' }));
    const fromHead = await idOf(await post(api, 'demo-headteacher', se, { body: 'Ateb' }));
    const refused = await resolve(api, 'demo-facilitator', se, fromHead);
    expect(refused.status).toBe(403);
    expect(await json(refused)).toMatchObject({ detail: 'self-evaluation.resolve-editor-or-author-only' });
    const own = await resolve(api, 'demo-facilitator', se, fromFacilitator);
    expect(own.status).toBe(200);
    expect(((await own.json()) as { comment: Comment }).comment).toMatchObject({ resolvedBy: 'demo-facilitator' });
    expect((await resolve(api, 'demo-practitioner', se, fromHead)).status).toBe(200);
    // Resolving again keeps the first resolution.
    const again = (await (await resolve(api, 'demo-headteacher', se, fromHead)).json()) as { comment: Comment };
    expect(again.comment.resolvedBy).toBe('demo-practitioner');
    expect((await resolve(api, 'demo-headteacher', se, 'no-such-comment')).status).toBe(404);
    expect((await resolve(api, 'demo-la-officer', se, fromHead)).status).toBe(403);
  });

  it('A31: a peer review\'s comments follow its access: the LA reads them only while shared, and never adds one', async () => {
    const api = await setup();
    const pr = api.docOf('peer-review');
    expect((await post(api, 'demo-reviewer', pr, { body: 'Cryfder: darllen' })).status).toBe(201);
    const hidden = await api.request('demo-la-officer', `/api/documents/${pr}/comments`);
    expect(hidden.status).toBe(403);
    expect(await json(hidden)).toMatchObject({ detail: 'peer-review.not-shared-with-la' });
    expect((await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'POST' })).status).toBe(200);
    expect((await list(api, 'demo-la-officer', pr)).map((c) => c.body)).toEqual(['Cryfder: darllen']);
    expect((await post(api, 'demo-facilitator', pr, { body: 'x' })).status).toBe(403);
    expect((await api.request('demo-headteacher', `/api/documents/${pr}/share`, { method: 'DELETE' })).status).toBe(200);
    expect((await api.request('demo-la-officer', `/api/documents/${pr}/comments`)).status).toBe(403);
    // A practitioner of the host school who is not named as a reviewer sees nothing (P5).
    expect((await api.request('demo-practitioner', `/api/documents/${pr}/comments`)).status).toBe(403);
  });

  it('A31: erasing a document erases its comments', async () => {
    const api = await setup();
    const se = api.docOf('self-evaluation');
    expect((await post(api, 'demo-governor', se, { body: 'Sylw' })).status).toBe(201);
    expect(api.db.select().from(comments).where(eq(comments.documentId, se)).all()).toHaveLength(1);
    expect((await api.request('demo-headteacher', `/api/documents/${se}`, { method: 'DELETE' })).status).toBe(204);
    expect(api.db.select().from(comments).where(eq(comments.documentId, se)).all()).toHaveLength(0);
    expect((await api.request('demo-headteacher', `/api/documents/${se}/comments`)).status).toBe(404);
  });
});
