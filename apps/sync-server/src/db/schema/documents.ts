/**
 * Document storage: an append-only log of Yjs updates per document plus at most one snapshot
 * (the log merged up to `seq`). Compaction folds the log into the snapshot (SPEC S14).
 */
import { blob, index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';

export const docUpdates = sqliteTable(
  'doc_updates',
  {
    id: integer('id').primaryKey({ autoIncrement: true }),
    docId: text('doc_id').notNull(),
    /** Per-document sequence number, strictly increasing, continuing past the snapshot's seq. */
    seq: integer('seq').notNull(),
    update: blob('update', { mode: 'buffer' }).notNull(),
    createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
    /** The person whose socket sent it; null for the server's own writes (A122). */
    author: text('author'),
  },
  (table) => [
    uniqueIndex('doc_updates_doc_seq').on(table.docId, table.seq),
    index('doc_updates_created_at').on(table.createdAt),
  ],
);

export const docSnapshots = sqliteTable('doc_snapshots', {
  docId: text('doc_id').primaryKey(),
  /** `Y.encodeStateAsUpdate` of the document with every update up to and including `seq`. */
  state: blob('state', { mode: 'buffer' }).notNull(),
  seq: integer('seq').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});
