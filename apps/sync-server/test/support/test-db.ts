/**
 * A fresh SQLite database with the access layer's tables, for route tests. The DDL is derived
 * from db/schema/directory.ts, comments.ts, cycle.ts, records.ts, la-picture.ts, peer-reviews.ts,
 * activity.ts, notifications.ts and documents.ts (the update log the activity is derived from) with drizzle-kit's API, so tests never drift from the schema
 * (the server itself applies the generated migrations in drizzle/).
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { generateSQLiteDrizzleJson, generateSQLiteMigration } from 'drizzle-kit/api';
import * as activity from '../../src/db/schema/activity';
import * as comments from '../../src/db/schema/comments';
import * as documents from '../../src/db/schema/documents';
import * as directory from '../../src/db/schema/directory';
import * as cycle from '../../src/db/schema/cycle';
import * as laPicture from '../../src/db/schema/la-picture';
import * as records from '../../src/db/schema/records';
import * as peerReviews from '../../src/db/schema/peer-reviews';
import * as convening from '../../src/db/schema/convening';
import * as notifications from '../../src/db/schema/notifications';
import type { QueryRoot, Sql } from '../../src/db/sql';
import { SqliteSql } from '../../src/db/sqlite-sql';

let ddl: Promise<string[]> | undefined;

async function schemaDdl(): Promise<string[]> {
  const empty = await generateSQLiteDrizzleJson({});
  const current = await generateSQLiteDrizzleJson({ ...directory, ...comments, ...cycle, ...records, ...laPicture, ...peerReviews, ...convening, ...activity, ...documents, ...notifications } as Record<string, unknown>, empty.id);
  return generateSQLiteMigration(empty, current);
}

export async function openTestDb(): Promise<{ db: QueryRoot; sql: Sql; close: () => void }> {
  ddl ??= schemaDdl();
  const sqlite = new Database(':memory:');
  sqlite.pragma('foreign_keys = ON');
  for (const statement of await ddl) sqlite.exec(statement);
  const db = drizzle(sqlite);
  return { db, sql: new SqliteSql(db, sqlite), close: () => sqlite.close() };
}
