/**
 * The embedded DocStore: drizzle-orm over better-sqlite3 (WAL, synchronous=FULL, see db/open.ts).
 * better-sqlite3 is synchronous, so a resolved appendUpdates means the transaction is committed.
 * The hot path (appendUpdates) bypasses drizzle: one statement prepared once and reused for every
 * row, one transaction per batch, seqs from the caller. Building a query per row measured about
 * 0.5 ms a row under load, which blocked the event loop for the whole batch.
 * The server runs this store in a worker thread (worker-doc-store.ts, SPEC S21), so its commits
 * block that thread only; tools and tests may use it directly.
 */
import type { Statement } from 'better-sqlite3';
import { and, asc, eq, lte, sql } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { docSnapshots, docUpdates } from '../db/schema/documents';
import { openDatabase, type OpenDatabase } from '../db/open';
import { assertBatch, storedDocFrom, type DocStore, type StoredDoc, type UpdateToAppend } from './doc-store';

type Db = BetterSQLite3Database;
type InsertRow = [docId: string, seq: number, update: Buffer, createdAt: number, author: string | null];

/** Bytes as a plain Uint8Array view (drizzle hands back Buffers; Yjs and callers want Uint8Array). */
function bytes(buffer: Uint8Array): Uint8Array {
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength);
}

function toBuffer(view: Uint8Array): Buffer {
  return Buffer.from(view.buffer, view.byteOffset, view.byteLength);
}

export class SqliteDocStore implements DocStore {
  private readonly insertUpdate: Statement<InsertRow>;
  private readonly storedUpdate: Statement<[docId: string, seq: number], { update: Buffer }>;
  private readonly appendBatch: (batch: readonly UpdateToAppend[]) => void;

  private constructor(private readonly database: OpenDatabase) {
    // A seq already taken inserts nothing (changes = 0) and is then compared: the same bytes are
    // a replay of a committed batch, other bytes refuse the batch (DocStore.appendUpdates).
    this.insertUpdate = database.sqlite.prepare<InsertRow>(
      'INSERT INTO doc_updates (doc_id, seq, "update", created_at, author) VALUES (?, ?, ?, ?, ?) ON CONFLICT (doc_id, seq) DO NOTHING',
    );
    this.storedUpdate = database.sqlite.prepare<[string, number], { update: Buffer }>('SELECT "update" FROM doc_updates WHERE doc_id = ? AND seq = ?');
    // BEGIN IMMEDIATE: take the write lock up front rather than fail to upgrade a read lock.
    const append = database.sqlite.transaction((batch: readonly UpdateToAppend[]) => {
      const now = Date.now();
      for (const entry of batch) {
        const bytes = toBuffer(entry.update);
        if (this.insertUpdate.run(entry.docId, entry.seq, bytes, now, entry.author ?? null).changes === 0 && !this.storedUpdate.get(entry.docId, entry.seq)?.update.equals(bytes)) {
          throw new Error(`appendUpdates: seq ${entry.seq} of ${entry.docId} is stored with other bytes`);
        }
      }
    });
    this.appendBatch = (batch) => append.immediate(batch);
  }

  /** Opens (creating if needed) the database file in `dataDir` and runs the migrations. */
  static open(dataDir: string): SqliteDocStore {
    return new SqliteDocStore(openDatabase(dataDir));
  }

  get path(): string {
    return this.database.path;
  }

  private get db(): Db {
    return this.database.db;
  }

  async load(docId: string): Promise<StoredDoc> {
    // One read transaction, so a concurrent compaction cannot give us a snapshot and a log that disagree.
    return this.db.transaction((tx) => {
      const snapshot = tx.select().from(docSnapshots).where(eq(docSnapshots.docId, docId)).get();
      const rows = tx
        .select({ seq: docUpdates.seq, update: docUpdates.update })
        .from(docUpdates)
        .where(and(eq(docUpdates.docId, docId), sql`${docUpdates.seq} > ${snapshot?.seq ?? 0}`))
        .orderBy(asc(docUpdates.seq))
        .all();
      return storedDocFrom(snapshot && { state: bytes(snapshot.state), seq: snapshot.seq }, rows.map((row) => ({ seq: row.seq, update: bytes(row.update) })));
    });
  }

  async appendUpdates(batch: readonly UpdateToAppend[]): Promise<void> {
    if (batch.length === 0) return;
    // Validated before the transaction; within it, the unique (doc_id, seq) index refuses a seq
    // already stored, and the throw rolls back every row of the batch.
    assertBatch(batch);
    this.appendBatch(batch);
  }

  async compact(docId: string, mergedState: Uint8Array, upToSeq: number): Promise<boolean> {
    const now = new Date();
    this.db.transaction(
      (tx) => {
        tx.insert(docSnapshots)
          .values({ docId, state: toBuffer(mergedState), seq: upToSeq, updatedAt: now })
          .onConflictDoUpdate({ target: docSnapshots.docId, set: { state: toBuffer(mergedState), seq: upToSeq, updatedAt: now } })
          .run();
        tx.delete(docUpdates).where(and(eq(docUpdates.docId, docId), lte(docUpdates.seq, upToSeq))).run();
      },
      { behavior: 'immediate' },
    );
    return true;
  }

  async erase(docId: string): Promise<void> {
    this.db.transaction((tx) => {
      tx.delete(docUpdates).where(eq(docUpdates.docId, docId)).run();
      tx.delete(docSnapshots).where(eq(docSnapshots.docId, docId)).run();
    });
  }

  async listDocIds(): Promise<string[]> {
    const rows = this.db
      .select({ docId: docUpdates.docId })
      .from(docUpdates)
      .union(this.db.select({ docId: docSnapshots.docId }).from(docSnapshots))
      .all();
    return rows.map((row) => row.docId).sort();
  }

  async close(): Promise<void> {
    this.database.close();
  }
}
