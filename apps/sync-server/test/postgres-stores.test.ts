/**
 * The server's stores on PostgreSQL (SPEC S50): the same store code as on SQLite, through the
 * `Sql` implementation on node-postgres, in a database of this file's own. The record store runs
 * the same checks on memory, SQLite and PostgreSQL.
 */
import { mkdtempSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
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
import { DirectoryWrites } from '../src/directory/directory-writes';
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
    sqlite.exec('CREATE TABLE records (owner_key text primary key, bytes blob not null, updated_at integer not null, revision integer not null default 0, digest_version integer, digest text)');
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

/** Two instances' record stores on one database: each its own connection (pool), as two processes have. */
const sharedRecordStores: [string, () => Promise<[RecordStore, RecordStore]>][] = [
  ['sqlite', async () => {
    const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'cyd-records-')), 'records.sqlite');
    const open = () => {
      const sqlite = new Database(file);
      sqlite.pragma('journal_mode = WAL');
      sqlite.pragma('busy_timeout = 5000');
      sqlite.exec('CREATE TABLE IF NOT EXISTS records (owner_key text primary key, bytes blob not null, updated_at integer not null, revision integer not null default 0, digest_version integer, digest text)');
      return new SqlRecordStore(new SqliteSql(drizzle(sqlite), sqlite));
    };
    return [open(), open()];
  }],
  ['postgres', async () => {
    const { url, pool } = await postgres.fresh();
    return [new SqlRecordStore(new PgSql(pool)), new SqlRecordStore(new PgSql(postgres.pool(url)))];
  }],
];

describe.each(sharedRecordStores)('S61: two instances agreeing on one record (%s)', (_name, open) => {
  it('S61: agreements made at once through two instances are all kept, each save a revision of its own', async () => {
    const [first, second] = await open();
    const instances = [new RecordService(first), new RecordService(second)];
    // Both instances read the same revision, agree, and save: without the compare-and-swap the
    // later save would overwrite the earlier one's agreement.
    await Promise.all(Array.from({ length: 12 }, (_, i) => instances[i % 2]!.agree(owner, `subject-${i}`, i, { by: `instance-${i % 2}`, label: `L${i}`, at: i })));
    for (const instance of instances) {
      expect(Object.keys((await instance.current(owner)).subjects).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `subject-${i}`).sort());
      expect(await instance.versions(owner)).toHaveLength(12);
    }
    expect(await first.revision(owner)).toBe(12);
  });

  it('S61: a save expecting a revision that moved on stores nothing', async () => {
    const [first, second] = await open();
    expect(await first.save(owner, new Uint8Array([1]), undefined)).toBe(true);
    expect(await second.save(owner, new Uint8Array([2]), undefined)).toBe(false);
    expect(await second.save(owner, new Uint8Array([3]), 1)).toBe(true);
    expect(await first.save(owner, new Uint8Array([4]), 1)).toBe(false);
    expect([...((await first.load(owner)) ?? [])]).toEqual([3]);
    expect(await first.revision(owner)).toBe(2);
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

  it('G43, G45: on PostgreSQL two removals at once of a collaborative\'s two convenors leave one, namings at once never pass four, and the trail is read from the JSON detail', async () => {
    const sql = new PgSql((await postgres.fresh()).pool);
    const dataset = demoDataset();
    await loadDemoDirectory(sql, dataset, fastScryptParams);
    const writes = new DirectoryWrites(sql);
    const clusterId = dataset.cast.clusterId;
    const at = new Date();
    expect(await writes.nameConvenor(clusterId, 'demo-senior-leader', 'demo-convenor', at, 4)).toBe('named');
    const removals = await Promise.all([writes.removeConvenor(clusterId, 'demo-convenor'), writes.removeConvenor(clusterId, 'demo-senior-leader')]);
    expect([...removals].sort()).toEqual(['last', 'removed']);
    // One convenor left: four more named at once, of whom three fit.
    const gone = removals[0] === 'removed' ? 'demo-convenor' : 'demo-senior-leader';
    const namings = await Promise.all(['demo-headteacher', 'demo-headteacher-secondary', 'demo-senior-leader-secondary', gone].map((id) => writes.nameConvenor(clusterId, id, 'demo-la-officer', at, 4)));
    expect(namings.filter((o) => o === 'named')).toHaveLength(3);
    expect(namings.filter((o) => o === 'full')).toHaveLength(1);
    const audit = new AuditLog(sql, Date.now);
    await audit.record({ actorPersonId: 'demo-la-officer', action: 'granted', detail: { personId: 'demo-headteacher', role: 'convenor', collaborativeId: clusterId } });
    await audit.record({ actorPersonId: 'demo-la-officer', action: 'granted', detail: { personId: 'demo-headteacher', role: 'convenor', collaborativeId: `${clusterId}-other` } });
    expect((await audit.convenorTrail(clusterId)).map((e) => e.detail?.['personId'])).toEqual(['demo-headteacher']);
  });
});
