/**
 * Drives the core's real SyncCore (rooms, frame decoding, commit queue, durable acks, lifecycle)
 * in memory: test socket pairs as peers instead of `ws` (SPEC S27), the core's MemoryDocStore
 * instead of SQLite, no HTTP. Everything between "a frame arrives" and "the store holds it" is
 * the production code. The pairs move frames only when flushed: at every step of the harness.
 */
import * as Y from 'yjs';
import type { SyncCore } from '@cydweithio/sync-server/sync/sync-core';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { createMemoryCore } from '../../sync/helpers/core.js';
import { CorePairs, fuzzLimits } from './core-pairs.js';
import type { FuzzServer, FuzzServerFactory } from './fuzz-server.js';

const DOC_ID = 'fuzz:convergence';

/** Turns of the event loop: commits run on setImmediate, loads on promises. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function createCore(store: MemoryDocStore, pairs: CorePairs): SyncCore {
  return createMemoryCore(store, { limits: fuzzLimits, broadcastTurn: pairs.endOfTurn });
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
  const pairs = new CorePairs();
  let core = createCore(store, pairs);
  let resident: Y.Doc | null = null;
  const deliver = (): void => pairs.deliver();
  // Waits exactly until everything the core applied is committed and acknowledged.
  const settle = async (): Promise<void> => {
    await core.flush();
    deliver();
  };

  return {
    acknowledges: true,
    open: (send, onClose) => pairs.open(core, DOC_ID, send, onClose, turn),
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
      core = createCore(store, pairs);
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
