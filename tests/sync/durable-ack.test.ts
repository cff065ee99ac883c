import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { MessageType } from '@cydweithio/model';
import { decodeDurable, deleteSetContains, isSavedBy } from '@cydweithio/model/wire/durable';
import type { DocStore } from '@cydweithio/sync-server/storage/doc-store';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { connectClient, synced, textOf } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer, storedRows } from './helpers/server';
import { waitFor } from './helpers/wait';

/** The document as the SQLite file holds it right now. */
function diskDoc(dataDir: string, docId: string): Y.Doc {
  const doc = new Y.Doc();
  for (const update of storedRows(dataDir).updatesFor(docId)) Y.applyUpdate(doc, update);
  return doc;
}

function diskContains(disk: Y.Doc, acked: Y.Snapshot): boolean {
  const onDisk = Y.snapshot(disk);
  for (const [client, clock] of acked.sv) if ((onDisk.sv.get(client) ?? 0) < clock) return false;
  return deleteSetContains(onDisk.ds, acked.ds);
}

describe('durable acknowledgement', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('S9: a durable message arrives only after the rows it covers are in SQLite', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const client = connectClient(server.syncUrl, docId, { name: 'Alice' });
    cleanups.push(() => client.destroy());
    const checks: boolean[] = [];
    const original = client.provider.messageHandlers[4]!;
    client.provider.messageHandlers[4] = (...args) => {
      original(...args);
      // Synchronously, at the moment the ack is handled: is everything it claims on disk?
      checks.push(diskContains(diskDoc(data.dir, docId), client.durable.at(-1)!));
    };
    await synced(client);
    for (let i = 0; i < 30; i += 1) {
      client.doc.getText('t').insert(0, `edit ${i} `);
      if (i % 10 === 9) client.doc.getText('t').delete(0, 3); // delete-only edits count too
      if (i % 7 === 0) await new Promise((resolve) => setTimeout(resolve, 5));
    }
    await waitFor(() => client.saved(), 'every edit acknowledged');
    expect(checks.length).toBeGreaterThan(1);
    expect(checks.every(Boolean)).toBe(true);
    expect(diskDoc(data.dir, docId).getText('t').toString()).toBe(textOf(client));
  });

  it('S9: a client with nothing new still learns that its state is saved, right after its initial sync', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir);
    cleanups.push(() => server.close());
    const docId = newDocId();
    const writer = connectClient(server.syncUrl, docId, { name: 'Writer' });
    cleanups.push(() => writer.destroy());
    await synced(writer);
    writer.doc.getText('t').insert(0, 'already saved');
    await waitFor(() => writer.saved(), 'writer saved');
    const reader = connectClient(server.syncUrl, docId, { name: 'Reader' });
    cleanups.push(() => reader.destroy());
    await waitFor(() => reader.durable.length > 0, 'initial durable message');
    await waitFor(() => textOf(reader) === 'already saved', 'reader synced');
    expect(reader.saved()).toBe(true);
  });

  it('S10: updates arriving together are committed in one store transaction', async () => {
    const memory = new MemoryDocStore();
    let appendCalls = 0;
    const counting: DocStore = Object.assign(Object.create(memory) as DocStore, {
      appendUpdates: (batch: Parameters<DocStore['appendUpdates']>[0]) => {
        appendCalls += 1;
        return memory.appendUpdates(batch);
      },
    });
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir, { store: counting, commitDelayMs: 20 });
    cleanups.push(() => server.close());
    const docs = [newDocId(), newDocId(), newDocId()];
    const clients = docs.map((docId) => connectClient(server.syncUrl, docId, { name: 'Many' }));
    cleanups.push(() => clients.forEach((client) => client.destroy()));
    await Promise.all(clients.map(synced));
    await waitFor(() => clients.every((client) => client.durable.length > 0), 'initial acks');
    const before = appendCalls;
    for (let i = 0; i < 10; i += 1) for (const client of clients) client.doc.getText('t').insert(0, `${i}`);
    await waitFor(() => clients.every((client) => client.saved()), 'all saved');
    // 30 updates on 3 documents, sent in one burst: far fewer transactions than updates.
    expect(appendCalls - before).toBeLessThan(10);
    for (const docId of docs) expect((await memory.load(docId)).updates.length).toBeGreaterThanOrEqual(10);
  });
});

describe('durable acknowledgement of re-sent updates', () => {
  it('S9: an update the server already has is acknowledged too', async () => {
    const data = makeDataDir();
    const server = await startTestServer(data.dir);
    try {
      const docId = newDocId();
      const raw = new RawClient(`${server.syncUrl}/${docId}?name=Resender`);
      await raw.opened();
      const doc = new Y.Doc();
      raw.sendSyncStep1(doc);
      raw.sendSyncStep2(Y.encodeStateAsUpdate(doc));
      await waitFor(() => raw.of(MessageType.durable).length === 1, 'initial ack');
      doc.getText('t').insert(0, 'once');
      const update = Y.encodeStateAsUpdate(doc);
      raw.sendUpdate(update);
      await waitFor(() => raw.of(MessageType.durable).length === 2, 'ack of the update');
      raw.sendUpdate(update);
      await waitFor(() => raw.of(MessageType.durable).length === 3, 'ack of the re-send');
      expect(isSavedBy(doc, decodeDurable(raw.of(MessageType.durable)[2]!.raw))).toBe(true);
      expect(storedRows(data.dir).updatesFor(docId)).toHaveLength(1);
      raw.close();
    } finally {
      await server.close();
      data.remove();
    }
  });
});

describe('durable acknowledgement pacing', () => {
  it('S9: acks are paced per document, and the trailing ack always arrives, also at sockets that only read', async () => {
    const data = makeDataDir();
    const server = await startTestServer(data.dir, { durableIntervalMs: 200 });
    try {
      const docId = newDocId();
      const writer = connectClient(server.syncUrl, docId, { name: 'Typist' });
      const watcher = connectClient(server.syncUrl, docId, { name: 'Watcher' });
      await Promise.all([synced(writer), synced(watcher)]);
      await waitFor(() => writer.durable.length > 0 && watcher.durable.length > 0, 'initial acks');
      const before = watcher.durable.length;
      for (let i = 0; i < 40; i += 1) {
        writer.doc.getText('t').insert(0, `${i} `);
        await new Promise((resolve) => setTimeout(resolve, 5));
      }
      await waitFor(() => textOf(watcher) === textOf(writer) && writer.saved() && watcher.saved(), 'both saved');
      // 40 commits in roughly 200-400 ms of typing: a handful of acks, not one per edit.
      expect(watcher.durable.length - before).toBeLessThan(20);
      writer.destroy();
      watcher.destroy();
    } finally {
      await server.close();
      data.remove();
    }
  });

  it('S9: sockets that contributed to a batch are acked at its commit; the others are paced; flush sends what is owed', async () => {
    const data = makeDataDir();
    // An interval no test waits out: any ack that arrives did not come from the paced broadcast.
    const server = await startTestServer(data.dir, { durableIntervalMs: 60_000 });
    try {
      const docId = newDocId();
      const writer = connectClient(server.syncUrl, docId, { name: 'Typist' });
      const watcher = connectClient(server.syncUrl, docId, { name: 'Watcher' });
      await Promise.all([synced(writer), synced(watcher)]);
      writer.doc.getText('t').insert(0, 'one ');
      await waitFor(() => writer.saved() && watcher.saved(), 'first commit acked to everyone');
      writer.doc.getText('t').insert(0, 'two ');
      await waitFor(() => writer.saved(), 'the contributor acked at once');
      await waitFor(() => textOf(watcher) === 'two one ', 'watcher received the edit');
      expect(watcher.saved()).toBe(false); // its ack is owed, paced
      await server.sync.flush();
      await waitFor(() => watcher.saved(), 'owed ack sent by flush');
      writer.destroy();
      watcher.destroy();
    } finally {
      await server.close();
      data.remove();
    }
  });
});
