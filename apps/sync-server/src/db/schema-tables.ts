/**
 * Every table of the server's database, as one object: what the PostgreSQL schema is derived
 * from (postgres/schema.ts) and what the schema-parity test checks both dialects against. A new
 * file in db/schema/ belongs here too (the test lists any table missing).
 */
import { is } from 'drizzle-orm';
import { SQLiteTable } from 'drizzle-orm/sqlite-core';
import * as activity from './schema/activity';
import * as comments from './schema/comments';
import * as convening from './schema/convening';
import * as cycle from './schema/cycle';
import * as directory from './schema/directory';
import * as documents from './schema/documents';
import * as identity from './schema/identity';
import * as laPicture from './schema/la-picture';
import * as notifications from './schema/notifications';
import * as peerReviews from './schema/peer-reviews';
import * as records from './schema/records';

export const schemaModules = { activity, comments, convening, cycle, directory, documents, identity, laPicture, notifications, peerReviews, records };

/** Every SQLite table object of db/schema, keyed by its export name. */
export function sqliteTables(): Record<string, SQLiteTable> {
  const tables: Record<string, SQLiteTable> = {};
  for (const module of Object.values(schemaModules)) {
    for (const [name, value] of Object.entries(module)) if (is(value, SQLiteTable)) tables[name] = value;
  }
  return tables;
}
