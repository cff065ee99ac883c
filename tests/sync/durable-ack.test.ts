import { afterEach, describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
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
      const raw = new RawClient(`${server.syncUrl}/${docId}?name=Resender&durable=1`);
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

describe('who is acknowledged', () => {
  it('S9: only contributors are acknowledged: a socket that only reads gets its initial ack and nothing for others\u2019 commits', async () => {
    const data = makeDataDir();
    const server = await startTestServer(data.dir);
    try {
      const docId = newDocId();
      const writer = connectClient(server.syncUrl, docId, { name: 'Typist' });
      const watcher = connectClient(server.syncUrl, docId, { name: 'Watcher' });
      await Promise.all([synced(writer), synced(watcher)]);
      await waitFor(() => writer.durable.length > 0 && watcher.durable.length > 0, 'initial acks');
      for (let i = 0; i < 20; i += 1) {
        writer.doc.getText('t').insert(0, `${i} `);
        await new Promise((resolve) => setTimeout(resolve, 2));
      }
      await waitFor(() => textOf(watcher) === textOf(writer) && writer.saved(), 'writer saved, watcher has it all');
      await server.sync.flush();
      expect(writer.durable.length).toBeGreaterThan(1);
      expect(watcher.durable).toHaveLength(1);
      // The watcher's own state (nothing it wrote) is still saved by its initial ack.
      expect(watcher.saved()).toBe(true);
      writer.destroy();
      watcher.destroy();
    } finally {
      await server.close();
      data.remove();
    }
  });

  it('S9: a socket that did not ask with ?durable=1 never receives message type 4, and the stock client logs nothing', async () => {
    const data = makeDataDir();
    const server = await startTestServer(data.dir);
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      const docId = newDocId();
      const raw = new RawClient(`${server.syncUrl}/${docId}?name=Stock`);
      await raw.opened();
      const doc = new Y.Doc();
      raw.sendSyncStep1(doc);
      raw.sendSyncStep2(Y.encodeStateAsUpdate(doc));
      doc.getText('t').insert(0, 'no ack please');
      raw.sendUpdate(Y.encodeStateAsUpdate(doc));
      // The stock y-websocket client as anyone would use it: no handler for message type 4.
      const stock = new WebsocketProvider(server.syncUrl, docId, new Y.Doc(), {
        WebSocketPolyfill: WebSocket as unknown as typeof globalThis.WebSocket,
        params: { name: 'Stock provider' },
        disableBc: true,
      });
      await waitFor(() => stock.synced, 'stock client synced');
      stock.doc.getText('t').insert(0, 'typed by the stock client ');
      await waitFor(() => storedRows(data.dir).updatesFor(docId).length === 2, 'both updates stored');
      await server.sync.flush();
      await new Promise((resolve) => setTimeout(resolve, 50));
      expect(raw.of(MessageType.durable)).toHaveLength(0);
      expect(logged.mock.calls.filter((call) => String(call[0]).includes('Unable to compute message'))).toHaveLength(0);
      stock.destroy();
      raw.close();
    } finally {
      logged.mockRestore();
      await server.close();
      data.remove();
    }
  });
});
