import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { RawClient } from './helpers/raw-client';
import { makeDataDir, newDocId, startTestServer } from './helpers/server';
import { waitFor } from './helpers/wait';

// A real gc() for a fair heap comparison (the flag can be set at run time; gc is then reachable
// from a fresh context).
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapAfterGc(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('connection churn', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });

  it('S16: 1,000 connect/disconnect cycles (a quarter with an edit) leave no resident document and no growing heap', async () => {
    const data = makeDataDir();
    cleanups.push(() => data.remove());
    const server = await startTestServer(data.dir, { idleMs: 50 });
    cleanups.push(() => server.close());
    const docIds = Array.from({ length: 40 }, () => newDocId());

    const cycle = async (i: number): Promise<void> => {
      const docId = docIds[i % docIds.length]!;
      const socket = new RawClient(`${server.syncUrl}/${docId}?name=C${i % 7}`);
      await socket.opened();
      const doc = new Y.Doc();
      socket.sendSyncStep1(doc);
      if (i % 4 === 0) {
        // Every fourth visitor also edits, so rooms hold content, commits and unload flushes.
        doc.getText('t').insert(0, `${i};`);
        socket.sendUpdate(Y.encodeStateAsUpdate(doc));
      }
      await waitFor(() => socket.of(0, 1).length === 1, 'sync step 2');
      socket.close();
      await socket.closed();
      doc.destroy();
    };
    const runCycles = async (from: number, to: number): Promise<void> => {
      for (let i = from; i < to; i += 20) await Promise.all(Array.from({ length: 20 }, (_, k) => cycle(i + k)));
    };

    await runCycles(0, 200); // warm up: module caches, JIT, SQLite page cache
    await waitFor(() => server.sync.residentCount() === 0 && server.sync.connectionCount() === 0, 'idle after warm-up');
    const baseline = heapAfterGc();
    await runCycles(200, 1_000);
    await waitFor(() => server.sync.residentCount() === 0 && server.sync.connectionCount() === 0, 'idle after churn', 20_000);
    const growth = heapAfterGc() - baseline;
    // Generous bound: 800 leaked rooms or sockets would be far above this; noise is well below.
    expect(growth).toBeLessThan(8 * 1024 * 1024);
  });
});
