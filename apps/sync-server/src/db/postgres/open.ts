/**
 * Opens the server database on PostgreSQL (DATABASE_URL): a connection pool that reads bigint
 * as a JS number (the SQLite schema's integers, mirror.ts), and the drizzle-pg migrations,
 * applied under an advisory lock so that instances starting together migrate once.
 */
import { fileURLToPath } from 'node:url';
import { drizzle } from 'drizzle-orm/node-postgres';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import type { Sql } from '../sql';
import { PgSql } from './pg-sql';

const migrationsFolder = fileURLToPath(new URL('../../../drizzle-pg', import.meta.url));
const BIGINT_OID = 20;
/** The first key of every advisory lock this server takes (the second names what is locked). */
export const LOCK_SPACE = 4217;
const MIGRATION_LOCK = 0;

export interface PgDatabase {
  kind: 'postgres';
  sql: Sql;
  pool: pg.Pool;
  url: string;
  close(): Promise<void>;
}

// Every integer column holds values well inside 2^53 (ids, seqs, epoch milliseconds), and the
// SQLite columns' converters expect numbers. Set on node-postgres' shared parsers because
// drizzle's pg session passes those with every query (a pool's own `types` would be overridden).
pg.types.setTypeParser(BIGINT_OID, (value: string) => Number(value));

export function createPool(url: string, max = 10): pg.Pool {
  const pool = new pg.Pool({ connectionString: url, max, connectionTimeoutMillis: 5_000 });
  // A client whose server went away emits 'error': idle, the pool drops it; checked out, the query
  // in flight fails (and the caller retries). Either way it must not be an unhandled error.
  pool.on('error', () => undefined);
  pool.on('connect', (client) => client.on('error', () => undefined));
  return pool;
}

export async function migratePg(pool: pg.Pool): Promise<void> {
  const client = await pool.connect();
  try {
    await client.query('SELECT pg_advisory_lock($1, $2)', [LOCK_SPACE, MIGRATION_LOCK]);
    await migrate(drizzle({ client }), { migrationsFolder });
  } finally {
    await client.query('SELECT pg_advisory_unlock($1, $2)', [LOCK_SPACE, MIGRATION_LOCK]).catch(() => undefined);
    client.release();
  }
}

export async function openPgDatabase(url: string): Promise<PgDatabase> {
  const pool = createPool(url);
  await migratePg(pool);
  let closed = false;
  return {
    kind: 'postgres',
    sql: new PgSql(pool),
    pool,
    url,
    close: async () => {
      if (closed) return;
      closed = true;
      await pool.end();
    },
  };
}
