/**
 * Memory per resident document and per idle connection, from the server's own GC'd memory:
 * first documents with typed content, each held open by its writer (measured at the last
 * keystroke, 1.5 s later, between bursts, and once they have been quiet for a while: our server
 * holds a quiet document as bytes, SPEC S22); then idle readers. Memory is the JS heap plus ArrayBuffers, because byte arrays
 * (a cold document, socket buffers) live outside the heap and would otherwise go uncounted.
 * A warm-up pass first runs the same paths on other documents: the code V8 compiles on the way
 * (megabytes) is a cost of the process, not of the documents measured after it.
 */
import * as Y from 'yjs';
import type { ChildServer } from '../../reliability/support/child-server.js';
import type { ServerStats } from '../servers/child-ipc.js';
import type { Dialect } from './dialect.js';
import { RunMetrics } from './metrics.js';
import { docName, openClients, sleep } from './open-clients.js';

export interface MemoryResult {
  /** Per document in a burst of typing (at its last keystroke): what Yjs holds while people type. */
  perDocTypingKb: number;
  /** Per document 1.5 s after a burst of 400 keystrokes: between bursts. */
  perDocTypedKb: number;
  /** Per document once nobody has typed in it for `quietMs`. */
  perDocQuietKb: number;
  rssPerDocKb: number;
  storedBytesPerDoc: number;
  perIdleConnectionKb: number;
  rssPerIdleConnectionKb: number;
}

const KEYSTROKES_PER_DOC = 400;
const WARM_UP_DOCS = 20;

const used = (stats: ServerStats): number => stats.heapUsed + stats.arrayBuffers;

export async function runMemory(server: ChildServer, dialect: Dialect, options: { docs: number; idle: number; waitForSync: boolean; quietMs: number }): Promise<MemoryResult> {
  const { docs, idle, waitForSync } = options;
  const metrics = new RunMetrics();
  const base = `ws://127.0.0.1:${server.port}`;
  const typeInto = async (prefix: string, count: number) => {
    const writers = await openClients(base, dialect, Array.from({ length: count }, (_, i) => ({ docName: docName(prefix, i), writer: true })), metrics, waitForSync);
    for (let k = 0; k < KEYSTROKES_PER_DOC; k++) {
      for (const writer of writers) writer.type();
      // Stay under any per-connection message rate limit, as a person typing would.
      if (k % 100 === 99) await sleep(600);
    }
    return writers;
  };
  const warmUp = await typeInto('warm', WARM_UP_DOCS);
  warmUp.push(...(await openClients(base, dialect, Array.from({ length: WARM_UP_DOCS * 5 }, (_, i) => ({ docName: docName('warm', i % WARM_UP_DOCS), writer: false })), metrics, waitForSync)));
  await sleep(options.quietMs + 1500);
  const empty = await server.stats(true);
  const writers = await typeInto('mem', docs);
  const typing = await server.stats(true);
  await sleep(1500);
  const typed = await server.stats(true);
  await sleep(options.quietMs);
  const quiet = await server.stats(true);
  const readers = await openClients(base, dialect, Array.from({ length: idle }, (_, i) => ({ docName: docName('mem', i % docs), writer: false })), metrics, waitForSync);
  await sleep(1500);
  const withIdle = await server.stats(true);
  const storedBytes = writers.reduce((sum, w) => sum + Y.encodeStateAsUpdate(w.doc).byteLength, 0) / docs;
  const perConnection = (used(withIdle) - used(quiet)) / idle;
  const rssPerConnection = (withIdle.rss - quiet.rss) / idle;
  // The writers are connections too: take their share out of the per-document figures.
  const perDoc = (stats: ServerStats): number => (used(stats) - used(empty)) / docs - perConnection;
  const rssPerDoc = (quiet.rss - empty.rss) / docs - rssPerConnection;
  for (const client of [...warmUp, ...writers, ...readers]) client.close();
  await sleep(500);
  return {
    perDocTypingKb: perDoc(typing) / 1024,
    perDocTypedKb: perDoc(typed) / 1024,
    perDocQuietKb: perDoc(quiet) / 1024,
    rssPerDocKb: rssPerDoc / 1024,
    storedBytesPerDoc: storedBytes,
    perIdleConnectionKb: perConnection / 1024,
    rssPerIdleConnectionKb: rssPerConnection / 1024,
  };
}
