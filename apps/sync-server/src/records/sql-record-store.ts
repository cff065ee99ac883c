import { and, eq, inArray, sql as raw } from 'drizzle-orm';
import type { Sql } from '../db/sql';
import { records } from '../db/schema/records';
import type { RecordStore } from './record-store';

/** Record documents in the server's database (one row per owner), through `Sql`. */
export class SqlRecordStore implements RecordStore {
  constructor(private readonly sql: Sql) {}

  async load(ownerKey: string): Promise<Uint8Array | undefined> {
    const row = await this.sql.one((db) => db.select({ bytes: records.bytes }).from(records).where(eq(records.ownerKey, ownerKey)));
    return row ? new Uint8Array(row.bytes) : undefined;
  }

  /**
   * Compare-and-swap on the revision (SPEC S61): one statement, so the database decides between
   * two instances saving at once (PostgreSQL re-checks the WHERE after waiting on the other's row
   * lock; SQLite has one writer). The first record of an owner is an insert that a concurrent
   * first insert makes a no-op.
   */
  async save(ownerKey: string, bytes: Uint8Array, expectedRevision: number | undefined): Promise<boolean> {
    const buffer = Buffer.from(bytes);
    const updatedAt = new Date();
    const changed = expectedRevision === undefined
      ? await this.sql.run((db) => db.insert(records).values({ ownerKey, bytes: buffer, updatedAt, revision: 1 }).onConflictDoNothing({ target: records.ownerKey }))
      : await this.sql.run((db) => db.update(records).set({ bytes: buffer, updatedAt, revision: raw`${records.revision} + 1` })
        .where(and(eq(records.ownerKey, ownerKey), eq(records.revision, expectedRevision))));
    return changed === 1;
  }

  async revision(ownerKey: string): Promise<number | undefined> {
    return (await this.sql.one((db) => db.select({ revision: records.revision }).from(records).where(eq(records.ownerKey, ownerKey))))?.revision;
  }

  async revisions(ownerKeys: readonly string[]): Promise<Map<string, number>> {
    const out = new Map<string, number>();
    // Chunks keep each statement well inside SQLite's limit on bound values.
    for (let i = 0; i < ownerKeys.length; i += 500) {
      const chunk = ownerKeys.slice(i, i + 500);
      const rows = await this.sql.all((db) => db.select({ ownerKey: records.ownerKey, revision: records.revision }).from(records).where(inArray(records.ownerKey, chunk)));
      for (const r of rows) out.set(r.ownerKey, r.revision);
    }
    return out;
  }
}
