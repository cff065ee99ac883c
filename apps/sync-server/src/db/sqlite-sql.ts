/**
 * `Sql` on the embedded SQLite file (better-sqlite3). Statements run at once; a transaction is
 * BEGIN IMMEDIATE ... COMMIT on the one connection. Because the work inside a transaction is
 * asynchronous, other callers could otherwise slip a statement into it between two awaits (and
 * see it rolled back with the transaction): every call outside the transaction waits until no
 * transaction is open.
 */
import type Database from 'better-sqlite3';
import type { Query, QueryRoot, Sql } from './sql';

export class SqliteSql implements Sql {
  /** Settles when the open transaction ends; null when none is open. */
  private openTransaction: Promise<void> | null = null;
  /** What a transaction's work is given: runs at once, nested transactions join the outer one. */
  private readonly inside: Sql;

  constructor(private readonly db: QueryRoot, private readonly client: Database.Database) {
    const run = async (build: (db: QueryRoot) => Query<unknown>): Promise<number> => changesOf(await build(db));
    const all = async <R>(build: (db: QueryRoot) => Query<R[]>): Promise<R[]> => await build(db);
    this.inside = {
      all,
      one: async (build) => (await all(build))[0],
      run,
      transaction: (work) => work(this.inside),
    };
  }

  // Each method checks for an open transaction and starts its statement in the same turn: an
  // await between the check and the statement would let a transaction open in between.
  async all<R>(build: (db: QueryRoot) => Query<R[]>): Promise<R[]> {
    while (this.openTransaction) await this.openTransaction;
    return this.inside.all(build);
  }

  async one<R>(build: (db: QueryRoot) => Query<R[]>): Promise<R | undefined> {
    while (this.openTransaction) await this.openTransaction;
    return this.inside.one(build);
  }

  async run(build: (db: QueryRoot) => Query<unknown>): Promise<number> {
    while (this.openTransaction) await this.openTransaction;
    return this.inside.run(build);
  }

  async transaction<T>(work: (tx: Sql) => Promise<T>): Promise<T> {
    while (this.openTransaction) await this.openTransaction;
    let release: () => void = () => undefined;
    this.openTransaction = new Promise((resolve) => (release = resolve));
    try {
      this.client.exec('BEGIN IMMEDIATE');
      const result = await work(this.inside);
      this.client.exec('COMMIT');
      return result;
    } catch (error) {
      if (this.client.inTransaction) this.client.exec('ROLLBACK');
      throw error;
    } finally {
      this.openTransaction = null;
      release();
    }
  }
}

function changesOf(result: unknown): number {
  const changes = (result as { changes?: unknown } | null)?.changes;
  return typeof changes === 'number' ? changes : 0;
}
