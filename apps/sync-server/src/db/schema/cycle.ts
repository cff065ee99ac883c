/**
 * The improvement cycle's facts the server keeps beside the live documents (CYCLE.md): which
 * plan is which school's for which year, which review is for which period, the two
 * confirmations of a review, and facilitators' caseloads. What was agreed lives in the record.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';

export const plans = sqliteTable('plans', {
  docId: text('doc_id').primaryKey(),
  schoolId: text('school_id').notNull(),
  /** The academic year the plan starts: 2026 is 2026-27. */
  academicYear: integer('academic_year').notNull(),
  /** The plan it follows ('start next year's plan'), or ''. */
  previousPlanId: text('previous_plan_id').notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [index('plans_school').on(t.schoolId, t.academicYear)]);

export const progressReviews = sqliteTable('progress_reviews', {
  docId: text('doc_id').primaryKey(),
  schoolId: text('school_id').notNull(),
  planDocId: text('plan_doc_id').notNull(),
  /** `2026-autumn`; `halfTerm` 0 for a termly review, 1 or 2 for a half-termly one. */
  term: text('term').notNull(),
  halfTerm: integer('half_term').notNull(),
  supportLevel: text('support_level', { enum: ['core', 'enhanced'] }).notNull(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  /** The record version of the last confirmed state, and when. */
  agreedHash: text('agreed_hash'),
  agreedAt: integer('agreed_at', { mode: 'timestamp_ms' }),
}, (t) => [index('progress_reviews_school').on(t.schoolId, t.term)]);

export const reviewConfirmations = sqliteTable('review_confirmations', {
  docId: text('doc_id').notNull(),
  /** 'facilitator' (the Improvement Partner) or 'school' (its headteacher or a senior leader). */
  side: text('side', { enum: ['facilitator', 'school'] }).notNull(),
  personId: text('person_id').notNull(),
  /** SHA-256 of the recordable review as it stood when confirmed: a later edit makes it stale. */
  contentHash: text('content_hash').notNull(),
  confirmedAt: integer('confirmed_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.docId, t.side] })]);

export const caseloads = sqliteTable('caseloads', {
  facilitatorId: text('facilitator_id').notNull(),
  schoolId: text('school_id').notNull(),
  assignedBy: text('assigned_by'),
  assignedAt: integer('assigned_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.facilitatorId, t.schoolId] }), index('caseloads_school').on(t.schoolId)]);
