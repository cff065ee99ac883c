/**
 * The DocStore on PostgreSQL (DATABASE_URL, SPEC S50-S53), the same tables as SQLite's
 * (drizzle-pg/). Several instances write to one database, so each document's log has more than
 * one writer:
 *   - the unique (doc_id, seq) index decides who got a seq: a batch whose seq is stored with
 *     other bytes, or lies under the snapshot, is refused whole with SeqTakenError carrying the
 *     stored last seq, and the commit queue renumbers and retries (S51);
 *   - appends hold a shared advisory lock per document and compaction tries the exclusive one,
 *     so compaction never deletes rows a concurrent append is adding below the snapshot, and only
 *     one instance compacts a document at a time (S52);
 *   - compaction merges the stored snapshot and log itself, with the caller's state, so rows
 *     another instance committed are never dropped for a state that lacked them.
 * Queries are plain SQL on the pool: the hot path is one INSERT ... SELECT FROM unnest per batch.
 */
import type { Pool, PoolClient } from 'pg';
import * as Y from 'yjs';
import { LOCK_SPACE } from '../db/postgres/open';
import { assertBatch, SeqTakenError, storedDocFrom, type DocStore, type StoredDoc, type UpdateToAppend } from './doc-store';

const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
const toBuffer = (view: Uint8Array): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
const LOCK = `pg_advisory_xact_lock_shared(${LOCK_SPACE}, hashtext(d))`;

export class PgDocStore implements DocStore {
  constructor(private readonly pool: Pool, private readonly ownsPool = false) {}

  async load(docId: string): Promise<StoredDoc> {
    return this.inTransaction('BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY', async (client) => {
      const snapshot = (await client.query<{ state: Buffer; seq: number }>('SELECT state, seq FROM doc_snapshots WHERE doc_id = $1', [docId])).rows[0];
      const rows = (await client.query<{ seq: number; update: Buffer }>(
        'SELECT seq, "update" FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq', [docId, snapshot?.seq ?? 0])).rows;
      return storedDocFrom(snapshot && { state: bytes(snapshot.state), seq: snapshot.seq }, rows.map((row) => ({ seq: row.seq, update: bytes(row.update) })));
    });
  }

  async appendUpdates(batch: readonly UpdateToAppend[]): Promise<void> {
    if (batch.length === 0) return;
    assertBatch(batch);
    const docIds = [...new Set(batch.map((entry) => entry.docId))].sort();
    await this.inTransaction('BEGIN', async (client) => {
      // Shared locks in a fixed order: appends never wait for each other, only for a compaction.
      await client.query(`SELECT ${LOCK} FROM unnest($1::text[]) AS d`, [docIds]);
      const snapshotSeqs = new Map((await client.query<{ doc_id: string; seq: number }>(
        'SELECT doc_id, seq FROM doc_snapshots WHERE doc_id = ANY($1)', [docIds])).rows.map((row) => [row.doc_id, row.seq]));
      const now = Date.now();
      const inserted = await client.query<{ doc_id: string; seq: number }>(
        `INSERT INTO doc_updates (doc_id, seq, "update", created_at, author)
         SELECT * FROM unnest($1::text[], $2::bigint[], $3::bytea[], $4::bigint[], $5::text[])
         ON CONFLICT (doc_id, seq) DO NOTHING RETURNING doc_id, seq`,
        [batch.map((e) => e.docId), batch.map((e) => e.seq), batch.map((e) => toBuffer(e.update)), batch.map(() => now), batch.map((e) => e.author ?? null)],
      );
      const fresh = new Set(inserted.rows.map((row) => `${row.doc_id}\u0000${row.seq}`));
      const taken = new Set<string>();
      const notInserted = batch.filter((entry) => !fresh.has(`${entry.docId}\u0000${entry.seq}`));
      for (const entry of batch) if (fresh.has(`${entry.docId}\u0000${entry.seq}`) && entry.seq <= (snapshotSeqs.get(entry.docId) ?? 0)) taken.add(entry.docId);
      if (notInserted.length > 0) {
        // Not inserted: a replay (same bytes, skipped) or another writer's row (refused).
        const stored = await client.query<{ doc_id: string; seq: number; update: Buffer }>(
          'SELECT doc_id, seq, "update" FROM doc_updates WHERE (doc_id, seq) IN (SELECT * FROM unnest($1::text[], $2::bigint[]))',
          [notInserted.map((e) => e.docId), notInserted.map((e) => e.seq)]);
        const byKey = new Map(stored.rows.map((row) => [`${row.doc_id}\u0000${row.seq}`, row.update]));
        for (const entry of notInserted) if (!byKey.get(`${entry.docId}\u0000${entry.seq}`)?.equals(entry.update)) taken.add(entry.docId);
      }
      if (taken.size > 0) throw new SeqTakenError(await lastSeqs(client, [...taken]));
    });
  }

  async compact(docId: string, mergedState: Uint8Array, upToSeq: number): Promise<boolean> {
    let merged = false;
    await this.inTransaction('BEGIN', async (client) => {
      const locked = await client.query<{ locked: boolean }>(`SELECT pg_try_advisory_xact_lock(${LOCK_SPACE}, hashtext($1)) AS locked`, [docId]);
      // Another instance is compacting, or appending right now: the next commit considers it again.
      if (!locked.rows[0]?.locked) return;
      const snapshot = (await client.query<{ state: Buffer; seq: number }>('SELECT state, seq FROM doc_snapshots WHERE doc_id = $1', [docId])).rows[0];
      const seq = Math.max(upToSeq, snapshot?.seq ?? 0);
      const rows = (await client.query<{ update: Buffer }>('SELECT "update" FROM doc_updates WHERE doc_id = $1 AND seq <= $2 ORDER BY seq', [docId, seq])).rows;
      const doc = new Y.Doc();
      try {
        Y.transact(doc, () => {
          if (snapshot) Y.applyUpdate(doc, snapshot.state);
          for (const row of rows) Y.applyUpdate(doc, row.update);
          Y.applyUpdate(doc, mergedState);
        });
        const state = toBuffer(Y.encodeStateAsUpdate(doc));
        await client.query(
          `INSERT INTO doc_snapshots (doc_id, state, seq, updated_at) VALUES ($1, $2, $3, $4)
           ON CONFLICT (doc_id) DO UPDATE SET state = EXCLUDED.state, seq = EXCLUDED.seq, updated_at = EXCLUDED.updated_at`,
          [docId, state, seq, Date.now()]);
        await client.query('DELETE FROM doc_updates WHERE doc_id = $1 AND seq <= $2', [docId, seq]);
        merged = true;
      } finally {
        doc.destroy();
      }
    });
    return merged;
  }

  async erase(docId: string): Promise<void> {
    await this.inTransaction('BEGIN', async (client) => {
      await client.query('DELETE FROM doc_updates WHERE doc_id = $1', [docId]);
      await client.query('DELETE FROM doc_snapshots WHERE doc_id = $1', [docId]);
    });
  }

  async listDocIds(): Promise<string[]> {
    const rows = (await this.pool.query<{ doc_id: string }>('SELECT doc_id FROM doc_updates UNION SELECT doc_id FROM doc_snapshots')).rows;
    return rows.map((row) => row.doc_id).sort();
  }

  async close(): Promise<void> {
    if (this.ownsPool) await this.pool.end();
  }

  private async inTransaction<T>(begin: string, work: (client: PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query(begin);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }
}

async function lastSeqs(client: PoolClient, docIds: string[]): Promise<Map<string, number>> {
  const rows = (await client.query<{ doc_id: string; seq: number }>(
    `SELECT d AS doc_id, GREATEST(
       COALESCE((SELECT max(seq) FROM doc_updates WHERE doc_id = d), 0),
       COALESCE((SELECT seq FROM doc_snapshots WHERE doc_id = d), 0)) AS seq
     FROM unnest($1::text[]) AS d`, [docIds])).rows;
  return new Map(rows.map((row) => [row.doc_id, Number(row.seq)]));
}
