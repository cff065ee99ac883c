/**
 * The sync core in memory, with no HTTP and no sockets: a MemoryDocStore, the production rooms,
 * commit queue and lifecycle, and peers of the tests' choosing (socket-pair.ts).
 */
import { SyncCore, type SyncCoreOptions } from '@cydweithio/sync-server/sync/sync-core';
import { defaultSyncLimits } from '@cydweithio/sync-server/sync/limits';
import { silentSyncLogger } from '@cydweithio/sync-server/sync/logger';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import type { DocStore } from '@cydweithio/sync-server/storage/doc-store';
import { createSyncMetrics } from '@cydweithio/sync-server/observability/metrics';

export function createMemoryCore(store: DocStore = new MemoryDocStore(), options: Partial<SyncCoreOptions> = {}): SyncCore {
  // The gauges read the core lazily (only when scraped), after it exists.
  const metrics = createSyncMetrics({ connections: () => core.connectionCount(), residentDocuments: () => core.residentCount(), coldDocuments: () => core.coldCount() });
  const core: SyncCore = new SyncCore({
    store,
    authorizer: { authorize: () => Promise.reject(new Error('not used in memory')), recheck: async () => 'editor' },
    logger: silentSyncLogger,
    metrics,
    limits: defaultSyncLimits,
    idleMs: 60 * 60 * 1000,
    // Going cold is a step of its own in tests (freezeQuietDocuments), never a wall-clock timer.
    coldAfterMs: 60 * 60 * 1000,
    maxResidentDocs: 10,
    compactionMinUpdates: 20,
    commitDelayMs: 0,
    commitIntervalMs: 0,
    presenceHoldMs: 60 * 60 * 1000,
    ...options,
  });
  return core;
}
