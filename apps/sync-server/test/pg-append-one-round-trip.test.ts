/**
 * S66: on PostgreSQL a batch is appended in one round trip (the function of drizzle-pg/0014);
 * S67: entries whose seqs another instance took are stored above its rows in that same call; a
 * row under the snapshot still refuses the whole batch with the stored last seq (S51); a replay
 * of stored bytes passes; S68: a seq held by a transaction still open is decided in the same call
 * once that transaction ends.
 */
import { describe, expect, it, vi } from 'vitest';
import pg from 'pg';
import * as Y from 'yjs';
import { LOCK_SPACE } from '../src/db/postgres/open';
import { usePgDatabase } from '../src/db/postgres/test-database';
import { SeqTakenError, type UpdateToAppend } from '../src/storage/doc-store';
import { PgDocStore } from '../src/storage/pg-doc-store';

vi.setConfig({ testTimeout: 60_000, hookTimeout: 60_000 });
const postgres = usePgDatabase();
const A = 'workspace:append-a';
const B = 'workspace:append-b';

function edits(count: number, seed: string): Uint8Array[] {
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (update: Uint8Array) => out.push(update));
  for (let i = 0; i < count; i++) doc.getText('t').insert(i, `${seed}${i}`);
  return out;
}
const hex = (update: Uint8Array): string => Buffer.from(update).toString('hex');
const at = (docId: string, updates: Uint8Array[], from = 1): UpdateToAppend[] => updates.map((update, i) => ({ docId, seq: from + i, update }));

async function refusal(promise: Promise<unknown>): Promise<SeqTakenError> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(SeqTakenError);
  return error as SeqTakenError;
}

describe('S66: an append is one round trip on PostgreSQL', () => {
  it('S66: a batch over two documents is one query on the pool, and is stored', async () => {
    const { pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    await pool.query('SELECT 1'); // a connection ready in the pool, as on a running server
    // Every statement a pooled connection sends goes through Client#query.
    const sent = vi.spyOn(pg.Client.prototype, 'query');
    let queries = 0;
    try {
      await store.appendUpdates([...at(A, edits(3, 'a')), ...at(B, edits(2, 'b'))]);
    } finally {
      // Restored before any assertion can fail: the worker's next files share this module.
      queries = sent.mock.calls.length;
      sent.mockRestore();
    }
    expect(queries).toBe(1);
    expect((await store.load(A)).lastSeq).toBe(3);
    expect((await store.load(B)).lastSeq).toBe(2);
  });

  it('S67: entries whose seqs another instance took are stored above its rows, in order, in the same call', async () => {
    const { url, pool } = await postgres.fresh();
    const mine = new PgDocStore(pool);
    const theirs = new PgDocStore(postgres.pool(url));
    const their = edits(4, 'x');
    await theirs.appendUpdates(at(A, their));
    const my = edits(3, 'y');
    // This instance last saw seq 2 of A: its first two entries collide, the third would not.
    expect(await mine.appendUpdates([...at(B, edits(2, 'b')), ...at(A, my, 3)])).toEqual([1, 2, 5, 6, 7]);
    const loaded = await mine.load(A);
    expect(loaded.lastSeq).toBe(7);
    expect(loaded.updates.map(hex)).toEqual([...their, ...my].map(hex));
    expect((await mine.load(B)).lastSeq).toBe(2);
  });

  it('S67: a renumbered batch replayed after its answer was lost is found where it was stored, not stored twice', async () => {
    const { url, pool } = await postgres.fresh();
    const mine = new PgDocStore(pool);
    const theirs = new PgDocStore(postgres.pool(url));
    await theirs.appendUpdates(at(A, edits(2, 'x')));
    const my = at(A, edits(2, 'y'));
    expect(await mine.appendUpdates(my)).toEqual([3, 4]);
    expect(await mine.appendUpdates(my)).toEqual([3, 4]);
    expect((await mine.load(A)).updates).toHaveLength(4);
  });

  it('S68: an entry whose seq a transaction still open takes with the same bytes is skipped once it commits, not stored twice', async () => {
    const { url, pool } = await postgres.fresh();
    const mine = new PgDocStore(pool);
    const theirs = postgres.pool(url);
    const [carried, own] = edits(2, 'c');
    // The other instance is committing the update this instance carries for it (S65).
    const open = await theirs.connect();
    await open.query('BEGIN');
    await open.query('SELECT cyd_append_updates($1, $2::text[], $3::bigint[], $4::bytea[], $5::bigint[], $6::text[])',
      [LOCK_SPACE, [A], [1], [Buffer.from(carried!)], [Date.now()], [null]]);
    const appending = mine.appendUpdates(at(A, [carried!, own!]));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await open.query('COMMIT');
    open.release();
    expect(await appending).toEqual([1, 2]);
    expect((await mine.load(A)).updates.map(hex)).toEqual([carried!, own!].map(hex));
  });

  it('S68: an entry whose seq a transaction still open takes with other bytes goes above it in the same call', async () => {
    const { url, pool } = await postgres.fresh();
    const mine = new PgDocStore(pool);
    const theirs = postgres.pool(url);
    const [their] = edits(1, 'x');
    const my = edits(2, 'y');
    const open = await theirs.connect();
    await open.query('BEGIN');
    await open.query('SELECT cyd_append_updates($1, $2::text[], $3::bigint[], $4::bytea[], $5::bigint[], $6::text[])',
      [LOCK_SPACE, [A], [1], [Buffer.from(their!)], [Date.now()], [null]]);
    const appending = mine.appendUpdates(at(A, my));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await open.query('COMMIT');
    open.release();
    expect(await appending).toEqual([2, 3]);
    expect((await mine.load(A)).updates.map(hex)).toEqual([their!, ...my].map(hex));
  });

  it('S68: an entry whose seq a transaction still open took is stored at that seq if it rolls back', async () => {
    const { url, pool } = await postgres.fresh();
    const mine = new PgDocStore(pool);
    const theirs = postgres.pool(url);
    const open = await theirs.connect();
    await open.query('BEGIN');
    await open.query('SELECT cyd_append_updates($1, $2::text[], $3::bigint[], $4::bytea[], $5::bigint[], $6::text[])',
      [LOCK_SPACE, [A], [1], [Buffer.from(edits(1, 'x')[0]!)], [Date.now()], [null]]);
    const my = edits(1, 'y');
    const appending = mine.appendUpdates(at(A, my));
    await new Promise((resolve) => setTimeout(resolve, 200));
    await open.query('ROLLBACK');
    open.release();
    expect(await appending).toEqual([1]);
    expect((await mine.load(A)).updates.map(hex)).toEqual(my.map(hex));
  });

  it('S66: a row under the snapshot (compacted elsewhere) is refused with the snapshot\'s seq', async () => {
    const { url, pool } = await postgres.fresh();
    const mine = new PgDocStore(pool);
    const theirs = new PgDocStore(postgres.pool(url));
    const stored = edits(5, 'x');
    await theirs.appendUpdates(at(A, stored));
    const doc = new Y.Doc();
    for (const update of stored) Y.applyUpdate(doc, update);
    expect(await theirs.compact(A, Y.encodeStateAsUpdate(doc), 5)).toBe(true);
    const error = await refusal(mine.appendUpdates(at(A, edits(1, 'late'), 2)));
    expect([...error.lastSeqs]).toEqual([[A, 5]]);
    expect((await mine.load(A)).updates).toEqual([]);
  });

  it('S66: a batch replayed after a lost answer passes: stored bytes are skipped, the rest appended', async () => {
    const { pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    const updates = edits(4, 'r');
    await store.appendUpdates(at(A, updates.slice(0, 2)));
    await store.appendUpdates(at(A, updates));
    const loaded = await store.load(A);
    expect(loaded.lastSeq).toBe(4);
    expect(loaded.updates.map((u) => Buffer.from(u).toString('hex'))).toEqual(updates.map((u) => Buffer.from(u).toString('hex')));
  });

  it('S66: other failures are not mistaken for a refusal', async () => {
    const { pool } = await postgres.fresh();
    const store = new PgDocStore(pool);
    await pool.query('ALTER TABLE doc_updates ADD CONSTRAINT append_test_short CHECK (length(doc_id) < 5) NOT VALID');
    const error = await store.appendUpdates(at(A, edits(1, 'z'))).then(() => null, (e: unknown) => e);
    await pool.query('ALTER TABLE doc_updates DROP CONSTRAINT append_test_short');
    expect(error).toBeInstanceOf(Error);
    expect(error).not.toBeInstanceOf(SeqTakenError);
  });
});
