/**
 * Drives the core's real SyncCore (rooms, frame decoding, commit queue, durable acks, lifecycle)
 * in memory: test socket pairs as peers instead of `ws` (SPEC S27), the core's MemoryDocStore
 * instead of SQLite, no HTTP. Everything between "a frame arrives" and "the store holds it" is
 * the production code. The pairs move frames only when flushed: at every step of the harness.
 */
import * as Y from 'yjs';
import type { SyncCore } from '@cydweithio/sync-server/sync/sync-core';
import { defaultSyncLimits } from '@cydweithio/sync-server/sync/limits';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { createMemoryCore } from '../../sync/helpers/core.js';
import { TestSocketPair } from '../../sync/helpers/socket-pair.js';
import type { FuzzServer, FuzzServerFactory } from './fuzz-server.js';

const DOC_ID = 'fuzz:convergence';
const identity = { personId: 'fuzz-person', name: 'Fuzz', role: 'test-editor' };

/** Turns of the event loop: commits run on setImmediate, loads on promises. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function createCore(store: MemoryDocStore): SyncCore {
  // The fuzz sends bursts no person would; rate limits are tested elsewhere.
  return createMemoryCore(store, { limits: { ...defaultSyncLimits, maxMessagesPerSecond: 1e9, maxBytesPerSecond: 1e12, maxAwarenessPerSecond: 1e9 } });
}

export async function loadStoredDoc(store: MemoryDocStore, docId: string): Promise<Y.Doc> {
  const stored = await store.load(docId);
  const doc = new Y.Doc();
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  for (const update of stored.updates) Y.applyUpdate(doc, update);
  return doc;
}

export const coreRoomFactory: FuzzServerFactory = async (): Promise<FuzzServer> => {
  const store = new MemoryDocStore();
  let core = createCore(store);
  let resident: Y.Doc | null = null;
  /** Open pairs, with what the harness is told when the server closes one. */
  const pairs = new Map<TestSocketPair, (code: number) => void>();

  // Moves every frame the core has sent, and every close it made, to the harness.
  const deliver = (): void => {
    for (const [pair, onClose] of pairs) {
      pair.flush();
      if (pair.open) continue;
      pairs.delete(pair);
      if (pair.closeCode !== undefined) onClose(pair.closeCode);
    }
  };
  // Waits exactly until everything the core applied is committed and acknowledged.
  const settle = async (): Promise<void> => {
    await core.flush();
    deliver();
  };

  return {
    acknowledges: true,
    async open(send, onClose) {
      const pair = new TestSocketPair(send);
      pair.attach(core.accept(pair.server, DOC_ID, identity, 'editor', { durableAcks: true }));
      pairs.set(pair, onClose);
      await turn();
      deliver();
      return {
        async receive(frame) {
          pair.send(frame);
          await Promise.resolve();
          deliver();
        },
        async close() {
          pair.disconnect();
          deliver();
          await Promise.resolve();
        },
      };
    },
    settle,
    residentDoc: () => resident,
    async goCold() {
      // Everything committed first, or the document would stay live (only committed state goes cold).
      await settle();
      core.freezeQuietDocuments(Number.POSITIVE_INFINITY);
    },
    async restart() {
      await core.shutdown();
      deliver();
      core = createCore(store);
      resident = null;
    },
    async loadStored() {
      await settle();
      // The resident document, as the server holds it, is compared too.
      resident = core.residentCount() > 0 ? await core.getDoc(DOC_ID) : null;
      return loadStoredDoc(store, DOC_ID);
    },
    async dispose() {
      await core.shutdown();
      deliver();
    },
  };
};
