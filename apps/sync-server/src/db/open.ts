/**
 * Opens (creating on first start) the SQLite file in the data directory, sets the pragmas the
 * durability promise depends on, and applies the drizzle migrations.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Database from 'better-sqlite3';
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3';
import { migrate } from 'drizzle-orm/better-sqlite3/migrator';
import type { Sql } from './sql';
import { SqliteSql } from './sqlite-sql';

export const DATABASE_FILE_NAME = 'cydweithio.sqlite';
const migrationsFolder = fileURLToPath(new URL('../../drizzle', import.meta.url));

export interface OpenDatabase {
  /** How stores run their queries (db/sql.ts). */
  sql: Sql;
  db: BetterSQLite3Database;
  sqlite: Database.Database;
  path: string;
  close(): void;
}

export function databasePath(dataDir: string): string {
  return join(dataDir, DATABASE_FILE_NAME);
}

export function openDatabase(dataDir: string): OpenDatabase {
  mkdirSync(dataDir, { recursive: true });
  const path = databasePath(dataDir);
  const sqlite = new Database(path);
  // WAL lets readers (health checks, tests, backups) run beside the writer; synchronous=FULL
  // fsyncs every commit, because a durable ack promises the edit survives power loss too.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = drizzle({ client: sqlite });
  migrate(db, { migrationsFolder });
  return {
    sql: new SqliteSql(db, sqlite),
    db,
    sqlite,
    path,
    close: () => {
      if (sqlite.open) sqlite.close();
    },
  };
}
