import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CloseCode } from '@cydweithio/model';
import { waitFor } from '../sync/helpers/wait';
import { connectAs, startAccessServer, syncedOrRefused, type AccessServer } from './helpers/access-server';
import { countDenials, storedBytesContain, tryEdit, upgradeOutcome } from './helpers/probe';

let ctx: AccessServer;
beforeAll(async () => {
  ctx = await startAccessServer();
});
afterAll(async () => {
  await ctx.close();
});

describe('auth before accept', () => {
  it('A9: a non-member\'s upgrade gets 403 and not one byte; no session is 401; an unknown document is 404', async () => {
    const se = ctx.docOf('self-evaluation');
    const outsider = await upgradeOutcome(`${ctx.server.syncUrl}/${se}`, { cookie: await ctx.cookieOf('demo-reviewer') });
    expect(outsider).toEqual({ status: 403, frames: 0 });
    expect(await upgradeOutcome(`${ctx.server.syncUrl}/${se}`, {})).toEqual({ status: 401, frames: 0 });
    expect(await upgradeOutcome(`${ctx.server.syncUrl}/${se}`, { cookie: 'cyd_session=forged' })).toEqual({ status: 401, frames: 0 });
    const unknown = await upgradeOutcome(`${ctx.server.syncUrl}/self-evaluation:doesnotexist`, { cookie: await ctx.cookieOf('demo-headteacher') });
    expect(unknown).toEqual({ status: 404, frames: 0 });
    expect((await upgradeOutcome(`${ctx.server.syncUrl}/${se}`, { cookie: await ctx.cookieOf('demo-headteacher') })).status).toBe('open');
  });

  it('A8: an upgrade from a foreign Origin is refused with 403 even with a valid session', async () => {
    const se = ctx.docOf('self-evaluation');
    const cookie = await ctx.cookieOf('demo-headteacher');
    expect(await upgradeOutcome(`${ctx.server.syncUrl}/${se}`, { cookie, origin: 'https://evil.example' })).toEqual({ status: 403, frames: 0 });
    expect((await upgradeOutcome(`${ctx.server.syncUrl}/${se}`, { cookie, origin: ctx.server.url })).status).toBe('open');
  });

  it('A9: a governor\'s edit is refused: not stored in SQLite and never seen by another client', async () => {
    const se = ctx.docOf('self-evaluation');
    const headteacher = connectAs(ctx.server, se, await ctx.cookieOf('demo-headteacher'));
    const governor = connectAs(ctx.server, se, await ctx.cookieOf('demo-governor'));
    countDenials(governor);
    try {
      expect(await syncedOrRefused(headteacher)).toBe('synced');
      expect(await syncedOrRefused(governor)).toBe('synced');
      governor.doc.getText('probe').insert(0, 'governor-wrote-this');
      headteacher.doc.getText('probe').insert(0, 'headteacher-wrote-this');
      await waitFor(() => governor.denied > 0, 'permission denied to the governor');
      await waitFor(() => governor.doc.getText('probe').toString().includes('headteacher-wrote-this'), 'governor receives the headteacher\'s edit');
      expect(headteacher.doc.getText('probe').toString()).not.toContain('governor-wrote-this');
      expect(storedBytesContain(ctx.dataDir, se, 'governor-wrote-this')).toBe(false);
      await waitFor(() => storedBytesContain(ctx.dataDir, se, 'headteacher-wrote-this'), 'the headteacher\'s edit on disk');
    } finally {
      headteacher.destroy();
      governor.destroy();
    }
  });

  it('A9: an LA observer\'s edit to a workspace is refused', async () => {
    const ws = ctx.docOf('workspace');
    expect(await tryEdit(ctx.server, ws, await ctx.cookieOf('demo-la-officer'), 'la-officer-edit')).toBe('refused');
    expect(await tryEdit(ctx.server, ws, await ctx.cookieOf('demo-facilitator'), 'facilitator-edit')).toBe('refused');
    expect(storedBytesContain(ctx.dataDir, ws, 'la-officer-edit')).toBe(false);
    expect(await tryEdit(ctx.server, ws, await ctx.cookieOf('demo-convenor'), 'convenor-edit')).toBe('accepted');
  });
});

describe('new documents', () => {
  it('A13: a peer review created through the API opens at once, initialised, for its host and its reviewer', async () => {
    const response = await ctx.api('demo-headteacher', '/api/documents', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ kind: 'peer-review', ownerId: ctx.dataset.cast.primaryId, title: 'Adolygiad y gwanwyn', reviewerIds: ['demo-reviewer'], focus: 'Llais y dysgwr' }),
    });
    expect(response.status).toBe(201);
    const { id } = (await response.json()) as { id: string };
    const reviewer = connectAs(ctx.server, id, await ctx.cookieOf('demo-reviewer'));
    try {
      expect(await syncedOrRefused(reviewer)).toBe('synced');
      await waitFor(() => reviewer.doc.getText('focus').toString() === 'Llais y dysgwr', 'the focus reaches the reviewer');
    } finally {
      reviewer.destroy();
    }
    expect((await upgradeOutcome(`${ctx.server.syncUrl}/${id}`, { cookie: await ctx.cookieOf('demo-la-officer') })).status).toBe(403);
  });
});

describe('the unshared peer review', () => {
  it('A11, A14: the LA officer cannot open it by any path; can after sharing; is disconnected (4403) within a second of unshare', async () => {
    const pr = ctx.docOf('peer-review');
    const cookie = await ctx.cookieOf('demo-la-officer');
    expect((await upgradeOutcome(`${ctx.server.syncUrl}/${pr}`, { cookie })).status).toBe(403);
    expect((await ctx.api('demo-la-officer', `/api/documents/${pr}/export?format=md`)).status).toBe(403);
    expect((await ctx.api('demo-la-officer', `/api/documents/${pr}/readers`)).status).toBe(403);
    const listed = async () => ((await (await ctx.api('demo-la-officer', '/api/documents')).json()) as { documents: { id: string }[] }).documents.map((d) => d.id);
    expect(await listed()).not.toContain(pr);

    expect((await ctx.api('demo-headteacher', `/api/documents/${pr}/share`, { method: 'POST' })).status).toBe(200);
    expect(await listed()).toContain(pr);
    const officer = connectAs(ctx.server, pr, cookie);
    try {
      expect(await syncedOrRefused(officer)).toBe('synced');
      expect(officer.doc.getText('focus').toString().length).toBeGreaterThan(0);

      const unsharedAt = Date.now();
      expect((await ctx.api('demo-headteacher', `/api/documents/${pr}/share`, { method: 'DELETE' })).status).toBe(200);
      await waitFor(() => officer.closes.length > 0, 'the LA socket closed');
      expect(Date.now() - unsharedAt).toBeLessThan(1000);
      expect(officer.closes[0]).toBe(CloseCode.accessRevoked);
    } finally {
      officer.destroy();
    }
    expect((await upgradeOutcome(`${ctx.server.syncUrl}/${pr}`, { cookie })).status).toBe(403);
  });
});

describe('live revocation', () => {
  it('A11: removing a member school closes its staff\'s workspace sockets with 4403', async () => {
    const ws = ctx.docOf('workspace');
    const cluster = ctx.dataset.cast.clusterId;
    const practitioner = connectAs(ctx.server, ws, await ctx.cookieOf('demo-practitioner'));
    const convenor = connectAs(ctx.server, ws, await ctx.cookieOf('demo-convenor'));
    try {
      expect(await syncedOrRefused(practitioner)).toBe('synced');
      expect(await syncedOrRefused(convenor)).toBe('synced');
      const removedAt = Date.now();
      const response = await ctx.api('demo-convenor', `/api/collaboratives/${cluster}/members/${ctx.dataset.cast.primaryId}`, { method: 'DELETE' });
      expect(response.status).toBe(204);
      await waitFor(() => practitioner.closes.length > 0, 'the practitioner\'s socket closed');
      expect(Date.now() - removedAt).toBeLessThan(1000);
      expect(practitioner.closes[0]).toBe(CloseCode.accessRevoked);
      expect(convenor.closes).toEqual([]);
    } finally {
      practitioner.destroy();
      convenor.destroy();
    }
  });
});
