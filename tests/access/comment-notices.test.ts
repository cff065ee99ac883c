/**
 * A107: a change to a document's comments is pushed over the document's own socket, as message
 * type 5 with no payload, only to sockets that asked with `?comments=1`; a stock y-websocket
 * client that did not ask never sees it and keeps syncing. Through the real server.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMENTS_PARAM, MessageType } from '@cydweithio/model';
import { waitFor } from '../sync/helpers/wait';
import { connectAs, startAccessServer, syncedOrRefused, type AccessServer, type SignedInClient } from './helpers/access-server';

let ctx: AccessServer;
beforeAll(async () => {
  ctx = await startAccessServer();
});
afterAll(async () => {
  await ctx.close();
});

/** Counts the comment notices a client's socket receives (and any payload they carry). */
function countNotices(client: SignedInClient): { count: number; payloadBytes: number } {
  const seen = { count: 0, payloadBytes: 0 };
  client.provider.messageHandlers[MessageType.commentsChanged] = (_encoder, decoder) => {
    seen.count += 1;
    seen.payloadBytes += decoder.arr.length - decoder.pos;
  };
  return seen;
}

describe('comment notices on the document socket', () => {
  it('A107: adding, replying, resolving and reopening reach every socket that asked, at once; others get nothing', async () => {
    const se = ctx.docOf('self-evaluation');
    const asking = connectAs(ctx.server, se, await ctx.cookieOf('demo-headteacher'));
    asking.provider.disconnect();
    asking.provider.params = { [COMMENTS_PARAM]: '1' };
    asking.provider.connect();
    // The governor only reads the document: the notice needs no write to it (ACCESS.md A107).
    const viewerAsking = connectAs(ctx.server, se, await ctx.cookieOf('demo-governor'));
    viewerAsking.provider.disconnect();
    viewerAsking.provider.params = { [COMMENTS_PARAM]: '1' };
    viewerAsking.provider.connect();
    const stock = connectAs(ctx.server, se, await ctx.cookieOf('demo-practitioner'));
    try {
      for (const c of [asking, viewerAsking, stock]) expect(await syncedOrRefused(c)).toBe('synced');
      const [a, v, s] = [countNotices(asking), countNotices(viewerAsking), countNotices(stock)];
      const post = async (personId: string, path: string, body?: unknown) => {
        const response = await ctx.api(personId, `/api/documents/${se}/comments${path}`, { method: 'POST', ...(body ? { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } } : {}) });
        expect(response.ok).toBe(true);
        return (await response.json()) as { comment: { id: string } };
      };
      const { comment } = await post('demo-governor', '', { body: 'Cwestiwn' });
      await waitFor(() => a.count === 1 && v.count === 1, 'the notice of the new comment');
      await post('demo-headteacher', '', { body: 'Ateb', parentId: comment.id });
      await post('demo-headteacher', `/${comment.id}/resolve`);
      await post('demo-governor', `/${comment.id}/reopen`);
      await waitFor(() => a.count === 4 && v.count === 4, 'a notice per change');
      expect(a.payloadBytes + v.payloadBytes).toBe(0);
      // The stock client got none, and still syncs edits.
      stock.doc.getText('probe').insert(0, 'still here');
      await waitFor(() => asking.doc.getText('probe').toString() === 'still here', 'the stock client\'s edit');
      expect(s.count).toBe(0);
    } finally {
      for (const c of [asking, viewerAsking, stock]) c.destroy();
    }
  });
});
