/**
 * Read-only look at a data dir's document tables, as an outside observer (operators, and tests
 * that check what is on disk when an ack arrives). Never writes; opens and closes per call.
 */
import Database from 'better-sqlite3';
import { databasePath } from './open';

export interface StoredRows {
  updates: number;
  snapshots: number;
  updatesFor(docId: string): Uint8Array[];
}

export function readStoredRows(dataDir: string): StoredRows {
  const db = new Database(databasePath(dataDir), { readonly: true, fileMustExist: true });
  try {
    const count = (table: 'doc_updates' | 'doc_snapshots'): number => (db.prepare(`select count(*) as n from ${table}`).get() as { n: number }).n;
    const rows = db.prepare('select doc_id, "update" from doc_updates order by id').all() as { doc_id: string; update: Buffer }[];
    return {
      updates: count('doc_updates'),
      snapshots: count('doc_snapshots'),
      updatesFor: (docId) => rows.filter((row) => row.doc_id === docId).map((row) => new Uint8Array(row.update)),
    };
  } finally {
    db.close();
  }
}
