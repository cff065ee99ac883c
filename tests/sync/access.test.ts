import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import * as decoding from 'lib0/decoding';
import { CloseCode, MessageType } from '@cydweithio/model';
import type { ConnectionAuthorizer, DocAccess } from '@cydweithio/sync-server/sync/access';
import { createOpenTestAuthorizer, openAuthorizer } from '@cydweithio/sync-server/sync/open-authorizer';
import { connectClient, synced, textOf } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer, storedRows } from './helpers/server';
import { sleep, waitFor } from './helpers/wait';

function permissionDeniedReason(payload: Uint8Array): string {
  const decoder = decoding.createDecoder(payload);
  expect(decoding.readVarUint(decoder)).toBe(0); // y-protocols auth: messagePermissionDenied
  return decoding.readVarString(decoder);
}

async function upgradeStatus(url: string): Promise<number | 'open'> {
  const raw = new RawClient(url);
  try {
    await raw.opened();
    raw.close();
    return 'open';
  } catch (error) {
    return Number((error as Error).message.replace('HTTP ', ''));
  }
}

describe('access on the socket', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  async function serverWith(authorizer: ConnectionAuthorizer = openAuthorizer) {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir, { authorizer });
    cleanups.push(() => server.close());
    return { server, dataDir: data.dir };
  }

  it('S1, S2: a refused or invalid upgrade gets a plain HTTP status and no socket', async () => {
    const refused = newDocId();
    const { server } = await serverWith(createOpenTestAuthorizer({ refuseDocIds: [refused] }));
    expect(await upgradeStatus(`${server.syncUrl}/${refused}`)).toBe(403);
    expect(await upgradeStatus(`${server.syncUrl}/not-a-doc-id`)).toBe(404);
    expect(await upgradeStatus(`${server.url.replace('http', 'ws')}/elsewhere/${newDocId()}`)).toBe(404);
    expect(server.sync.connectionCount()).toBe(0);
    expect(server.sync.residentCount()).toBe(0);
    expect(await upgradeStatus(`${server.syncUrl}/${newDocId()}`)).toBe('open');
  });

  it('S7: a viewer’s update is refused with the auth message, never applied, stored or broadcast', async () => {
    const { server, dataDir } = await serverWith();
    const docId = newDocId();
    const editor = connectClient(server.syncUrl, docId, { name: 'Editor' });
    cleanups.push(() => editor.destroy());
    await synced(editor);
    editor.doc.getText('t').insert(0, 'by the editor');
    await waitFor(() => editor.saved(), 'editor saved');
    const rowsBefore = storedRows(dataDir).updates;

    const viewer = new RawClient(`${server.syncUrl}/${docId}?name=Viewer&access=viewer`);
    cleanups.push(() => viewer.close());
    await viewer.opened();
    const viewerDoc = new Y.Doc();
    viewer.sendSyncStep1(viewerDoc);
    await waitFor(() => viewer.of(MessageType.sync, 1).length === 1, 'viewer reads');
    Y.applyUpdate(viewerDoc, viewer.of(MessageType.sync, 1)[0]!.payload);
    expect(viewerDoc.getText('t').toString()).toBe('by the editor');
    // Its answer to our step 1 adds nothing: not a write, no refusal.
    viewer.sendSyncStep2(Y.encodeStateAsUpdate(viewerDoc, Y.encodeStateVector(viewerDoc)));
    const updates: Uint8Array[] = [];
    viewerDoc.on('update', (update: Uint8Array) => updates.push(update));
    viewerDoc.getText('t').insert(0, 'VIEWER WAS HERE ');
    viewer.sendUpdate(updates[0]!);
    viewer.sendSyncStep2(Y.encodeStateAsUpdate(viewerDoc));
    await waitFor(() => viewer.of(MessageType.auth).length === 2, 'two refusals');
    expect(permissionDeniedReason(viewer.of(MessageType.auth)[0]!.payload)).toMatch(/permission denied/);

    await sleep(100);
    expect(textOf(editor)).toBe('by the editor');
    expect((await server.sync.getDoc(docId)).getText('t').toString()).toBe('by the editor');
    expect(storedRows(dataDir).updates).toBe(rowsBefore);
    expect(viewer.closeCode).toBeUndefined(); // refused, not disconnected: it may keep reading
  });

  it('S3: recheck closes sockets that lost access with accessRevoked and downgrades the rest', async () => {
    const verdicts = new Map<string, DocAccess | null>();
    const authorizer: ConnectionAuthorizer = {
      authorize: openAuthorizer.authorize,
      recheck: async (identity) => (verdicts.has(identity.personId) ? verdicts.get(identity.personId)! : 'editor'),
    };
    const { server } = await serverWith(authorizer);
    const docId = newDocId();
    const gone = new RawClient(`${server.syncUrl}/${docId}?person=p-gone`);
    const downgraded = new RawClient(`${server.syncUrl}/${docId}?person=p-down`);
    const kept = new RawClient(`${server.syncUrl}/${docId}?person=p-kept`);
    cleanups.push(() => [gone, downgraded, kept].forEach((c) => c.close()));
    await Promise.all([gone.opened(), downgraded.opened(), kept.opened()]);
    await waitFor(() => server.sync.connectionCount() === 3, 'three sockets');
    verdicts.set('p-gone', null);
    verdicts.set('p-down', 'viewer');
    expect(await server.sync.recheck({ docIds: [docId] })).toEqual({ checked: 3, revoked: 1 });
    expect(await gone.closed()).toBe(CloseCode.accessRevoked);

    const edit = new Y.Doc();
    edit.getText('t').insert(0, 'after downgrade');
    downgraded.sendUpdate(Y.encodeStateAsUpdate(edit));
    await waitFor(() => downgraded.of(MessageType.auth).length === 1, 'downgraded socket refused');
    expect(kept.closeCode).toBeUndefined();
  });
});
