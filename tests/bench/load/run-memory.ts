/**
 * Memory per resident document and per idle connection, from the server's own (GC'd) heap and
 * RSS: first documents with typed content, each held open by its writer; then idle readers.
 */
import * as Y from 'yjs';
import type { ChildServer } from '../../reliability/support/child-server.js';
import type { Dialect } from './dialect.js';
import { RunMetrics } from './metrics.js';
import { docName, openClients, sleep } from './open-clients.js';

export interface MemoryResult {
  heapPerDocKb: number;
  rssPerDocKb: number;
  storedBytesPerDoc: number;
  heapPerIdleConnectionKb: number;
  rssPerIdleConnectionKb: number;
}

const KEYSTROKES_PER_DOC = 400;

export async function runMemory(server: ChildServer, dialect: Dialect, docs: number, idle: number, waitForSync: boolean): Promise<MemoryResult> {
  const metrics = new RunMetrics();
  const base = `ws://127.0.0.1:${server.port}`;
  const empty = await server.stats(true);
  const writers = await openClients(base, dialect, Array.from({ length: docs }, (_, i) => ({ docName: docName('mem', i), writer: true })), metrics, waitForSync);
  for (let k = 0; k < KEYSTROKES_PER_DOC; k++) {
    for (const writer of writers) writer.type();
    // Stay under any per-connection message rate limit, as a person typing would.
    if (k % 100 === 99) await sleep(600);
  }
  await sleep(1500);
  const withDocs = await server.stats(true);
  const readers = await openClients(base, dialect, Array.from({ length: idle }, (_, i) => ({ docName: docName('mem', i % docs), writer: false })), metrics, waitForSync);
  await sleep(1500);
  const withIdle = await server.stats(true);
  const storedBytes = writers.reduce((sum, w) => sum + Y.encodeStateAsUpdate(w.doc).byteLength, 0) / docs;
  const heapPerConnection = (withIdle.heapUsed - withDocs.heapUsed) / idle;
  const rssPerConnection = (withIdle.rss - withDocs.rss) / idle;
  // The writers are connections too: take their share out of the per-document figure.
  const heapPerDoc = (withDocs.heapUsed - empty.heapUsed) / docs - heapPerConnection;
  const rssPerDoc = (withDocs.rss - empty.rss) / docs - rssPerConnection;
  for (const client of [...writers, ...readers]) client.close();
  await sleep(500);
  return {
    heapPerDocKb: heapPerDoc / 1024,
    rssPerDocKb: rssPerDoc / 1024,
    storedBytesPerDoc: storedBytes,
    heapPerIdleConnectionKb: heapPerConnection / 1024,
    rssPerIdleConnectionKb: rssPerConnection / 1024,
  };
}
