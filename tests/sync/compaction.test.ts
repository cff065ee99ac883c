import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@cydweithio/model';
import { SqliteDocStore } from '@cydweithio/sync-server/storage/sqlite-doc-store';
import { shouldCompact } from '@cydweithio/sync-server/storage/compaction';
import { connectClient, synced, textOf } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer, storedRows } from './helpers/server';
import { waitFor } from './helpers/wait';

async function docOnDisk(dataDir: string, docId: string): Promise<Y.Doc> {
  const store = SqliteDocStore.open(dataDir);
  try {
    const stored = await store.load(docId);
    const doc = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
    stored.updates.forEach((update) => Y.applyUpdate(doc, update));
    return doc;
  } finally {
    await store.close();
  }
}

describe('compaction and size limits', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('S14: the rule compacts only when the log outweighs the snapshot and has enough updates', () => {
    expect(shouldCompact({ logBytes: 5_000, logCount: 100, snapshotBytes: 4_000 }, 64)).toBe(true);
    expect(shouldCompact({ logBytes: 3_000, logCount: 100, snapshotBytes: 4_000 }, 64)).toBe(false);
    expect(shouldCompact({ logBytes: 5_000, logCount: 10, snapshotBytes: 0 }, 64)).toBe(false);
  });

  it('S14: the state after compaction equals the state from the raw log', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const docId = newDocId();
    // Phase 1: no compaction, so the disk holds the raw log.
    let server = await startTestServer(data.dir, { compactionMinUpdates: Number.MAX_SAFE_INTEGER });
    const client = connectClient(server.syncUrl, docId, { name: 'Writer' });
    await synced(client);
    for (let i = 0; i < 80; i += 1) {
      client.doc.getText('t').insert(client.doc.getText('t').length, `line ${i}\n`);
      if (i % 9 === 0) client.doc.getText('t').delete(0, 2);
      if (i % 13 === 0) client.doc.getMap('m').set('k', i);
    }
    await waitFor(() => client.saved(), 'all saved');
    client.destroy();
    await server.close();
    const fromLog = await docOnDisk(data.dir, docId);
    expect(storedRows(data.dir).updatesFor(docId).length).toBeGreaterThan(10);
    expect(storedRows(data.dir).snapshots).toBe(0);

    // Phase 2: the rule applies; the document is loaded, then compacted when it unloads.
    server = await startTestServer(data.dir, { compactionMinUpdates: 10, idleMs: 50 });
    cleanups.push(() => server.close());
    await server.sync.getDoc(docId);
    // A document stops counting as resident when its unload starts; the compaction that follows
    // is a round trip to the storage worker (S21), so wait for its snapshot too.
    await waitFor(() => server.sync.residentCount() === 0 && storedRows(data.dir).snapshots === 1, 'unloaded and compacted');
    expect(storedRows(data.dir).updatesFor(docId)).toHaveLength(0);
    const compacted = await docOnDisk(data.dir, docId);
    expect(compacted.getText('t').toString()).toBe(fromLog.getText('t').toString());
    expect(compacted.getMap('m').toJSON()).toEqual(fromLog.getMap('m').toJSON());
    expect(Y.equalSnapshots(Y.snapshot(compacted), Y.snapshot(fromLog))).toBe(true);
  });

  it('S14: compaction runs after commits while clients keep editing, and nothing is lost', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir, { compactionMinUpdates: 8 });
    cleanups.push(() => server.close());
    const docId = newDocId();
    const client = connectClient(server.syncUrl, docId, { name: 'Writer' });
    cleanups.push(() => client.destroy());
    await synced(client);
    for (let i = 0; i < 60; i += 1) {
      client.doc.getText('t').insert(0, `${i},`);
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    await waitFor(() => client.saved() && storedRows(data.dir).snapshots === 1, 'saved and compacted');
    expect((await docOnDisk(data.dir, docId)).getText('t').toString()).toBe(textOf(client));
  });

  it('S14: an update that would push the document past its size limit closes the socket with tooLarge and is not stored', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir, { limits: { maxDocumentBytes: 20_000 } });
    cleanups.push(() => server.close());
    const docId = newDocId();
    const raw = new RawClient(`${server.syncUrl}/${docId}?name=Big`);
    cleanups.push(() => raw.close());
    await raw.opened();
    const doc = new Y.Doc();
    doc.getText('t').insert(0, 'small start');
    raw.sendUpdate(Y.encodeStateAsUpdate(doc));
    await waitFor(() => storedRows(data.dir).updatesFor(docId).length === 1, 'small update stored');
    const before = Y.encodeStateVector(doc);
    doc.getText('t').insert(0, 'x'.repeat(30_000));
    raw.sendUpdate(Y.encodeStateAsUpdate(doc, before));
    expect(await raw.closed()).toBe(CloseCode.tooLarge);
    expect(storedRows(data.dir).updatesFor(docId)).toHaveLength(1);
    expect((await server.sync.getDoc(docId)).getText('t').toString()).toBe('small start');
  });
});
