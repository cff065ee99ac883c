import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One Automerge record document per owner ("school:<number>" or "collaborative:<id>"). */
export const records = sqliteTable('records', {
  ownerKey: text('owner_key').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  /** Counts saves, so a reader holding a loaded copy knows cheaply whether it is still current (K16). */
  revision: integer('revision').notNull().default(0),
  /**
   * O34: what the record says for the LA picture (the format `digestVersion`), computed from its
   * current state and written in the same statement as the bytes, so it is always of this
   * revision; null when a save came without one or it is yet to be computed (O35).
   */
  digestVersion: integer('digest_version'),
  digest: text('digest'),
});
