/**
 * Drives the core's real SyncCore (rooms, frame decoding, commit queue, durable acks, lifecycle)
 * in memory: fake sockets instead of `ws`, the core's MemoryDocStore instead of SQLite, no HTTP.
 * Everything between "a frame arrives" and "the store holds it" is the production code.
 */
import * as Y from 'yjs';
import { SyncCore, type SyncCoreOptions } from '@cydweithio/sync-server/sync/sync-core';
import { defaultSyncLimits } from '@cydweithio/sync-server/sync/limits';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { createSyncMetrics } from '@cydweithio/sync-server/observability/metrics';
import { FakeSocket } from './fake-socket.js';
import type { FuzzServer, FuzzServerFactory } from './fuzz-server.js';

const DOC_ID = 'fuzz:convergence';
const identity = { personId: 'fuzz-person', name: 'Fuzz', role: 'test-editor' };

const silentLogger = {
  debug: () => undefined,
  info: () => undefined,
  warn: () => undefined,
  error: () => undefined,
  child: () => silentLogger,
} as unknown as SyncCoreOptions['logger'];

/** Turns of the event loop: commits run on setImmediate, loads on promises. */
const turn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

function createCore(store: MemoryDocStore): SyncCore {
  // The gauges read the core lazily (only when scraped), after it exists.
  const metrics = createSyncMetrics({ connections: () => core.connectionCount(), residentDocuments: () => core.residentCount(), coldDocuments: () => core.coldCount() });
  const core: SyncCore = new SyncCore({
    store,
    authorizer: { authorize: () => Promise.reject(new Error('not used in memory')), recheck: async () => 'editor' },
    logger: silentLogger,
    metrics,
    // The fuzz sends bursts no person would; rate limits are tested elsewhere.
    limits: { ...defaultSyncLimits, maxMessagesPerSecond: 1e9, maxBytesPerSecond: 1e12, maxAwarenessPerSecond: 1e9 },
    idleMs: 60 * 60 * 1000,
    // Going cold is a fuzz step of its own (freezeQuietDocuments), never a wall-clock timer.
    coldAfterMs: 60 * 60 * 1000,
    maxResidentDocs: 10,
    compactionMinUpdates: 20,
    commitDelayMs: 0,
    presenceHoldMs: 60 * 60 * 1000,
  });
  return core;
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

  // Waits exactly until everything the core applied is committed and acknowledged.
  const settle = (): Promise<void> => core.flush();

  return {
    acknowledges: true,
    async open(send, onClose) {
      const socket = new FakeSocket(send, onClose);
      core.accept(socket as unknown as Parameters<SyncCore['accept']>[0], DOC_ID, identity, 'editor', { durableAcks: true });
      await turn();
      return {
        async receive(frame) {
          socket.deliver(frame);
          await Promise.resolve();
        },
        async close() {
          socket.clientClose();
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
    },
  };
};
