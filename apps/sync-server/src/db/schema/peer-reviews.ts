/**
 * A peer review's team, lifecycle and shares (COLLABORATIVES.md G10-G19). The team is the
 * server's reader list: nobody reads a review because their name was typed into it. Shares
 * beyond the LA (which stays in document_shares) are the host's, each revocable.
 * No grade, judgement or learner field: a peer review is evaluative, never graded.
 */
import { integer, primaryKey, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { documents, people } from './directory';

export const peerReviewTeam = sqliteTable('peer_review_team', {
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  role: text('role', { enum: ['lead-reviewer', 'reviewer', 'host-staff', 'facilitator'] }).notNull(),
  addedBy: text('added_by').notNull().references(() => people.id),
  addedAt: integer('added_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.documentId, t.personId] })]);

export const peerReviewLifecycle = sqliteTable('peer_review_lifecycle', {
  documentId: text('document_id').primaryKey().references(() => documents.id, { onDelete: 'cascade' }),
  stage: text('stage', { enum: ['planning', 'visit', 'write-up', 'closed'] }).notNull(),
  /** ISO date after which closed reviewers lose access. */
  retainUntil: text('retain_until'),
  changedBy: text('changed_by').notNull().references(() => people.id),
  changedAt: integer('changed_at', { mode: 'timestamp_ms' }).notNull(),
});

export const peerReviewShares = sqliteTable('peer_review_shares', {
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  granteeType: text('grantee_type', { enum: ['person', 'collaborative', 'facilitator'] }).notNull(),
  /** A person id, a collaborative id, or the host school's id for its facilitators. */
  granteeId: text('grantee_id').notNull(),
  sharedBy: text('shared_by').notNull().references(() => people.id),
  sharedAt: integer('shared_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.documentId, t.granteeType, t.granteeId] })]);

/**
 * G40: a review's strengths published to a collaborative, as a document of its own (the
 * extract's row in documents). One extract per review and collaborative; withdrawing archives
 * the extract and drops this row, so publishing again makes a new one.
 */
export const reviewExtracts = sqliteTable('review_extracts', {
  documentId: text('document_id').primaryKey().references(() => documents.id, { onDelete: 'cascade' }),
  reviewId: text('review_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  collaborativeId: text('collaborative_id').notNull(),
  publishedBy: text('published_by').notNull().references(() => people.id),
  publishedAt: integer('published_at', { mode: 'timestamp_ms' }).notNull(),
  refreshedAt: integer('refreshed_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [uniqueIndex('review_extracts_review_collaborative').on(t.reviewId, t.collaborativeId)]);
