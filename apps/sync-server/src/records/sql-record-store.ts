import { and, asc, eq, inArray, isNull, ne, or, sql as raw } from 'drizzle-orm';
import type { Sql } from '../db/sql';
import { records } from '../db/schema/records';
import type { RecordStore, StoredDigest } from './record-store';

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
  async save(ownerKey: string, bytes: Uint8Array, expectedRevision: number | undefined, digest?: StoredDigest): Promise<boolean> {
    const buffer = Buffer.from(bytes);
    const updatedAt = new Date();
    // O34: the digest goes in the same statement as the bytes it was computed from (null when
    // the save has none), so no reader ever sees one without the other or a digest of another revision.
    const digestColumns = { digestVersion: digest?.version ?? null, digest: digest?.body ?? null };
    const changed = expectedRevision === undefined
      ? await this.sql.run((db) => db.insert(records).values({ ownerKey, bytes: buffer, updatedAt, revision: 1, ...digestColumns }).onConflictDoNothing({ target: records.ownerKey }))
      : await this.sql.run((db) => db.update(records).set({ bytes: buffer, updatedAt, revision: raw`${records.revision} + 1`, ...digestColumns })
        .where(and(eq(records.ownerKey, ownerKey), eq(records.revision, expectedRevision))));
    return changed === 1;
  }

  async digests(ownerKeys: readonly string[]): Promise<Map<string, { revision: number; digest: StoredDigest | null }>> {
    const out = new Map<string, { revision: number; digest: StoredDigest | null }>();
    for (let i = 0; i < ownerKeys.length; i += 500) {
      const chunk = ownerKeys.slice(i, i + 500);
      const rows = await this.sql.all((db) => db.select({ ownerKey: records.ownerKey, revision: records.revision, version: records.digestVersion, body: records.digest })
        .from(records).where(inArray(records.ownerKey, chunk)));
      for (const r of rows) out.set(r.ownerKey, { revision: r.revision, digest: r.version === null || r.body === null ? null : { version: r.version, body: r.body } });
    }
    return out;
  }

  async saveDigest(ownerKey: string, revision: number, digest: StoredDigest): Promise<void> {
    // Compare-and-swap like a save: a record saved meanwhile keeps the digest its save wrote.
    await this.sql.run((db) => db.update(records).set({ digestVersion: digest.version, digest: digest.body })
      .where(and(eq(records.ownerKey, ownerKey), eq(records.revision, revision))));
  }

  async staleDigests(version: number): Promise<string[]> {
    const rows = await this.sql.all((db) => db.select({ ownerKey: records.ownerKey }).from(records)
      .where(or(isNull(records.digest), isNull(records.digestVersion), ne(records.digestVersion, version))).orderBy(asc(records.ownerKey)));
    return rows.map((r) => r.ownerKey);
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

