/**
 * Two instances, one PostgreSQL database, one document (SPEC S51-S52): each commits its own
 * edits with seqs from its own view of the log. Every edit is stored exactly once, under a seq
 * of its own, whatever the interleaving, and compactions on both sides lose nothing.
 */
import { describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { usePgDatabase } from '@cydweithio/sync-server/db/postgres/test-database';
import { PgDocStore } from '@cydweithio/sync-server/storage/pg-doc-store';
import { LOCK_SPACE } from '@cydweithio/sync-server/db/postgres/open';
import { createSyncMetrics } from '@cydweithio/sync-server/observability/metrics';
import { createMemoryCore } from '../sync/helpers/core';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const postgres = usePgDatabase();
const DOC = 'workspace:sharedlog1';

async function twoInstances(compactionMinUpdates: number) {
  const { url, pool } = await postgres.fresh();
  const stores = [new PgDocStore(pool), new PgDocStore(postgres.pool(url))];
  const metrics = stores.map(() => createSyncMetrics({ connections: () => 0, residentDocuments: () => 0, coldDocuments: () => 0 }));
  const cores = stores.map((store, i) => createMemoryCore(store, { compactionMinUpdates, commitIntervalMs: 1, metrics: metrics[i]! }));
  const conflicts = async () => (await Promise.all(metrics.map(async (m) => (await m.seqConflicts.get()).values[0]?.value ?? 0))).reduce((a, b) => a + b, 0);
  return { stores, cores, pool, conflicts };
}

describe('S51: one log, whoever writes', () => {
  it('S51: two instances committing to one document at once store every edit once, under distinct seqs', async () => {
    const { stores, cores, pool, conflicts } = await twoInstances(1_000_000);
    const docs = await Promise.all(cores.map((core) => core.getDoc(DOC)));
    const perInstance = 150;
    for (let i = 0; i < perInstance; i += 1) {
      docs.forEach((doc, side) => doc.getArray<string>('edits').push([`${side}:${i}`]));
      // Let both commit queues run between edits, so their batches interleave in the database.
      if (i % 10 === 0) await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(cores.map((core) => core.flush()));
    const rows = (await pool.query<{ seq: number }>('SELECT seq FROM doc_updates WHERE doc_id = $1 ORDER BY seq', [DOC])).rows;
    expect(rows).toHaveLength(2 * perInstance);
    // Distinct seqs (the unique index holds); a renumbered batch may leave a gap, never a clash.
    expect(new Set(rows.map((row) => row.seq)).size).toBe(2 * perInstance);
    const stored = await stores[0]!.load(DOC);
    const merged = new Y.Doc();
    for (const update of stored.updates) Y.applyUpdate(merged, update);
    const edits = merged.getArray<string>('edits').toArray();
    expect(edits).toHaveLength(2 * perInstance);
    expect(new Set(edits).size).toBe(2 * perInstance);
    // The two really did race for seqs: some batches were renumbered.
    expect(await conflicts()).toBeGreaterThan(0);
    await Promise.all(cores.map((core) => core.shutdown()));
  });

  it('S52: compactions on both instances while both write keep every edit, from either', async () => {
    const { stores, cores } = await twoInstances(8);
    const docs = await Promise.all(cores.map((core) => core.getDoc(DOC)));
    for (let i = 0; i < 120; i += 1) {
      docs.forEach((doc, side) => doc.getArray<string>('edits').push([`${side}:${i}`]));
      await new Promise((resolve) => setImmediate(resolve));
    }
    await Promise.all(cores.map((core) => core.flush()));
    await Promise.all(cores.map((core) => core.shutdown()));
    const stored = await stores[1]!.load(DOC);
    expect(stored.snapshot).toBeDefined();
    const merged = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(merged, stored.snapshot);
    for (const update of stored.updates) Y.applyUpdate(merged, update);
    expect(new Set(merged.getArray<string>('edits').toArray()).size).toBe(240);
  });

  it('S52: a compaction skipped while another instance holds the document is tried again, never counted as done', async () => {
    const { url, pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    const core = createMemoryCore(store, { compactionMinUpdates: 8, commitIntervalMs: 1 });
    const doc = await core.getDoc(DOC);
    // Another instance appending, held open: every compaction attempt meanwhile must skip.
    const other = postgres.pool(url);
    const holder = await other.connect();
    await holder.query(`SELECT pg_advisory_lock_shared(${LOCK_SPACE}, hashtext($1))`, [DOC]);
    for (let i = 0; i < 40; i += 1) {
      doc.getArray<string>('edits').push([`e${i}`]);
      await new Promise((resolve) => setImmediate(resolve));
    }
    await core.flush();
    expect((await store.compact(DOC, new Uint8Array([0, 0]), 0))).toBe(false);
    expect((await store.load(DOC)).snapshot).toBeUndefined();
    await holder.query(`SELECT pg_advisory_unlock_shared(${LOCK_SPACE}, hashtext($1))`, [DOC]);
    holder.release();
    // The room still knows its log is long, so unloading compacts it.
    await core.shutdown();
    const stored = await store.load(DOC);
    expect(stored.snapshot).toBeDefined();
    expect(stored.updates).toHaveLength(0);
    const merged = new Y.Doc();
    if (stored.snapshot) Y.applyUpdate(merged, stored.snapshot);
    expect(merged.getArray<string>('edits').length).toBe(40);
  });
});
