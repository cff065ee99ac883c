/**
 * The LA picture's digests kept with the records (OVERVIEW.md O34, O35), on a real SQLite file:
 * written in the same row and statement as each agreement, read by the overview without loading
 * a record, and computed from the record for every record that lacks a current one.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { digestSchool } from '@cydweithio/model/rules/agreedDigest';
import { academicYearOf } from '@cydweithio/model/rules/schoolCalendar';
import { openDatabase, type OpenDatabase } from '../src/db/open';
import { records as recordRows } from '../src/db/schema/records';
import type { Sql } from '../src/db/sql';
import { AgreedDigests } from '../src/overview/agreed-digests';
import { laPictureDigester } from '../src/overview/record-digest';
import type { RecordValue } from '../src/records/record-doc';
import { RecordService } from '../src/records/record-service';
import { SqlRecordStore } from '../src/records/sql-record-store';
import { demoDataset } from './support/demo';

const TODAY = '2026-12-01';
const YEAR = academicYearOf(TODAY);
const dataset = demoDataset();
const agreements = dataset.laPicture.agreements.filter((a) => a.ownerKey.startsWith('school:'));
const owners = [...new Set(agreements.map((a) => a.ownerKey))].slice(0, 6);
const schoolIds = owners.map((k) => k.slice('school:'.length));

/** The real SQL store, counting the records it loads: a digest read must load none. */
class CountingStore extends SqlRecordStore {
  loads = 0;
  override async load(ownerKey: string): Promise<Uint8Array | undefined> {
    this.loads++;
    return super.load(ownerKey);
  }
}

const opened: { database: OpenDatabase; dir: string }[] = [];
afterEach(() => {
  for (const { database, dir } of opened.splice(0)) {
    database.close();
    rmSync(dir, { recursive: true, force: true });
  }
});

function freshDatabase(): Sql {
  const dir = mkdtempSync(join(tmpdir(), 'cyd-digests-'));
  const database = openDatabase(dir);
  opened.push({ database, dir });
  return database.sql;
}

async function agreeAll(records: RecordService): Promise<void> {
  for (const a of agreements) if (owners.includes(a.ownerKey)) await records.agree(a.ownerKey, a.subject, a.state as RecordValue, { by: a.by, label: a.label, at: a.at });
}

const row = async (sql: Sql, ownerKey: string) => sql.one((db) => db.select({ revision: recordRows.revision, version: recordRows.digestVersion, digest: recordRows.digest }).from(recordRows).where(eq(recordRows.ownerKey, ownerKey)));

describe('O34, O35: the LA picture’s digests beside the records', () => {
  it('O34: every agreement is saved with its digest in the record’s own row; the overview reads it without loading a record', async () => {
    const sql = freshDatabase();
    const writer = new RecordService(new SqlRecordStore(sql), laPictureDigester);
    await agreeAll(writer);
    for (const ownerKey of owners) {
      const r = await row(sql, ownerKey);
      expect(r?.version).toBe(laPictureDigester.version);
      // What the row holds is the digest of the record's current agreed state, at this revision.
      expect(r?.digest).toBe(laPictureDigester.of(ownerKey, (await writer.current(ownerKey)).subjects));
    }
    // A reader that holds nothing in memory (another instance, or after a restart).
    const store = new CountingStore(sql);
    const reader = new RecordService(store, laPictureDigester);
    const digests = await new AgreedDigests(() => reader).schools(schoolIds, YEAR, TODAY);
    expect(store.loads).toBe(0);
    for (const id of schoolIds) expect(digests.get(id)).toEqual(digestSchool(id, (await writer.current(`school:${id}`)).subjects, YEAR, TODAY));
    expect(digests.get(schoolIds[0] ?? '')?.priorities.length).toBeGreaterThan(0);
  });

  it('O35: a save without a digest clears the old one; the next read computes it from the record and stores it; the start’s backfill writes the rest', async () => {
    const sql = freshDatabase();
    // Saved by a record layer without a digester (as before digests): no digest in any row.
    const before = new RecordService(new SqlRecordStore(sql));
    await agreeAll(before);
    for (const ownerKey of owners) expect((await row(sql, ownerKey))?.digest).toBeNull();
    const store = new CountingStore(sql);
    expect(await store.staleDigests(laPictureDigester.version)).toEqual([...owners].sort());

    // One read of two owners: each loaded once, and its digest stored for the next reader.
    const reader = new RecordService(store, laPictureDigester);
    const first = await new AgreedDigests(() => reader).schools(schoolIds.slice(0, 2), YEAR, TODAY);
    expect(store.loads).toBe(2);
    for (const id of schoolIds.slice(0, 2)) expect(first.get(id)).toEqual(digestSchool(id, (await before.current(`school:${id}`)).subjects, YEAR, TODAY));
    expect(await store.staleDigests(laPictureDigester.version)).toEqual([...owners].sort().filter((k) => !owners.slice(0, 2).includes(k)));

    // The start's backfill writes every remaining one, and one of an older format too.
    await sql.run((db) => db.update(recordRows).set({ digestVersion: laPictureDigester.version - 1 }).where(eq(recordRows.ownerKey, owners[0] ?? '')));
    expect(await reader.backfillDigests()).toBe(owners.length - 1);
    expect(await store.staleDigests(laPictureDigester.version)).toEqual([]);

    // An agreement saved without a digest after one with: the row's digest goes, it never goes stale.
    const ownerKey = owners[1] ?? '';
    await before.agree(ownerKey, 'brokered:late', { note: 'not a brokered support' } as unknown as RecordValue, { by: 'x', label: 'L', at: 1 });
    expect((await row(sql, ownerKey))?.digest).toBeNull();
  });

  it('O35: a digest computed at a revision the record has moved on from is not written', async () => {
    const sql = freshDatabase();
    const store = new SqlRecordStore(sql);
    await agreeAll(new RecordService(store));
    const ownerKey = owners[0] ?? '';
    const revision = (await row(sql, ownerKey))?.revision ?? 0;
    await store.saveDigest(ownerKey, revision - 1, { version: laPictureDigester.version, body: '{"other":true}' });
    expect((await row(sql, ownerKey))?.digest).toBeNull();
    await store.saveDigest(ownerKey, revision, { version: laPictureDigester.version, body: '{"other":true}' });
    expect((await row(sql, ownerKey))?.digest).toBe('{"other":true}');
  });
});
