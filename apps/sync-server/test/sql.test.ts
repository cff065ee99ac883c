import { eq } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { people } from '../src/db/schema/directory';
import { openTestDb } from './support/test-db';

let close: (() => void) | undefined;
afterEach(() => close?.());

async function database() {
  const opened = await openTestDb();
  close = opened.close;
  return opened.sql;
}

const person = (id: string) => ({ id, name: id, email: `${id}@example.cymru`, passwordHash: null });

describe('Sql on SQLite', () => {
  it('A37: a transaction that throws leaves nothing; one that resolves keeps everything', async () => {
    const sql = await database();
    await expect(sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(people).values(person('a')));
      throw new Error('refused');
    })).rejects.toThrow('refused');
    expect(await sql.all((db) => db.select().from(people))).toEqual([]);
    await sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(people).values(person('b')));
      await tx.run((db) => db.insert(people).values(person('c')));
    });
    expect((await sql.all((db) => db.select().from(people))).map((p) => p.id).sort()).toEqual(['b', 'c']);
  });

  it('A37: a statement issued while a transaction is open waits for it, so a rollback never takes it along', async () => {
    const sql = await database();
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const failing = sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(people).values(person('inside')));
      await gate;
      throw new Error('rolled back');
    });
    const outside = sql.run((db) => db.insert(people).values(person('outside')));
    const seen = sql.one((db) => db.select().from(people).where(eq(people.id, 'inside')));
    release();
    await expect(failing).rejects.toThrow('rolled back');
    expect(await outside).toBe(1);
    // The read waited too: it never saw the row of the transaction that rolled back.
    expect(await seen).toBeUndefined();
    expect((await sql.all((db) => db.select().from(people))).map((p) => p.id)).toEqual(['outside']);
  });
});
