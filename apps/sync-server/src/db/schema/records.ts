import { blob, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';

/** One Automerge record document per owner ("school:<number>" or "collaborative:<id>"). */
export const records = sqliteTable('records', {
  ownerKey: text('owner_key').primaryKey(),
  bytes: blob('bytes', { mode: 'buffer' }).notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
  /** Counts saves, so a reader holding a loaded copy knows cheaply whether it is still current (K16). */
  revision: integer('revision').notNull().default(0),
});
