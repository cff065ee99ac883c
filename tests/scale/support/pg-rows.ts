/** What PostgreSQL holds for a document, read directly (the instances may be dead). */
import pg from 'pg';
import * as Y from 'yjs';

export async function storedDocFromPg(url: string, docId: string): Promise<Y.Doc> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('BEGIN ISOLATION LEVEL REPEATABLE READ');
    const snapshot = (await client.query<{ state: Buffer; seq: string }>('SELECT state, seq FROM doc_snapshots WHERE doc_id = $1', [docId])).rows[0];
    const rows = (await client.query<{ update: Buffer }>('SELECT "update" FROM doc_updates WHERE doc_id = $1 AND seq > $2 ORDER BY seq', [docId, Number(snapshot?.seq ?? 0)])).rows;
    await client.query('COMMIT');
    const doc = new Y.Doc({ gc: false });
    if (snapshot) Y.applyUpdate(doc, snapshot.state);
    for (const row of rows) Y.applyUpdate(doc, row.update);
    return doc;
  } finally {
    await client.end();
  }
}
