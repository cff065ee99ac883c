/**
 * `Sql` on PostgreSQL (node-postgres through drizzle's pg dialect). The stores' queries are built
 * from the SQLite table objects (db/schema): drizzle's pg builder renders them as PostgreSQL, and
 * the columns' own converters keep their values (see mirror.ts for the type mapping).
 * A transaction holds one pooled connection from BEGIN to COMMIT; statements outside it run on
 * other connections at the same time (PostgreSQL isolates them, unlike the one SQLite connection).
 */
import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import type { Pool } from 'pg';
import type { Query, QueryRoot, Sql } from '../sql';

type PgRoot = Pick<NodePgDatabase, 'select' | 'insert' | 'update' | 'delete'>;

export class PgSql implements Sql {
  private readonly db: NodePgDatabase;

  constructor(pool: Pool) {
    this.db = drizzle({ client: pool });
  }

  all<R>(build: (db: QueryRoot) => Query<R[]>): Promise<R[]> {
    return allOn(this.db, build);
  }

  async one<R>(build: (db: QueryRoot) => Query<R[]>): Promise<R | undefined> {
    return (await allOn(this.db, build))[0];
  }

  run(build: (db: QueryRoot) => Query<unknown>): Promise<number> {
    return runOn(this.db, build);
  }

  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    return this.db.transaction((tx) => work(insideTransaction(tx)));
  }
}

/** What a transaction's work is given: its statements on the transaction; nested ones join it. */
function insideTransaction(tx: PgRoot): Sql {
  const inside: Sql = {
    all: (build) => allOn(tx, build),
    one: async (build) => (await allOn(tx, build))[0],
    run: (build) => runOn(tx, build),
    transaction: (work) => work(inside),
  };
  return inside;
}

// The builder is typed as SQLite's (db/sql.ts): the calls the stores make exist on both dialects.
const asRoot = (db: PgRoot): QueryRoot => db as unknown as QueryRoot;

async function allOn<R>(db: PgRoot, build: (db: QueryRoot) => Query<R[]>): Promise<R[]> {
  return await build(asRoot(db));
}

async function runOn(db: PgRoot, build: (db: QueryRoot) => Query<unknown>): Promise<number> {
  const result = (await build(asRoot(db))) as { rowCount?: number | null } | unknown[] | null;
  if (Array.isArray(result)) return result.length;
  return result?.rowCount ?? 0;
}
