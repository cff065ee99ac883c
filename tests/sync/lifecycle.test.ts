import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CloseCode } from '@cydweithio/model';
import type { DocStore } from '@cydweithio/sync-server/storage/doc-store';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { connectClient, synced, textOf } from './helpers/provider';
import { RawClient } from './helpers/raw-client';
import { newDocId, storedRows, serversPerTest } from './helpers/server';
import { waitFor } from './helpers/wait';

/** A memory store that counts loads and appends, and can be told to fail or corrupt loads. */
function countingStore(options: { corrupt?: Set<string> } = {}) {
  const memory = new MemoryDocStore();
  const counts = { loads: new Map<string, number>(), appendedDocIds: new Set<string>() };
  const store: DocStore = {
    load: async (docId) => {
      counts.loads.set(docId, (counts.loads.get(docId) ?? 0) + 1);
      await new Promise((resolve) => setTimeout(resolve, 20)); // a slow disk widens the race
      const stored = await memory.load(docId);
      if (options.corrupt?.has(docId)) stored.updates.push(Uint8Array.from([1, 1, 200, 200, 7, 0, 4]));
      return stored;
    },
    appendUpdates: async (batch) => {
      batch.forEach((entry) => counts.appendedDocIds.add(entry.docId));
      return memory.appendUpdates(batch);
    },
    compact: (...args) => memory.compact(...args),
    erase: (docId) => memory.erase(docId),
    listDocIds: () => memory.listDocIds(),
    close: () => memory.close(),
  };
  return { store, counts };
}

describe('document lifecycle', () => {
  const { server, cleanups } = serversPerTest();

  it('S15: many sockets joining at once cause exactly one load', async () => {
    const { store, counts } = countingStore();
    const { running } = await server({ store });
    const docId = newDocId();
    const sockets = Array.from({ length: 25 }, (_, i) => new RawClient(`${running.syncUrl}/${docId}?name=J${i}`));
    cleanups.push(() => sockets.forEach((s) => s.close()));
    const [doc] = await Promise.all([running.sync.getDoc(docId), ...sockets.map((s) => s.opened())]);
    await waitFor(() => sockets.every((s) => s.of(0, 0).length === 1), 'every socket got step 1');
    expect(counts.loads.get(docId)).toBe(1);
    expect(await running.sync.getDoc(docId)).toBe(doc);
  });

  it('S15: a document that fails to load is never served and never stored', async () => {
    const docId = newDocId();
    const { store, counts } = countingStore({ corrupt: new Set([docId]) });
    const { running } = await server({ store });
    const socket = new RawClient(`${running.syncUrl}/${docId}?name=Unlucky`);
    await socket.opened();
    expect(await socket.closed()).toBe(CloseCode.loadFailed);
    expect(socket.of(0)).toEqual([]); // not one byte of the document
    await expect(running.sync.getDoc(docId)).rejects.toThrow();
    expect(running.sync.residentCount()).toBe(0);
    expect(counts.appendedDocIds.has(docId)).toBe(false);
  });

  it('S16: idle documents are flushed and unloaded; at the cap idle ones are evicted and busy ones refuse with loadFailed', async () => {
    const { running, dataDir } = await server({ idleMs: 100, maxResidentDocs: 2 });
    const [a, b, c] = [newDocId(), newDocId(), newDocId()];
    const alice = connectClient(running.syncUrl, a, { name: 'A' });
    const bryn = connectClient(running.syncUrl, b, { name: 'B' });
    cleanups.push(() => [alice, bryn].forEach((client) => client.destroy()));
    await Promise.all([synced(alice), synced(bryn)]);
    alice.doc.getText('t').insert(0, 'kept');
    await waitFor(() => alice.saved(), 'saved');
    const refused = new RawClient(`${running.syncUrl}/${c}?name=C`);
    await refused.opened();
    expect(await refused.closed()).toBe(CloseCode.loadFailed);

    alice.provider.disconnect();
    await waitFor(() => running.sync.connectionCount() === 1, 'the server saw Alice leave');
    const carys = connectClient(running.syncUrl, c, { name: 'C' }); // evicts a (idle) at once
    cleanups.push(() => carys.destroy());
    await synced(carys);
    bryn.provider.disconnect();
    carys.provider.disconnect();
    await waitFor(() => running.sync.residentCount() === 0, 'every idle document unloaded');
    expect(storedRows(dataDir).updatesFor(a).length).toBeGreaterThan(0);
  });

  it('S16: graceful shutdown closes sockets with shuttingDown and commits what was pending', async () => {
    const { running, dataDir } = await server({ commitDelayMs: 1_000 });
    const docId = newDocId();
    const client = connectClient(running.syncUrl, docId, { name: 'Late' });
    cleanups.push(() => client.destroy());
    await synced(client);
    let closeCode = 0;
    client.provider.on('connection-close', (event) => {
      closeCode ||= event?.code ?? 0;
    });
    client.doc.getText('t').insert(0, 'written just before shutdown');
    await waitFor(async () => (await running.sync.getDoc(docId)).getText('t').length > 0, 'server has the edit');
    expect(storedRows(dataDir).updatesFor(docId)).toHaveLength(0); // still in the pending batch
    client.provider.shouldConnect = false;
    await running.close();
    expect(closeCode).toBe(CloseCode.shuttingDown);
    const disk = new Y.Doc();
    storedRows(dataDir).updatesFor(docId).forEach((update) => Y.applyUpdate(disk, update));
    expect(disk.getText('t').toString()).toBe(textOf(client));
  });
});
