/**
 * The derived tables of db/schema/activity.ts: each document's text by section, who changed
 * which section when, and when each person last looked. Written by the log deriver
 * (log-deriver.ts) and by opening a document; read by search, the change list and the feed.
 */
import { and, desc, eq, gt, inArray, ne, or, isNull, sql } from 'drizzle-orm';
import type { DocumentText, SectionText } from '@cydweithio/model/docs/documentText';
import { docChanges, docLooks, docText } from '../db/schema/activity';
import type { Sql } from '../db/sql';
import type { Clock } from '../access/context';

/** Edits by one person to one section within this long of each other are one change (A123). */
export const CHANGE_WINDOW_MS = 15 * 60_000;

export interface StoredText extends DocumentText {
  docId: string;
  seq: number;
  folded: string;
}

export interface SectionChange {
  docId: string;
  sectionKey: string;
  label: { cy: string; en: string };
  personId: string;
  firstAt: string;
  lastAt: string;
}

const parseText = (row: typeof docText.$inferSelect): StoredText => ({
  docId: row.docId, seq: row.seq, folded: row.folded,
  sections: JSON.parse(row.sections) as StoredText['sections'], actions: JSON.parse(row.actions) as StoredText['actions'],
});

export class ActivityStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  async texts(docIds: readonly string[]): Promise<StoredText[]> {
    if (docIds.length === 0) return [];
    return (await this.sql.all((db) => db.select().from(docText).where(inArray(docText.docId, [...docIds])))).map(parseText);
  }

  /**
   * How often each term occurs in each document's text, for the documents holding at least one:
   * counted by the database (length and replace, in both dialects), so neither the text nor its
   * sections leave it for documents that do not match.
   */
  async termCounts(docIds: readonly string[], terms: readonly string[]): Promise<Map<string, number[]>> {
    if (docIds.length === 0 || terms.length === 0) return new Map();
    const counts = terms.map((t) => sql<number>`(length(${docText.folded}) - length(replace(${docText.folded}, ${t}, ''))) / ${t.length}`);
    const any = or(...terms.map((t) => sql`length(replace(${docText.folded}, ${t}, '')) < length(${docText.folded})`));
    const rows = await this.sql.all((db) => db.select({ docId: docText.docId, ...Object.fromEntries(counts.map((c, i) => [`t${i}`, c])) })
      .from(docText).where(and(inArray(docText.docId, [...docIds]), any)));
    return new Map(rows.map((r) => [r.docId, terms.map((_, i) => Number((r as Record<string, unknown>)[`t${i}`] ?? 0))]));
  }

  async saveText(docId: string, seq: number, text: DocumentText, folded: string, tx: Sql = this.sql): Promise<void> {
    const values = { seq, sections: JSON.stringify(text.sections), folded, actions: JSON.stringify(text.actions), updatedAt: new Date(this.clock()) };
    await tx.run((db) => db.insert(docText).values({ docId, ...values }).onConflictDoUpdate({ target: docText.docId, set: values }));
  }

  /** One person's edit of these sections at `at`: extends their latest change of each within the window, or starts one. */
  async recordChanges(docId: string, personId: string, sections: readonly SectionText[], at: Date, tx: Sql = this.sql): Promise<void> {
    for (const section of sections) {
      const latest = await tx.one((db) => db.select().from(docChanges)
        .where(and(eq(docChanges.docId, docId), eq(docChanges.sectionKey, section.key), eq(docChanges.personId, personId)))
        .orderBy(desc(docChanges.lastAt)).limit(1));
      if (latest && at.getTime() - latest.lastAt.getTime() <= CHANGE_WINDOW_MS) {
        await tx.run((db) => db.update(docChanges).set({ lastAt: at, labelCy: section.label.cy, labelEn: section.label.en }).where(eq(docChanges.id, latest.id)));
      } else {
        await tx.run((db) => db.insert(docChanges).values({ docId, sectionKey: section.key, labelCy: section.label.cy, labelEn: section.label.en, personId, firstAt: at, lastAt: at }));
      }
    }
  }

  /** Who made the document's latest change within the window before `at` (a compacted run's likely author). */
  async latestChangeBy(docId: string, at: Date): Promise<string | null> {
    const row = await this.sql.one((db) => db.select({ personId: docChanges.personId, lastAt: docChanges.lastAt }).from(docChanges)
      .where(eq(docChanges.docId, docId)).orderBy(desc(docChanges.lastAt)).limit(1));
    return row && at.getTime() - row.lastAt.getTime() <= CHANGE_WINDOW_MS ? row.personId : null;
  }

  /** Changes by people other than `exceptPersonId` to these documents after `since`, newest first. */
  async changesSince(docIds: readonly string[], since: Date, exceptPersonId: string, limit: number): Promise<SectionChange[]> {
    if (docIds.length === 0) return [];
    const rows = await this.sql.all((db) => db.select().from(docChanges)
      .where(and(inArray(docChanges.docId, [...docIds]), gt(docChanges.lastAt, since), or(isNull(docChanges.personId), ne(docChanges.personId, exceptPersonId))))
      .orderBy(desc(docChanges.lastAt)).limit(limit));
    return rows.flatMap((r) => (r.personId === null ? [] : [{
      docId: r.docId, sectionKey: r.sectionKey, label: { cy: r.labelCy, en: r.labelEn }, personId: r.personId,
      firstAt: r.firstAt.toISOString(), lastAt: r.lastAt.toISOString(),
    }]));
  }

  async lastLooked(docId: string, personId: string): Promise<Date | null> {
    const row = await this.sql.one((db) => db.select().from(docLooks).where(and(eq(docLooks.docId, docId), eq(docLooks.personId, personId))));
    return row?.lookedAt ?? null;
  }

  /** Records that the person has the document open now; returns when they looked before (null: never). */
  async look(docId: string, personId: string): Promise<{ previous: Date | null; now: Date }> {
    const now = new Date(this.clock());
    return this.sql.transaction(async (tx) => {
      const row = await tx.one((db) => db.select().from(docLooks).where(and(eq(docLooks.docId, docId), eq(docLooks.personId, personId))));
      await tx.run((db) => db.insert(docLooks).values({ docId, personId, lookedAt: now })
        .onConflictDoUpdate({ target: [docLooks.docId, docLooks.personId], set: { lookedAt: now } }));
      return { previous: row?.lookedAt ?? null, now };
    });
  }

  /** What an erased document leaves here goes with it (A31's rule for comments, A126). */
  async erase(docId: string, tx: Sql = this.sql): Promise<void> {
    await tx.run((db) => db.delete(docText).where(eq(docText.docId, docId)));
    await tx.run((db) => db.delete(docChanges).where(eq(docChanges.docId, docId)));
    await tx.run((db) => db.delete(docLooks).where(eq(docLooks.docId, docId)));
  }
}
