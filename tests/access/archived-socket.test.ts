import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../sync/helpers/wait';
import { connectAs, startAccessServer, syncedOrRefused, type AccessServer } from './helpers/access-server';
import { countDenials, storedBytesContain, tryEdit } from './helpers/probe';

let ctx: AccessServer;
beforeAll(async () => {
  ctx = await startAccessServer();
});
afterAll(async () => {
  await ctx.close();
});

const post = async (personId: string, path: string) => (await ctx.api(personId, path, { method: 'POST' })).status;

describe('an archived document at the socket', () => {
  it('A113: archiving turns an open editor\'s socket read-only at once (refused, never stored or broadcast); a new socket is read-only too; restoring gives writing back', async () => {
    const ws = ctx.docOf('workspace');
    const convenor = connectAs(ctx.server, ws, await ctx.cookieOf('demo-convenor'));
    const leader = connectAs(ctx.server, ws, await ctx.cookieOf('demo-headteacher'));
    countDenials(convenor);
    try {
      expect(await syncedOrRefused(convenor)).toBe('synced');
      expect(await syncedOrRefused(leader)).toBe('synced');
      convenor.doc.getText('probe').insert(0, 'before-archive ');
      await waitFor(() => leader.doc.getText('probe').toString().includes('before-archive'), 'an edit while open reaches the other client');

      expect(await post('demo-convenor', `/api/documents/${ws}/archive`)).toBe(200);
      convenor.doc.getText('probe').insert(0, 'while-archived ');
      await waitFor(() => convenor.denied > 0, 'permission denied on the open socket');
      expect(leader.doc.getText('probe').toString()).not.toContain('while-archived');
      expect(storedBytesContain(ctx.dataDir, ws, 'while-archived')).toBe(false);
      // A socket opened now, by the owner or an editor, is a reader's.
      expect(await tryEdit(ctx.server, ws, await ctx.cookieOf('demo-convenor'), 'new-socket-archived')).toBe('refused');
      expect(await tryEdit(ctx.server, ws, await ctx.cookieOf('demo-senior-leader'), 'editor-archived')).toBe('refused');
      expect(storedBytesContain(ctx.dataDir, ws, 'new-socket-archived')).toBe(false);

      expect(await post('demo-convenor', `/api/documents/${ws}/restore`)).toBe(200);
      leader.doc.getText('probe').insert(0, 'after-restore ');
      await waitFor(() => storedBytesContain(ctx.dataDir, ws, 'after-restore'), 'the restored editor\'s edit on disk');
      await waitFor(() => convenor.doc.getText('probe').toString().includes('after-restore'), 'and broadcast');
      expect(await tryEdit(ctx.server, ws, await ctx.cookieOf('demo-convenor'), 'owner-after-restore')).toBe('accepted');
    } finally {
      convenor.destroy();
      leader.destroy();
    }
  });

  it('A110: a rename reaches the live document\'s meta on an open socket', async () => {
    const se = ctx.docOf('self-evaluation');
    const governor = connectAs(ctx.server, se, await ctx.cookieOf('demo-governor'));
    try {
      expect(await syncedOrRefused(governor)).toBe('synced');
      const response = await ctx.api('demo-headteacher', `/api/documents/${se}`, {
        method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ titles: { cy: 'Hunanwerthuso newydd', en: 'New self-evaluation' } }),
      });
      expect(response.status).toBe(200);
      await waitFor(() => governor.doc.getMap('meta').get('title') === 'Hunanwerthuso newydd', 'the new title reaches the reader');
    } finally {
      governor.destroy();
    }
  });
});
