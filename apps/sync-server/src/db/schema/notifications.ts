/**
 * In-app notifications and the outbox email delivery will read (ACCESS.md A140-A144).
 *
 * A notification names its kind, the document or collaborative it is about and who acted;
 * there is no column for a document's words, a comment's body or anything about a learner, so
 * the row (and the email it may become) never carries what the document says.
 */
import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { notificationKinds } from '@cydweithio/model/domain/notification';
import { collaboratives, documents, people } from './directory';

export const notifications = sqliteTable('notifications', {
  id: text('id').primaryKey(),
  /** Who it is for: the only person who reads it or marks it read (model P125). */
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  kind: text('kind', { enum: notificationKinds }).notNull(),
  documentId: text('document_id').references(() => documents.id, { onDelete: 'cascade' }),
  collaborativeId: text('collaborative_id').references(() => collaboratives.id, { onDelete: 'cascade' }),
  actorPersonId: text('actor_person_id').references(() => people.id, { onDelete: 'set null' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  readAt: integer('read_at', { mode: 'timestamp_ms' }),
}, (t) => [index('notifications_person_idx').on(t.personId, t.createdAt)]);

/** What an outbox row's payload may hold: ids, a role, a link and its expiry; never document text. */
export type OutboxPayload = Record<string, string | number | boolean | null>;

/**
 * Emails waiting to be sent: one per notification, or one to an address with no account yet
 * (an invitation, A142). Nothing sends them yet; a delivery worker will set sentAt.
 */
export const notificationOutbox = sqliteTable('notification_outbox', {
  id: text('id').primaryKey(),
  notificationId: text('notification_id').references(() => notifications.id, { onDelete: 'cascade' }),
  /** Set only when there is no account to notify: the invited address, lower-cased. */
  email: text('email'),
  kind: text('kind', { enum: notificationKinds }).notNull(),
  payload: text('payload', { mode: 'json' }).notNull().$type<OutboxPayload>(),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
  sentAt: integer('sent_at', { mode: 'timestamp_ms' }),
}, (t) => [index('notification_outbox_unsent_idx').on(t.sentAt, t.createdAt)]);

/**
 * Which action reminders were sent (ACCESS.md A149, model P135): one row per notification of kind
 * action-due-soon / action-overdue. The unique key is what makes a reminder once-only: a sweep
 * claims the key with an insert that does nothing on conflict and tells the owner only if its
 * insert made the row, so two instances sweeping at once never both tell. The row holds the
 * action's id and the date it was reminded for, never its description: the card reads that from
 * the document when it is shown (A151), so an action edited since reads as it is now.
 */
export const actionReminders = sqliteTable('action_reminders', {
  /** The notification this reminder became (made in the same transaction as this row). */
  notificationId: text('notification_id').primaryKey(),
  documentId: text('document_id').notNull().references(() => documents.id, { onDelete: 'cascade' }),
  actionId: text('action_id').notNull(),
  flag: text('flag', { enum: ['due-soon', 'overdue'] }).notNull(),
  /** The due date (ISO day) the reminder was for: a new date is a new key. */
  due: text('due').notNull(),
  /** The owner told, by account: a new owner is a new key. */
  personId: text('person_id').notNull().references(() => people.id, { onDelete: 'cascade' }),
  createdAt: integer('created_at', { mode: 'timestamp_ms' }).notNull(),
}, (t) => [uniqueIndex('action_reminders_key').on(t.documentId, t.actionId, t.flag, t.due, t.personId)]);
