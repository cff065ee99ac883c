/**
 * How a collaborative comes to be and who is in it (COLLABORATIVES.md G20-G36): a school
 * leader's proposal, each involved LA's decision on it, the convenor's requests to schools and
 * the membership history (who asked, joined, declined, left or was removed, and when). The
 * collaborative itself, once approved, is in directory.ts like any other.
 */
import { index, integer, primaryKey, sqliteTable, text } from 'drizzle-orm/sqlite-core';
import type { CollaborativeProposal } from '@cydweithio/model/domain/collaborativeProposal';
import { collaboratives, people, schools } from './directory';

export const collaborativeProposals = sqliteTable('collaborative_proposals', {
  id: text('id').primaryKey(),
  /** The model's CollaborativeProposal as proposed (names, purpose, kind, schools, convenors). */
  proposal: text('proposal', { mode: 'json' }).notNull().$type<CollaborativeProposal>(),
  /** The LAs whose officers decide (M43), as a JSON list of codes. */
  laCodes: text('la_codes', { mode: 'json' }).notNull().$type<number[]>(),
  status: text('status', { enum: ['pending', 'approved', 'declined', 'withdrawn'] }).notNull(),
  proposedBy: text('proposed_by').notNull().references(() => people.id),
  proposedAt: integer('proposed_at', { mode: 'timestamp_ms' }).notNull(),
  /** P112: who withdrew it (the proposer or a named convenor), and when. */
  withdrawnBy: text('withdrawn_by').references(() => people.id),
  withdrawnAt: integer('withdrawn_at', { mode: 'timestamp_ms' }),
  /** Set once every LA approved: the collaborative made from it. */
  collaborativeId: text('collaborative_id').references(() => collaboratives.id, { onDelete: 'set null' }),
}, (t) => [index('collaborative_proposals_status_idx').on(t.status)]);

export const collaborativeProposalDecisions = sqliteTable('collaborative_proposal_decisions', {
  proposalId: text('proposal_id').notNull().references(() => collaborativeProposals.id, { onDelete: 'cascade' }),
  laCode: integer('la_code').notNull(),
  decision: text('decision', { enum: ['approved', 'declined'] }).notNull(),
  decidedBy: text('decided_by').notNull().references(() => people.id),
  decidedAt: integer('decided_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [primaryKey({ columns: [t.proposalId, t.laCode] })]);

export const membershipRequests = sqliteTable('collaborative_membership_requests', {
  id: text('id').primaryKey(),
  collaborativeId: text('collaborative_id').notNull().references(() => collaboratives.id, { onDelete: 'cascade' }),
  schoolId: text('school_id').notNull().references(() => schools.id),
  status: text('status', { enum: ['pending', 'accepted', 'declined', 'withdrawn'] }).notNull(),
  requestedBy: text('requested_by').notNull().references(() => people.id),
  requestedAt: integer('requested_at', { mode: 'timestamp_ms' }).notNull(),
  answeredBy: text('answered_by').references(() => people.id),
  answeredAt: integer('answered_at', { mode: 'timestamp_ms' }),
  /** M46: the LA (none of the members in it when asked) whose officer must approve; null when none. */
  approvalLaCode: integer('approval_la_code'),
  /** P113: that LA's officer said yes, and when. */
  laApprovedBy: text('la_approved_by').references(() => people.id),
  laApprovedAt: integer('la_approved_at', { mode: 'timestamp_ms' }),
  /** The headteacher accepted while the LA's approval was still to come (the request stays pending). */
  acceptedBy: text('accepted_by').references(() => people.id),
  acceptedAt: integer('accepted_at', { mode: 'timestamp_ms' }),
}, (t) => [
  index('membership_requests_school_idx').on(t.schoolId, t.status), index('membership_requests_collaborative_idx').on(t.collaborativeId, t.status),
  index('membership_requests_approval_la_idx').on(t.approvalLaCode, t.status),
]);

/** The visible membership history (G28): one row per event, never rewritten. */
export const membershipEvents = sqliteTable('collaborative_membership_events', {
  id: integer('id').primaryKey({ autoIncrement: true }),
  collaborativeId: text('collaborative_id').notNull().references(() => collaboratives.id, { onDelete: 'cascade' }),
  schoolId: text('school_id').notNull(),
  event: text('event', { enum: ['requested', 'la-approved', 'joined', 'declined', 'withdrawn', 'left', 'removed'] }).notNull(),
  actorPersonId: text('actor_person_id').references(() => people.id, { onDelete: 'set null' }),
  at: integer('at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [index('membership_events_collaborative_idx').on(t.collaborativeId, t.at)]);
