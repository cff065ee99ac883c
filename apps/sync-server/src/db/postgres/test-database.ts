/**
 * For test files (like storage/contract.ts): a PostgreSQL database of the file's own (SPEC S50): created with the schema migrated on
 * first use, emptied before each test that asks for it (`fresh`), dropped after the file.
 */
import { afterAll } from 'vitest';
import type pg from 'pg';
import { createPool, migratePg } from './open';
import { createScratchDatabase, type ScratchDatabase } from './scratch-database';

export interface PgTestDatabase {
  /** The database emptied (every table truncated), and a pool on it. */
  fresh(): Promise<{ url: string; pool: pg.Pool }>;
  /** Another pool on the database at `url` (a second instance), ended after the file. */
  pool(url: string): pg.Pool;
}

export function usePgDatabase(): PgTestDatabase {
  let scratch: Promise<{ database: ScratchDatabase; pool: pg.Pool }> | undefined;
  const pools: pg.Pool[] = [];
  const open = () => {
    scratch ??= (async () => {
      const database = await createScratchDatabase();
      const pool = createPool(database.url);
      pools.push(pool);
      await migratePg(pool);
      return { database, pool };
    })();
    return scratch;
  };
  afterAll(async () => {
    if (!scratch) return;
    const { database } = await scratch;
    await Promise.all(pools.map((pool) => pool.end().catch(() => undefined)));
    await database.drop();
  });
  return {
    fresh: async () => {
      const { database, pool } = await open();
      const tables = (await pool.query<{ tablename: string }>("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")).rows.map((row) => `"${row.tablename}"`);
      if (tables.length > 0) await pool.query(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`);
      return { url: database.url, pool };
    },
    pool: (url) => {
      const extra = createPool(url);
      pools.push(extra);
      return extra;
    },
  };
}
