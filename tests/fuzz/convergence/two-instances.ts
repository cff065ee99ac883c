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
import { defaultSyncLimits } from '@cydweithio/sync-server/sync/limits';
import { silentSyncLogger } from '@cydweithio/sync-server/sync/logger';
import { PgDocStore } from '@cydweithio/sync-server/storage/pg-doc-store';
import { redisFanout } from '@cydweithio/sync-server/sync/fanout/redis-fanout';
import { createMemoryCore } from '../../sync/helpers/core.js';
import { TestSocketPair } from '../../sync/helpers/socket-pair.js';
import { LOCAL_REDIS, dropPrefix, runPrefix } from '../../scale/support/redis.js';
import type { FuzzServer, FuzzServerFactory } from './fuzz-server.js';

const DOC_ID = 'fuzz:twoinstances';
const identity = { personId: 'fuzz-person', name: 'Fuzz', role: 'test-editor' };
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
      limits: { ...defaultSyncLimits, maxMessagesPerSecond: 1e9, maxBytesPerSecond: 1e12, maxAwarenessPerSecond: 1e9 },
      fanout: redisFanout(LOCAL_REDIS, prefix, silentSyncLogger, { settleAfterMs: 60_000 }),
    });
    let cores = [makeCore(0), makeCore(1)];
    let opened = 0;
    let resident: Y.Doc | null = null;
    const pairs = new Map<TestSocketPair, (code: number) => void>();
    const deliver = (): void => {
      for (const [pair, onClose] of pairs) {
        pair.flush();
        if (pair.open) continue;
        pairs.delete(pair);
        if (pair.closeCode !== undefined) onClose(pair.closeCode);
      }
    };
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
      async open(send, onClose) {
        const core = cores[opened++ % 2] as SyncCore;
        const pair = new TestSocketPair(send);
        pair.attach(core.accept(pair.server, DOC_ID, identity, 'editor', { durableAcks: true }));
        pairs.set(pair, onClose);
        await sleep(0);
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
