import { eq } from 'drizzle-orm';
import type { BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { records } from '../db/schema/records';
import type { RecordStore } from './record-store';

export class SqliteRecordStore implements RecordStore {
  constructor(private readonly db: BetterSQLite3Database<Record<string, unknown>>) {}

  load(ownerKey: string): Promise<Uint8Array | undefined> {
    const row = this.db.select({ bytes: records.bytes }).from(records).where(eq(records.ownerKey, ownerKey)).get();
    return Promise.resolve(row ? new Uint8Array(row.bytes) : undefined);
  }

  save(ownerKey: string, bytes: Uint8Array): Promise<void> {
    const buffer = Buffer.from(bytes);
    this.db
      .insert(records)
      .values({ ownerKey, bytes: buffer, updatedAt: new Date() })
      .onConflictDoUpdate({ target: records.ownerKey, set: { bytes: buffer, updatedAt: new Date() } })
      .run();
    return Promise.resolve();
  }
}
