/**
 * Comments on a live document, kept here rather than in its Y.Doc: a person who may comment but
 * not edit (a governor, a facilitator) stays a read-only viewer on the socket (SPEC P-rules),
 * and erasing the document can remove its comments in the same transaction as its tombstone.
 *
 * Deliberately narrow: a body of professional dialogue, an optional anchor (a section or
 * priority id), an optional text range in it (two Yjs relative positions and a short quote,
 * model SPEC D40) and the thread it replies to. There is no field for learners, scores or
 * anything learner-level (A24).
 */
import { type AnySQLiteColumn, index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
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
  /** The thread (a top-level comment of the same document) this one answers; null for a thread's first comment (A100). */
  parentId: text('parent_id').references((): AnySQLiteColumn => comments.id, { onDelete: 'cascade' }),
  /** The commented text range: relative positions as base64 (at most 200 characters each) and its quote (at most 300). */
  rangeStart: text('range_start'),
  rangeEnd: text('range_end'),
  quote: text('quote'),
  /** When the author last changed the body (A102); null if never. */
  editedAt: integer('edited_at', { mode: 'timestamp_ms' }),
}, (t) => [index('comments_document_idx').on(t.documentId, t.createdAt)]);

/**
 * Who a comment mentions (A104): each a reader of the document when the comment was written.
 * Kept as rows so a person's mentions are found without reading every comment; deleted with
 * the comment. The document id is repeated so a mention of an erased document goes with it.
 */
export const commentMentions = sqliteTable('comment_mentions', {
  commentId: text('comment_id').notNull().references(() => comments.id, { onDelete: 'cascade' }),
  personId: text('person_id').notNull().references(() => people.id),
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.commentId, t.personId] }), index('comment_mentions_person_idx').on(t.personId, t.createdAt)]);
