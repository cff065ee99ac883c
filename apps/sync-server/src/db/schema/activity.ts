/**
 * What the server derives from each document's stored update log (ACCESS.md A120-A135): the
 * text it searches, who changed which section when, and when each person last looked. All of it
 * can be rebuilt from the log and the snapshots; none of it is written on the commit path.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const docText = sqliteTable('doc_text', {
  docId: text('doc_id').primaryKey(),
  /** The log position (doc_updates.seq) the text was extracted at. */
  seq: integer('seq').notNull(),
  /** JSON `SectionText[]` (model docs/documentText.ts): each section's labels and text. */
  sections: text('sections').notNull(),
  /** The title and text folded for matching (lower case, no accents). */
  folded: text('folded').notNull(),
  /** JSON `DueAction[]`: the document's actions with an owner or a due date. */
  actions: text('actions').notNull(),
  updatedAt: integer('updated_at', { mode: 'timestamp_ms' }).notNull(),
});

export const docChanges = sqliteTable('doc_changes', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  docId: text('doc_id').notNull(),
  sectionKey: text('section_key').notNull(),
  labelCy: text('label_cy').notNull(),
  labelEn: text('label_en').notNull(),
  /** Null for the server's own writes (a document's starting layout). */
  personId: text('person_id'),
  firstAt: integer('first_at', { mode: 'timestamp_ms' }).notNull(),
  lastAt: integer('last_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [index('doc_changes_doc_idx').on(t.docId, t.lastAt), index('doc_changes_last_idx').on(t.lastAt)]);

export const docLooks = sqliteTable('doc_looks', {
  docId: text('doc_id').notNull(),
  personId: text('person_id').notNull(),
  lookedAt: integer('looked_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.docId, t.personId] })]);

/** How far the deriving has read the update log (doc_updates.id), so a restart resumes there. */
export const activityCursor = sqliteTable('activity_cursor', {
  name: text('name').primaryKey(),
  lastId: integer('last_id').notNull(),
});
