import { eq, inArray, sql as raw } from 'drizzle-orm';
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

  async save(ownerKey: string, bytes: Uint8Array): Promise<void> {
    const buffer = Buffer.from(bytes);
    const updatedAt = new Date();
    await this.sql.run((db) => db.insert(records).values({ ownerKey, bytes: buffer, updatedAt, revision: 1 })
      .onConflictDoUpdate({ target: records.ownerKey, set: { bytes: buffer, updatedAt, revision: raw`${records.revision} + 1` } }));
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
