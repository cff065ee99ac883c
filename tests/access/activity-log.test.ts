import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { peerReview } from '@cydweithio/model/docs/index';
import { waitFor } from '../sync/helpers/wait';
import { connectAs, startAccessServer, syncedOrRefused, type AccessServer } from './helpers/access-server';

let ctx: AccessServer;
beforeAll(async () => {
  ctx = await startAccessServer();
});
afterAll(async () => {
  await ctx.close();
});

const searchIds = async (person: string, q: string): Promise<string[]> => {
  const response = await ctx.api(person, `/api/search?q=${encodeURIComponent(q)}`);
  return ((await response.json()) as { results: { id: string }[] }).results.map((r) => r.id);
};

describe('what the real server derives from its update log', () => {
  it('A122, A121, A120: an edit over the socket is stored under the signed-in person, found by the host\'s staff after the next pass, and by nobody outside', async () => {
    const review = ctx.docOf('peer-review');
    await ctx.api('demo-senior-leader', `/api/documents/${review}/look`, { method: 'POST' });
    const head = connectAs(ctx.server, review, await ctx.cookieOf('demo-headteacher'));
    try {
      expect(await syncedOrRefused(head)).toBe('synced');
      peerReview(head.doc).focus().insert(0, 'Arsylwadau-cyfrinachol ');
      await waitFor(async () => (await searchIds('demo-headteacher', 'arsylwadau-cyfrinachol')).includes(review), 'the host finds the new words');
    } finally {
      head.destroy();
    }
    const rows = ctx.database.sqlite.prepare('SELECT DISTINCT author FROM doc_updates WHERE doc_id = ?').all(review) as { author: string | null }[];
    const authors = new Set(rows.map((r) => r.author));
    expect(authors.has('demo-headteacher')).toBe(true);
    for (const person of ['demo-reviewer-other-la', 'demo-la-officer', 'demo-headteacher-secondary']) {
      expect([person, await searchIds(person, 'arsylwadau-cyfrinachol')]).toEqual([person, []]);
    }
    const looked = (await (await ctx.api('demo-senior-leader', `/api/documents/${review}/look`, { method: 'POST' })).json()) as { changes: { person: { id: string }; section: { en: string } }[] };
    expect(looked.changes).toEqual([expect.objectContaining({ person: expect.objectContaining({ id: 'demo-headteacher' }), section: { cy: 'Ffocws', en: 'Focus' } })]);
  });
});
