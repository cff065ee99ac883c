/**
 * The convergence harness against two cores linked through the real PostgreSQL and Redis
 * (RELIABILITY.md R23, SPEC S51-S57): connections alternate between the instances, both commit
 * to one database, updates and acks cross through Redis Streams. `settle` waits until both have
 * committed everything and hold no unconfirmed remote update; the stored state is read back from
 * PostgreSQL. A restart restarts both instances (the database and the streams survive).
 */
import * as Y from 'yjs';
import type pg from 'pg';
import type { SyncCore } from '@cydweithio/sync-server/sync/sync-core';
import { silentSyncLogger } from '@cydweithio/sync-server/sync/logger';
import { PgDocStore } from '@cydweithio/sync-server/storage/pg-doc-store';
import { redisFanout } from '@cydweithio/sync-server/sync/fanout/redis-fanout';
import { createMemoryCore } from '../../sync/helpers/core.js';
import { LOCAL_REDIS, dropPrefix, runPrefix } from '../../scale/support/redis.js';
import { CorePairs, fuzzLimits } from './core-pairs.js';
import type { FuzzServer, FuzzServerFactory } from './fuzz-server.js';

const DOC_ID = 'fuzz:twoinstances';
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** Two pools on one database (the caller's, emptied per seed), and the Redis to link through. */
export interface TwoInstanceSetup {
  pools: [pg.Pool, pg.Pool];
  /** Empties the database between seeds. */
  reset(): Promise<void>;
}

export function twoInstanceFactory(setup: TwoInstanceSetup): FuzzServerFactory {
  return async (): Promise<FuzzServer> => {
    await setup.reset();
    const prefix = runPrefix();
    const stores = setup.pools.map((pool) => new PgDocStore(pool));
    const makeCore = (i: number): SyncCore => createMemoryCore(stores[i], {
      limits: fuzzLimits,
      fanout: redisFanout(LOCAL_REDIS, prefix, silentSyncLogger, { settleAfterMs: 60_000 }),
      broadcastTurn: pairs.endOfTurn,
    });
    const pairs = new CorePairs();
    let cores = [makeCore(0), makeCore(1)];
    let opened = 0;
    let resident: Y.Doc | null = null;
    const deliver = (): void => pairs.deliver();
    /** Both committed, nothing unconfirmed, both resident documents equal (Redis is a real network). */
    const settle = async (): Promise<void> => {
      for (let round = 0; round < 500; round += 1) {
        await Promise.all(cores.map((core) => core.flush()));
        const docs = await Promise.all(cores.map(async (core) => (core.residentCount() > 0 ? core.getDoc(DOC_ID) : null)));
        const vectors = docs.map((doc) => (doc ? Buffer.from(Y.encodeStateVector(doc)).toString('hex') : null)).filter((v) => v !== null);
        const pending = cores.reduce((sum, core) => sum + core.pendingRemote(), 0);
        if (pending === 0 && new Set(vectors).size <= 1) break;
        await sleep(5);
      }
      deliver();
    };
    const shutdown = async (): Promise<void> => {
      await Promise.all(cores.map((core) => core.shutdown()));
      deliver();
    };
    return {
      acknowledges: true,
      open: (send, onClose) => pairs.open(cores[opened++ % 2] as SyncCore, DOC_ID, send, onClose, () => sleep(0)),
      settle,
      residentDoc: () => resident,
      async restart() {
        if (process.env['FUZZ_TRACE']) console.log('restart');
        await shutdown();
        cores = [makeCore(0), makeCore(1)];
        resident = null;
      },
      async loadStored() {
        await settle();
        if (process.env['FUZZ_TRACE']) console.log('resident', cores.map((c) => c.residentCount()), 'connections', cores.map((c) => c.connectionCount()), 'pending', cores.map((c) => c.pendingRemote()));
        resident = cores[0]!.residentCount() > 0 ? await cores[0]!.getDoc(DOC_ID) : null;
        const stored = await stores[1]!.load(DOC_ID);
        const doc = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        for (const update of stored.updates) Y.applyUpdate(doc, update);
        return doc;
      },
      async dispose() {
        await shutdown();
        await dropPrefix(LOCAL_REDIS, prefix);
      },
    };
  };
}
