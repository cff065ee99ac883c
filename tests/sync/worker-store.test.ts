import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { databasePath } from '@cydweithio/sync-server/db/open';
import { readStoredRows } from '@cydweithio/sync-server/db/inspect';
import type { UpdateToAppend } from '@cydweithio/sync-server/storage/doc-store';
import { WorkerDocStore } from '@cydweithio/sync-server/storage/worker-doc-store';
import { makeDataDir } from './helpers/server';

const DOC_A = 'workspace:workerA1';
const DOC_B = 'workspace:workerB2';

/** `count` entries for `docId` from `firstSeq`, each a distinct byte pattern of `size` bytes. */
function entries(docId: string, count: number, firstSeq = 1, size = 64): UpdateToAppend[] {
  return Array.from({ length: count }, (_, index) => ({ docId, seq: firstSeq + index, update: new Uint8Array(size).fill((firstSeq + index) % 251) }));
}

describe('the SQLite store in a worker thread', () => {
  const cleanups: (() => unknown)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  });
  const openStore = async (): Promise<{ store: WorkerDocStore; dir: string }> => {
    const data = makeDataDir('cyd-worker-store-');
    cleanups.push(() => data.remove());
    const store = await WorkerDocStore.open(data.dir);
    cleanups.push(() => store.close());
    return { store, dir: data.dir };
  };

  it('S21: a commit resolves only once its rows are readable from another connection on the same file', async () => {
    const { store, dir } = await openStore();
    for (let round = 0; round < 5; round += 1) {
      const batch = [...entries(DOC_A, 300, round * 300 + 1), ...entries(DOC_B, 100, round * 100 + 1)];
      await store.appendUpdates(batch);
      // Read at once, before anything else runs: a separate read-only better-sqlite3 connection.
      const rows = readStoredRows(dir);
      expect(rows.updates).toBe((round + 1) * 400);
      expect(rows.updatesFor(DOC_A).slice(-300)).toEqual(batch.slice(0, 300).map((entry) => entry.update));
    }
  });

  it('S21: the main event loop keeps running while the worker commits a large batch', async () => {
    const { store, dir } = await openStore();
    // Another writer holds the write lock, so the worker's commit is certainly still in progress
    // (blocked inside SQLite, as it would be in an fsync) after the main thread has ticked a few
    // times, however fast the disk. In-thread, the same call would stall the loop until
    // busy_timeout and fail.
    const otherWriter = new Database(databasePath(dir));
    cleanups.push(() => otherWriter.close());
    otherWriter.exec('BEGIN IMMEDIATE');
    let ticks = 0;
    let tickedThrice!: () => void;
    const thirdTick = new Promise<void>((resolve) => (tickedThrice = resolve));
    const timer = setInterval(() => {
      ticks += 1;
      if (ticks === 3) tickedThrice();
    }, 5);
    cleanups.push(() => clearInterval(timer));

    let committed = false;
    const commit = store.appendUpdates(entries(DOC_A, 5_000, 1, 256)).then(() => {
      committed = true;
    });
    await thirdTick;
    expect(committed).toBe(false);

    otherWriter.exec('ROLLBACK');
    await commit;
    expect(readStoredRows(dir).updates).toBe(5_000);
  });

  it('S21: a worker that dies rejects the waiting call clearly, and the next call runs on a fresh worker', async () => {
    const { store, dir } = await openStore();
    await store.appendUpdates(entries(DOC_A, 2));

    const dying = store.terminateWorkerForTests();
    const waiting = store.appendUpdates(entries(DOC_A, 1, 3));
    await expect(waiting).rejects.toThrow(/storage worker exited unexpectedly/);
    await dying;

    // What the commit queue does next: the same batch again.
    await store.appendUpdates(entries(DOC_A, 1, 3));
    const stored = await store.load(DOC_A);
    expect(stored.lastSeq).toBe(3);
    expect(stored.updates).toEqual(entries(DOC_A, 3).map((entry) => entry.update));
    expect(readStoredRows(dir).updates).toBe(3);
  });

  it("S21: the worker's errors reject with its message, and opening an unusable data dir rejects", async () => {
    const { store, dir } = await openStore();
    const [first] = entries(DOC_A, 1);
    await store.appendUpdates([first!]);
    // The same seq with other bytes: the worker's own error comes back.
    await expect(store.appendUpdates([{ ...first!, update: new Uint8Array([0, 0]) }])).rejects.toThrow(/stored with other bytes/);
    expect((await store.load(DOC_A)).lastSeq).toBe(1);

    const notADirectory = join(dir, 'a-file');
    writeFileSync(notADirectory, '');
    await expect(WorkerDocStore.open(notADirectory)).rejects.toThrow(/could not open the database/);
  });

  it('S21: close() returns once the worker has closed the database; later calls reject', async () => {
    const { store, dir } = await openStore();
    await store.appendUpdates(entries(DOC_A, 10));
    expect(existsSync(`${databasePath(dir)}-wal`)).toBe(true);
    await store.close();
    // The last connection to close checkpoints the WAL into the database and removes it.
    expect(existsSync(`${databasePath(dir)}-wal`)).toBe(false);
    await expect(store.load(DOC_A)).rejects.toThrow(/closed/);
    expect(readStoredRows(dir).updates).toBe(10);
  });
});
