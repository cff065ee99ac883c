/**
 * Comments on a live document, kept here rather than in its Y.Doc: a person who may comment but
 * not edit (a governor, a facilitator) stays a read-only viewer on the socket (SPEC P-rules),
 * and erasing the document can remove its comments in the same transaction as its tombstone.
 *
 * Deliberately narrow: a body of professional dialogue and an optional anchor (a section or
 * priority id). There is no field for learners, scores or anything learner-level (A24).
 */
import { index, integer, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import { documents, people } from './directory';

export const comments = sqliteTable('comments', {
  id: text('id').primaryKey(),
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  authorId: text('author_id').notNull().references(() => people.id),
  /** A section id (self-evaluation) or priority id (workspace) the comment is about; null for the whole document. */
  anchor: text('anchor'),
  /** At most 4,000 characters (checked by the route before it gets here). */
  body: text('body').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  resolvedAt: integer('resolved_at', { mode: 'timestamp_ms' }),
  resolvedBy: text('resolved_by').references(() => people.id),
}, (t) => [index('comments_document_idx').on(t.documentId, t.createdAt)]);
