/**
 * How the access layer, the record layer and every store of the server talk to their database:
 * through `Sql`, never through a driver. Each call takes a function that builds one drizzle
 * query from the builder root it is given, so the same store code runs on the embedded SQLite
 * file and, through another implementation of this interface, on a server database, and a
 * query inside `transaction` is always built on the transaction.
 *
 * Everything is asynchronous, although SQLite answers at once: a server database does not, and
 * callers written against promises need no change when the storage moves.
 */
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';

/** The builder root a query is made from (drizzle's query builder; the schema is in db/schema). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tables carry their own types; only the builder is used.
export type QueryRoot = BetterSQLite3Database<any>;

/** A drizzle query: awaiting it runs it. */
export type Query<R> = PromiseLike<R>;

export interface Sql {
  /** Every row the query returns. */
  all<R>(build: (db: QueryRoot) => Query<R[]>): Promise<R[]>;
  /** The first row, or undefined. Add `.limit(1)` to the query when more could match. */
  one<R>(build: (db: QueryRoot) => Query<R[]>): Promise<R | undefined>;
  /** Runs an insert, update or delete; resolves to the number of rows it changed. */
  run(build: (db: QueryRoot) => Query<unknown>): Promise<number>;
  /**
   * Runs `work` as one transaction: committed when it resolves, rolled back when it throws.
   * Only database calls belong inside (no hashing, no network): other callers wait meanwhile.
   */
  transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T>;
}
