/**
 * The PostgreSQL tables, derived from the SQLite schema (db/schema/*) rather than written twice:
 * a table or column added there is a table or column here, and the PostgreSQL migrations
 * (drizzle-pg/) are generated from these. The stores keep building their queries from the SQLite
 * table objects; on PostgreSQL those run unchanged because each SQLite column maps to a type
 * that carries the same values:
 *   integer (numbers, timestamp_ms, booleans as 0/1) -> bigint, read back as a JS number;
 *   text (and JSON kept as text) -> text; real -> double precision; blob -> bytea.
 * Only this shape is used for DDL (drizzle-kit); nothing reads these objects at run time.
 */
import { is, SQL, sql } from 'drizzle-orm';
import {
  bigint,
  bigserial,
  customType,
  doublePrecision,
  foreignKey,
  index,
  pgTable,
  primaryKey,
  text,
  uniqueIndex,
  type PgColumnBuilderBase,
  type PgTable,
} from 'drizzle-orm/pg-core';
import { getTableConfig, type SQLiteColumn, type SQLiteTable } from 'drizzle-orm/sqlite-core';

const bytea = customType<{ data: Buffer; driverData: Buffer }>({ dataType: () => 'bytea' });

/** SQL defaults the SQLite schema uses, in PostgreSQL's words. A new one fails loudly here. */
const SQL_DEFAULTS: Record<string, string> = {
  '(unixepoch() * 1000)': '((extract(epoch from now()) * 1000)::bigint)',
};

function sqlText(value: SQL): string {
  return value.queryChunks.map((chunk) => {
    const text = (chunk as { value?: unknown }).value;
    return Array.isArray(text) ? text.join('') : String(text ?? '');
  }).join('');
}

/** The builder calls the mirror makes, whatever the column type. */
interface Builder {
  primaryKey(): Builder;
  notNull(): Builder;
  unique(name?: string): Builder;
  default(value: unknown): Builder;
}

function pgType(table: string, column: SQLiteColumn): Builder {
  const name = column.name;
  const autoIncrement = (column as unknown as { autoIncrement?: boolean }).autoIncrement === true;
  switch (column.columnType) {
    case 'SQLiteInteger':
    case 'SQLiteTimestamp':
    case 'SQLiteBoolean':
      return (autoIncrement ? bigserial(name, { mode: 'number' }) : bigint(name, { mode: 'number' })) as unknown as Builder;
    case 'SQLiteText':
    case 'SQLiteTextJson':
      return text(name) as unknown as Builder;
    case 'SQLiteReal':
      return doublePrecision(name) as unknown as Builder;
    case 'SQLiteBlobBuffer':
    case 'SQLiteBlobJson':
    case 'SQLiteBigInt':
      return bytea(name) as unknown as Builder;
    default:
      throw new Error(`${table}.${name}: no PostgreSQL type for ${column.columnType} (db/postgres/mirror.ts)`);
  }
}

function mirrorColumn(table: string, column: SQLiteColumn): PgColumnBuilderBase {
  const name = column.name;
  let builder = pgType(table, column);
  if (column.primary) builder = builder.primaryKey();
  else if (column.notNull) builder = builder.notNull();
  if (column.isUnique) builder = builder.unique(column.uniqueName);
  if (column.default !== undefined) {
    if (is(column.default, SQL)) {
      const translated = SQL_DEFAULTS[sqlText(column.default)];
      if (!translated) throw new Error(`${table}.${name}: add a PostgreSQL form of the default ${sqlText(column.default)} (db/postgres/mirror.ts)`);
      builder = builder.default(sql.raw(translated));
    } else {
      const value = column.default;
      builder = builder.default(typeof value === 'boolean' ? (value ? 1 : 0) : value);
    }
  }
  return builder as unknown as PgColumnBuilderBase;
}

/** PostgreSQL tables with the same names, columns, keys, indexes and references as `tables`. */
export function mirrorTables(tables: Record<string, SQLiteTable>): Record<string, PgTable> {
  const byName = new Map<string, PgTable>();
  const mirrored: Record<string, PgTable> = {};
  for (const [key, table] of Object.entries(tables)) {
    const config = getTableConfig(table);
    const columns = Object.fromEntries(config.columns.map((column) => [column.name, mirrorColumn(config.name, column)]));
    const mirror = pgTable(config.name, columns, (own) => {
      const col = (c: SQLiteColumn) => (own as Record<string, never>)[c.name];
      const extras: unknown[] = [];
      for (const pk of config.primaryKeys) extras.push(primaryKey({ columns: pk.columns.map(col) as never, ...(pk.name ? { name: pk.name } : {}) }));
      for (const ix of config.indexes) {
        const on = (ix.config.unique ? uniqueIndex : index)(ix.config.name);
        extras.push(on.on(...(ix.config.columns as SQLiteColumn[]).map(col) as [never]));
      }
      for (const fk of config.foreignKeys) {
        const reference = fk.reference();
        const foreignName = getTableConfig(reference.foreignTable).name;
        const target = byName.get(foreignName);
        if (!target) throw new Error(`${config.name}: references ${foreignName}, which is not in the mirrored schema`);
        const targetColumns = target as unknown as Record<string, never>;
        let built = foreignKey({
          columns: reference.columns.map(col) as never,
          foreignColumns: reference.foreignColumns.map((c) => targetColumns[c.name]) as never,
          name: fk.getName(),
        });
        if (fk.onDelete) built = built.onDelete(fk.onDelete);
        if (fk.onUpdate) built = built.onUpdate(fk.onUpdate);
        extras.push(built);
      }
      return extras as never;
    });
    byName.set(config.name, mirror);
    mirrored[key] = mirror;
  }
  return mirrored;
}
