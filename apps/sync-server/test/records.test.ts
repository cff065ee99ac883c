import * as Automerge from '@automerge/automerge';
import Database from 'better-sqlite3';
import { drizzle } from 'drizzle-orm/better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { RecordService } from '../src/records/record-service';
import { MemoryRecordStore } from '../src/records/record-store';
import { SqlRecordStore } from '../src/records/sql-record-store';
import { SqliteSql } from '../src/db/sqlite-sql';

const owner = 'collaborative:demo-cluster';
const autumn = [{ title: 'Reading for pleasure', successCriteria: 'Learners choose to read' }];
const spring = [...autumn, { title: 'Transition in numeracy', successCriteria: 'Shared year 6-7 tasks' }];

describe('record layer', () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('K1: each agreement is a version with who, when and its label, oldest first', async () => {
    const records = new RecordService(new MemoryRecordStore());
    await records.agree(owner, 'shared-priorities', autumn, { by: 'p-convenor', label: 'Autumn review', at: 1_790_000_000 });
    await records.agree(owner, 'shared-priorities', spring, { by: 'p-convenor', label: 'Spring review', at: 1_800_000_000 });
    const list = await records.versions(owner);
    expect(list.map((v) => [v.label, v.by, v.at, v.subject])).toEqual([
      ['Autumn review', 'p-convenor', 1_790_000_000, 'shared-priorities'],
      ['Spring review', 'p-convenor', 1_800_000_000, 'shared-priorities'],
    ]);
    expect((await records.current(owner)).subjects['shared-priorities']).toEqual(spring);
  });

  it('K2: the record shows the state as it stood at an earlier agreement, and the diff between two', async () => {
    const records = new RecordService(new MemoryRecordStore());
    const first = await records.agree(owner, 'shared-priorities', autumn, { by: 'a', label: 'Autumn', at: 1 });
    const second = await records.agree(owner, 'shared-priorities', spring, { by: 'a', label: 'Spring', at: 2 });
    expect((await records.stateAt(owner, first.hash)).subjects['shared-priorities']).toEqual(autumn);
    const patches = await records.diff(owner, first.hash, second.hash);
    expect(patches.length).toBeGreaterThan(0);
    expect(patches.some((p) => p.path[0] === 'subjects' && p.path[1] === 'shared-priorities')).toBe(true);
  });

  it('K3: the export is a plain Automerge file that loads with its full history', async () => {
    const records = new RecordService(new MemoryRecordStore());
    await records.agree(owner, 'termly:2026-autumn:p1', { track: 'on-track', judgement: 'strong' }, { by: 'a', label: 'Autumn term', at: 5 });
    const file = await records.export(owner);
    const loaded = Automerge.load<{ subjects: Record<string, unknown> }>(file);
    expect(loaded.subjects['termly:2026-autumn:p1']).toEqual({ track: 'on-track', judgement: 'strong' });
    expect(Automerge.getHistory(loaded).length).toBe(2);
  });

  it('K4: concurrent agreements for one owner are serialised and none is lost', async () => {
    const records = new RecordService(new MemoryRecordStore());
    await Promise.all(
      Array.from({ length: 10 }, (_, i) => records.agree(owner, `subject-${i}`, i, { by: 'a', label: `L${i}`, at: i })),
    );
    const current = await records.current(owner);
    expect(Object.keys(current.subjects).sort()).toEqual(Array.from({ length: 10 }, (_, i) => `subject-${i}`).sort());
    expect(await records.versions(owner)).toHaveLength(10);
  });

  it('K5: records survive a reopen of the SQLite file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cyd-records-'));
    dirs.push(dir);
    const file = join(dir, 'records.sqlite');
    const open = () => {
      const sqlite = new Database(file);
      sqlite.exec('CREATE TABLE IF NOT EXISTS records (owner_key text primary key, bytes blob not null, updated_at integer not null, revision integer not null default 0, digest_version integer, digest text)');
      return { sqlite, records: new RecordService(new SqlRecordStore(new SqliteSql(drizzle(sqlite), sqlite))) };
    };
    const first = open();
    await first.records.agree(owner, 'shared-priorities', autumn, { by: 'a', label: 'Autumn', at: 1 });
    first.sqlite.close();
    const second = open();
    expect((await second.records.current(owner)).subjects['shared-priorities']).toEqual(autumn);
    expect(await second.records.versions(owner)).toHaveLength(1);
    second.sqlite.close();
  });
});
