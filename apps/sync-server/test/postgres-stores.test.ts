/**
 * The server's stores on PostgreSQL (SPEC S50): the same store code as on SQLite, through the
 * `Sql` implementation on node-postgres, in a database of this file's own. The record store runs
 * the same checks on memory, SQLite and PostgreSQL.
 */
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { eq } from 'drizzle-orm';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '@cydweithio/model/demo/index';
import { createAccessLayer } from '../src/access/layer';
import { fastScryptParams } from '../src/auth/password';
import { AuditLog } from '../src/audit/audit-log';
import { collaboratives, people, sessions } from '../src/db/schema/directory';
import { PgSql } from '../src/db/postgres/pg-sql';
import { usePgDatabase } from '../src/db/postgres/test-database';
import { SqliteSql } from '../src/db/sqlite-sql';
import { loadDemoDirectory } from '../src/directory/demo';
import { RecordService } from '../src/records/record-service';
import { MemoryRecordStore, type RecordStore } from '../src/records/record-store';
import { SqlRecordStore } from '../src/records/sql-record-store';
import { demoDataset } from './support/demo';
import { signIn } from './support/people';

vi.setConfig({ testTimeout: 30_000, hookTimeout: 30_000 });
const postgres = usePgDatabase();
const owner = 'collaborative:demo-cluster';

const recordStores: [string, () => Promise<RecordStore>][] = [
  ['memory', async () => new MemoryRecordStore()],
  ['sqlite', async () => {
    const sqlite = new Database(':memory:');
    sqlite.exec('CREATE TABLE records (owner_key text primary key, bytes blob not null, updated_at integer not null, revision integer not null default 0)');
    return new SqlRecordStore(new SqliteSql(drizzle(sqlite), sqlite));
  }],
  ['postgres', async () => new SqlRecordStore(new PgSql((await postgres.fresh()).pool))],
];

describe.each(recordStores)('S53: the record store on %s', (_name, open) => {
  it('S53: agreements for one owner are serialised, none lost, and each save counts a revision', async () => {
    const store = await open();
    const records = new RecordService(store);
    await Promise.all(Array.from({ length: 8 }, (_, i) => records.agree(owner, `subject-${i}`, i, { by: 'a', label: `L${i}`, at: i })));
    expect(Object.keys((await records.current(owner)).subjects).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `subject-${i}`).sort());
    expect(await records.versions(owner)).toHaveLength(8);
    expect(await store.revision(owner)).toBe(8);
    expect(await store.revision('school:none')).toBeUndefined();
  });
});

describe('S50: the access layer on PostgreSQL', () => {
  it('S50: a transaction that throws leaves nothing; one that resolves keeps everything', async () => {
    const sql = new PgSql((await postgres.fresh()).pool);
    const person = (id: string) => ({ id, name: id, email: `${id}@example.cymru`, passwordHash: null });
    await expect(sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(people).values(person('a')));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await sql.all((db) => db.select().from(people))).toEqual([]);
    await sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(people).values(person('b')));
      expect(await tx.run((db) => db.update(people).set({ name: 'B' }).where(eq(people.id, 'b')))).toBe(1);
    });
    const stored = await sql.one((db) => db.select().from(people).where(eq(people.id, 'b')));
    // The SQL default (created_at) and the timestamp column come back as a Date, as on SQLite.
    expect(stored?.name).toBe('B');
    expect(stored?.createdAt).toBeInstanceOf(Date);
    expect(Math.abs((stored?.createdAt.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
  });

  it('S50: the demo directory loads, a person signs in, and what they read and the audit log come from PostgreSQL', async () => {
    const sql = new PgSql((await postgres.fresh()).pool);
    const layer = createAccessLayer({ sql, scryptParams: fastScryptParams, demoMode: true });
    const app = new Hono().route('/api', layer.routes);
    const dataset = demoDataset();
    await loadDemoDirectory(sql, dataset, fastScryptParams);
    // Booleans (synthetic) and JSON (audit detail) keep their types through the mirror's columns.
    const synthetic = await sql.all((db) => db.select({ synthetic: collaboratives.synthetic }).from(collaboratives));
    expect(synthetic.length).toBeGreaterThan(0);
    expect(synthetic.every((row) => typeof row.synthetic === 'boolean')).toBe(true);
    const headteacher = dataset.people.find((p) => p.roles.some((r) => r.role === 'headteacher'));
    if (!headteacher) throw new Error('no demo headteacher');
    const cookie = await signIn(app, headteacher.email, DEMO_PASSWORD);
    const me = await app.request('/api/me', { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(JSON.stringify(await me.json())).toContain(headteacher.id);
    expect(await sql.all((db) => db.select({ personId: sessions.personId }).from(sessions))).toEqual([{ personId: headteacher.id }]);
    const audit = new AuditLog(sql, Date.now);
    await audit.record({ actorPersonId: headteacher.id, action: 'exported', documentId: 'workspace:pg1', detail: { format: 'pdf', pages: 2, redacted: false } });
    await audit.record({ actorPersonId: headteacher.id, action: 'opened', documentId: 'workspace:pg1' });
    const entries = await audit.forDocument('workspace:pg1');
    expect(entries.map((entry) => [entry.action, entry.detail])).toEqual([['exported', { format: 'pdf', pages: 2, redacted: false }], ['opened', null]]);
    expect(entries.every((entry) => typeof entry.id === 'number')).toBe(true);
  });
});
