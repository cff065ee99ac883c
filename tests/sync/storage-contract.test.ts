import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runDocStoreContract } from '@cydweithio/sync-server/storage/contract';
import { MemoryDocStore } from '@cydweithio/sync-server/storage/memory-doc-store';
import { SqliteDocStore } from '@cydweithio/sync-server/storage/sqlite-doc-store';
import { WorkerDocStore } from '@cydweithio/sync-server/storage/worker-doc-store';
import { PgDocStore } from '@cydweithio/sync-server/storage/pg-doc-store';
import { usePgDatabase } from '@cydweithio/sync-server/db/postgres/test-database';

// S13: every DocStore implementation passes the same contract.
runDocStoreContract('memory', async () => ({ store: new MemoryDocStore() }));

runDocStoreContract('sqlite', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-contract-'));
  let current = SqliteDocStore.open(dir);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = SqliteDocStore.open(dir);
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// S21: the same SQLite store behind a worker thread keeps the contract.
runDocStoreContract('sqlite in a worker', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-contract-worker-'));
  let current = await WorkerDocStore.open(dir);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = await WorkerDocStore.open(dir);
      return current;
    },
    cleanup: async () => {
      await current.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});

// S50: and on PostgreSQL, in a database of this run's own (dropped after).
const postgres = usePgDatabase();
runDocStoreContract('postgres', async () => {
  const { pool } = await postgres.fresh();
  let current = new PgDocStore(pool);
  return {
    store: current,
    reopen: async () => {
      await current.close();
      current = new PgDocStore(pool);
      return current;
    },
    renumbersTakenSeqs: true,
  };
});
