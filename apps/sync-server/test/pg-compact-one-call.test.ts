/**
 * S69: on PostgreSQL compaction reads and merges without a lock and takes the document's
 * exclusive lock for one call (drizzle-pg/0015), which swaps the snapshot only if nothing below
 * its seq changed since the read; appends never wait behind a merge.
 */
import { describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { LOCK_SPACE } from '../src/db/postgres/open';
import { usePgDatabase } from '../src/db/postgres/test-database';
import type { UpdateToAppend } from '../src/storage/doc-store';
import { PgDocStore } from '../src/storage/pg-doc-store';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const postgres = usePgDatabase();
const A = 'workspace:compact-a';

function edits(count: number, seed: string): { updates: Uint8Array[]; state: Uint8Array } {
  const doc = new Y.Doc();
  const updates: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => updates.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, `${seed}${i}`);
  return { updates, state: Y.encodeStateAsUpdate(doc) };
}
const at = (updates: Uint8Array[], from = 1): UpdateToAppend[] => updates.map((update, i) => ({ docId: A, seq: from + i, update }));
const swap = (pool: pg.Pool, state: Uint8Array, upTo: number, read: [number, number, number]) =>
  pool.query<{ merged: boolean }>('SELECT cyd_compact($1, $2, $3, $4, $5, $6, $7, $8) AS merged',
    [LOCK_SPACE, A, Buffer.from(state), upTo, ...read, Date.now()]).then((result) => result.rows[0]?.merged);

describe('S69: compaction holds the lock for one call', () => {
  it('S69: a compaction is two statements, the read and the swap, and keeps every edit', async () => {
    const { pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    const { updates, state } = edits(6, 'c');
    await store.appendUpdates(at(updates));
    await pool.query('SELECT 1');
    const sent = vi.spyOn(pg.Client.prototype, 'query');
    let compacted = false;
    let queries = 0;
    try {
      compacted = await store.compact(A, state, 6);
    } finally {
      // Restored before any assertion can fail: the worker's next files share this module.
      queries = sent.mock.calls.length;
      sent.mockRestore();
    }
    expect(compacted).toBe(true);
    expect(queries).toBe(2);
    const loaded = await store.load(A);
    expect(loaded.updates).toEqual([]);
    expect(loaded.lastSeq).toBe(6);
    const fromSnapshot = new Y.Doc();
    Y.applyUpdate(fromSnapshot, loaded.snapshot!);
    const written = new Y.Doc();
    Y.applyUpdate(written, state);
    expect(fromSnapshot.getText('t').toString()).toBe(written.getText('t').toString());
    expect(fromSnapshot.getText('t').length).toBe(12);
  });

  it('S69: a row stored below the seq after the read (into a gap) makes the swap skip, losing nothing', async () => {
    const { pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    const { updates, state } = edits(4, 'g');
    // Rows 1, 2 and 4 were read; row 3 arrives in the gap afterwards.
    await store.appendUpdates([...at(updates.slice(0, 2)), { docId: A, seq: 4, update: updates[3]! }]);
    await store.appendUpdates([{ docId: A, seq: 3, update: updates[2]! }]);
    expect(await swap(pool, state, 4, [0, 3, 4])).toBe(false);
    expect((await store.load(A)).updates).toHaveLength(4);
    expect((await store.load(A)).snapshot).toBeUndefined();
    // Read as it is now, the swap goes ahead.
    expect(await swap(pool, state, 4, [0, 4, 4])).toBe(true);
    expect((await store.load(A)).updates).toHaveLength(0);
  });

  it('S69: a compaction made elsewhere since the read makes the swap skip', async () => {
    const { url, pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    const { updates, state } = edits(4, 'e');
    await store.appendUpdates(at(updates));
    expect(await new PgDocStore(postgres.pool(url)).compact(A, state, 2)).toBe(true);
    expect(await swap(pool, state, 4, [0, 4, 4])).toBe(false);
    const loaded = await store.load(A);
    expect(loaded.lastSeq).toBe(4);
    expect(loaded.updates).toHaveLength(2);
  });

  it('S69: an append in its transaction keeps the swap out; the next attempt merges', async () => {
    const { url, pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    const { updates, state } = edits(3, 'h');
    await store.appendUpdates(at(updates));
    const holder = await postgres.pool(url).connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT pg_advisory_xact_lock_shared(${LOCK_SPACE}, hashtext($1))`, [A]);
    expect(await store.compact(A, state, 3)).toBe(false);
    await holder.query('COMMIT');
    holder.release();
    expect(await store.compact(A, state, 3)).toBe(true);
  });
});
