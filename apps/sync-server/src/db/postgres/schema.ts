/**
 * The PostgreSQL schema drizzle-kit generates drizzle-pg/ from (drizzle-pg.config.ts): the
 * SQLite tables mirrored (mirror.ts). Named exports because drizzle-kit reads the module's
 * exports; the schema-parity test fails when a table of db/schema is missing from this list.
 */
import { sqliteTables } from '../schema-tables';
import { mirrorTables } from './mirror';

export const {
  comments, commentMentions, plans, progressReviews, reviewConfirmations, caseloads, localAuthorities, laPartnerships, laPartnershipMembers, schools,
  collaboratives, collaborativeMembers, collaborativeFacilitators, people, roleAssignments, sessions, invitations, documents,
  peerReviewReviewers, documentShares, auditLog, docUpdates, docSnapshots, externalIdentities, hwbSignInAttempts, hwbSessions, records,
  laSettings, laThemeTags, itemThemes, continuumPlacements, peerReviewTeam, peerReviewLifecycle, peerReviewShares, reviewExtracts,
  collaborativeProposals, collaborativeProposalDecisions, membershipRequests, membershipEvents,
  docText, docChanges, docLooks, activityCursor, notifications, notificationOutbox, actionReminders,
} = mirrorTables(sqliteTables());
