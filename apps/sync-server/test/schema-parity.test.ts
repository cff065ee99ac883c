/**
 * One schema, two dialects (SPEC S54): every table of db/schema/*.ts is in the SQLite migrations,
 * in the PostgreSQL mirror and in the PostgreSQL migrations, with the same columns. A table or
 * column added to the SQLite schema without `pnpm db:generate` and `pnpm db:generate:pg` fails
 * here, naming what is missing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { getTableConfig as pgTableConfig, PgTable } from 'drizzle-orm/pg-core';
import { getTableConfig, SQLiteTable } from 'drizzle-orm/sqlite-core';
import { is } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import * as pgSchema from '../src/db/postgres/schema';
import { sqliteTables } from '../src/db/schema-tables';

const root = fileURLToPath(new URL('..', import.meta.url));
type Shape = Record<string, string[]>;

function latestSnapshot(folder: string): { tables: Record<string, { name: string; columns: Record<string, unknown> }> } {
  const journal = JSON.parse(readFileSync(join(root, folder, 'meta/_journal.json'), 'utf8')) as { entries: { idx: number }[] };
  const last = journal.entries.at(-1);
  if (!last) throw new Error(`${folder} has no migrations`);
  const file = readdirSync(join(root, folder, 'meta')).find((name) => name.startsWith(`${String(last.idx).padStart(4, '0')}_`));
  if (!file) throw new Error(`${folder}: no snapshot for migration ${last.idx}`);
  return JSON.parse(readFileSync(join(root, folder, 'meta', file), 'utf8')) as never;
}

function snapshotShape(folder: string): Shape {
  const tables = Object.values(latestSnapshot(folder).tables);
  return Object.fromEntries(tables.map((table) => [table.name, Object.keys(table.columns).sort()]).sort());
}

async function schemaFileTables(): Promise<Shape> {
  const shape: Shape = {};
  for (const file of readdirSync(join(root, 'src/db/schema')).filter((name) => name.endsWith('.ts'))) {
    const module = (await import(/* @vite-ignore */ `../src/db/schema/${file.replace(/\.ts$/, '')}`)) as Record<string, unknown>;
    for (const value of Object.values(module)) {
      if (is(value, SQLiteTable)) shape[getTableConfig(value).name] = getTableConfig(value).columns.map((c) => c.name).sort();
    }
  }
  return Object.fromEntries(Object.entries(shape).sort());
}

const shapeOf = (tables: Iterable<SQLiteTable>): Shape =>
  Object.fromEntries([...tables].map((t) => [getTableConfig(t).name, getTableConfig(t).columns.map((c) => c.name).sort()]).sort());

describe('S54: one schema in both dialects', () => {
  it('S54: every table of db/schema is listed in schema-tables.ts, mirrored for PostgreSQL, and in both dialects\' migrations', async () => {
    const files = await schemaFileTables();
    expect(shapeOf(Object.values(sqliteTables())), 'db/schema-tables.ts lists every schema module').toEqual(files);
    const mirrored = Object.values(pgSchema).filter((value): value is PgTable => is(value, PgTable));
    const mirroredShape = Object.fromEntries(mirrored.map((t) => [pgTableConfig(t).name, pgTableConfig(t).columns.map((c) => c.name).sort()]).sort());
    expect(mirroredShape, 'db/postgres/schema.ts exports every table').toEqual(files);
    expect(snapshotShape('drizzle'), 'drizzle/ (SQLite) is generated from the schema: pnpm db:generate').toEqual(files);
    expect(snapshotShape('drizzle-pg'), 'drizzle-pg/ (PostgreSQL) is generated from the schema: pnpm db:generate:pg').toEqual(files);
  });
});
