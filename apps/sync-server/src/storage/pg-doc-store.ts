/**
 * The DocStore on PostgreSQL (DATABASE_URL, SPEC S50-S53), the same tables as SQLite's
 * (drizzle-pg/). Several instances write to one database, so each document's log has more than
 * one writer:
 *   - the unique (doc_id, seq) index decides who got a seq: a batch whose seq is stored with
 *     other bytes, or lies under the snapshot, is refused whole with SeqTakenError carrying the
 *     stored last seq, and the commit queue renumbers and retries (S51);
 *   - appends hold a shared advisory lock per document and compaction tries the exclusive one,
 *     so compaction never deletes rows a concurrent append is adding below the snapshot, and only
 *     one instance compacts a document at a time (S52); compaction holds it for one call only,
 *     having merged beforehand, and swaps only if nothing below its seq changed (S69);
 *   - compaction merges the stored snapshot and log itself, with the caller's state, so rows
 *     another instance committed are never dropped for a state that lacked them.
 * Queries are plain SQL on the pool: the hot path is one call of a function (drizzle-pg/0014) per
 * batch, one round trip, where it used to be five.
 */
import type { Pool, PoolClient } from 'pg';
import * as Y from 'yjs';
import { LOCK_SPACE } from '../db/postgres/open';
import { assertBatch, SeqTakenError, storedDocFrom, type DocStore, type StoredDoc, type UpdateToAppend } from './doc-store';

const bytes = (buffer: Buffer): Uint8Array => new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
const toBuffer = (view: Uint8Array): Buffer => Buffer.from(view.buffer, view.byteOffset, view.byteLength);
/** The SQLSTATE `cyd_append_updates` refuses a batch with. */
const SEQ_TAKEN = 'CY051';

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

  /**
   * One round trip (S66): `cyd_append_updates` (drizzle-pg/0014) takes the shared locks, stores
   * the entries of a document whose seqs another instance took above its log (S67), waits out a
   * writer still committing one of its seqs and looks again (S68), and refuses the batch whole
   * (S51) only when a seq stays taken after a few such attempts, or lies under
   * the snapshot, with the stored last seqs. Resolves with the seq each entry is stored under.
   */
  async appendUpdates(batch: readonly UpdateToAppend[]): Promise<readonly number[]> {
    if (batch.length === 0) return [];
    assertBatch(batch);
    const now = Date.now();
    try {
      const result = await this.pool.query<{ seqs: (number | string)[] }>(
        'SELECT cyd_append_updates($1, $2::text[], $3::bigint[], $4::bytea[], $5::bigint[], $6::text[]) AS seqs',
        [LOCK_SPACE, batch.map((e) => e.docId), batch.map((e) => e.seq), batch.map((e) => toBuffer(e.update)), batch.map(() => now), batch.map((e) => e.author ?? null)],
      );
      return (result.rows[0]?.seqs ?? []).map(Number);
    } catch (error) {
      const taken = seqsTakenIn(error);
      if (taken) throw new SeqTakenError(taken);
      throw error;
    }
  }

  /**
   * S69: read without a lock (one statement, so one consistent view), merge here, then swap the
   * snapshot in one call of `cyd_compact` (drizzle-pg/0015), which holds the document's exclusive
   * lock only for that call and skips the swap if anything below the seq changed meanwhile.
   */
  async compact(docId: string, mergedState: Uint8Array, upToSeq: number): Promise<boolean> {
    const read = (await this.pool.query<{ state: Buffer | null; snapshot_seq: string | null; rows: string; max_seq: string | null; updates: Buffer[] }>(
      `WITH s AS (SELECT state, seq FROM doc_snapshots WHERE doc_id = $1),
            r AS (SELECT u.seq, u."update" FROM doc_updates u
                  WHERE u.doc_id = $1 AND u.seq <= GREATEST($2::bigint, COALESCE((SELECT seq FROM s), 0)))
       SELECT (SELECT state FROM s) AS state, (SELECT seq FROM s) AS snapshot_seq,
              (SELECT count(*) FROM r) AS rows, (SELECT max(seq) FROM r) AS max_seq,
              ARRAY(SELECT "update" FROM r ORDER BY seq) AS updates`,
      [docId, upToSeq])).rows[0];
    const snapshotSeq = Number(read?.snapshot_seq ?? 0);
    const seq = Math.max(upToSeq, snapshotSeq);
    const doc = new Y.Doc();
    try {
      // The stored snapshot and rows with the caller's state: rows another instance committed
      // are never dropped for a state that lacked them.
      Y.transact(doc, () => {
        if (read?.state) Y.applyUpdate(doc, read.state);
        for (const update of read?.updates ?? []) Y.applyUpdate(doc, update);
        Y.applyUpdate(doc, mergedState);
      });
      const state = toBuffer(Y.encodeStateAsUpdate(doc));
      const swapped = await this.pool.query<{ merged: boolean }>(
        'SELECT cyd_compact($1, $2, $3, $4, $5, $6, $7, $8) AS merged',
        [LOCK_SPACE, docId, state, seq, snapshotSeq, Number(read?.rows ?? 0), Number(read?.max_seq ?? 0), Date.now()]);
      return swapped.rows[0]?.merged === true;
    } finally {
      doc.destroy();
    }
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

/** The function's refusal (SQLSTATE CY051), whose detail is each refused document's stored last seq. */
function seqsTakenIn(error: unknown): Map<string, number> | null {
  const { code, detail } = (error ?? {}) as { code?: unknown; detail?: unknown };
  if (code !== SEQ_TAKEN || typeof detail !== 'string') return null;
  return new Map(Object.entries(JSON.parse(detail) as Record<string, number>).map(([docId, seq]) => [docId, Number(seq)]));
}
