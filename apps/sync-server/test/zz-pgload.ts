import * as Y from 'yjs';
import { createScratchDatabase } from '../src/db/postgres/scratch-database';
import { createPool, migratePg } from '../src/db/postgres/open';
import { PgDocStore } from '../src/storage/pg-doc-store';

const db = await createScratchDatabase();
const pool = createPool(db.url);
await migratePg(pool);
const store = new PgDocStore(pool);
const docs = Array.from({ length: 100 }, (_, i) => ({ id: `workspace:d${i}`, doc: new Y.Doc(), seq: 0 }));
const times: number[] = [];
const end = performance.now() + 20_000;
while (performance.now() < end) {
  const batch = [];
  for (let k = 0; k < 6; k++) {
    const d = docs[Math.floor(Math.random() * docs.length)]!;
    let u: Uint8Array | undefined;
    d.doc.once('update', (x: Uint8Array) => (u = x));
    d.doc.getText('t').insert(0, 'a');
    batch.push({ docId: d.id, seq: ++d.seq, update: u! });
  }
  const t0 = performance.now();
  await store.appendUpdates(batch);
  times.push(performance.now() - t0);
  await new Promise((r) => setTimeout(r, 3));
}
times.sort((a, b) => a - b);
const p = (q: number) => times[Math.floor(q * (times.length - 1))]!.toFixed(2);
console.log(`n=${times.length} p50 ${p(0.5)} p90 ${p(0.9)} p99 ${p(0.99)} p999 ${p(0.999)} max ${p(1)}`);
console.log('over 50ms:', times.filter((t) => t > 50).length);
await pool.end();
await db.drop();
