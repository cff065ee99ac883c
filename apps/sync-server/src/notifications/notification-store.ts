/**
 * Notifications and their outbox (ACCESS.md A140-A144). The store only reads and writes rows;
 * who is told of what is notify.ts's, and who may read or mark one is the model's (P125).
 */
import { and, count, desc, eq, isNull } from 'drizzle-orm';
import type { NotificationKind } from '@cydweithio/model/domain/notification';
import { notificationOutbox, notifications, type OutboxPayload } from '../db/schema/notifications';
import { newId } from '../auth/tokens';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';

/** The most notifications one page lists: a home card, not an archive. */
export const NOTIFICATION_PAGE = 50;

/** What a notification is about: its kind, the document or collaborative, and who acted. */
export interface NotificationSubject {
  kind: NotificationKind;
  documentId?: string | undefined;
  collaborativeId?: string | undefined;
  actorPersonId: string;
}

export interface StoredNotification {
  id: string;
  personId: string;
  kind: NotificationKind;
  documentId: string | null;
  collaborativeId: string | null;
  actorPersonId: string | null;
  createdAt: string;
  readAt: string | null;
}

type Row = typeof notifications.$inferSelect;
const toNotification = (r: Row): StoredNotification => ({
  ...r, createdAt: r.createdAt.toISOString(), readAt: r.readAt ? r.readAt.toISOString() : null,
});

export class NotificationStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  /**
   * One notification per recipient (each named once) with its outbox row, in one transaction.
   * The payload repeats only the ids: an email is written from them when it is sent.
   */
  async notify(recipientIds: readonly string[], subject: NotificationSubject): Promise<string[]> {
    const recipients = [...new Set(recipientIds)];
    if (recipients.length === 0) return [];
    const createdAt = new Date(this.clock());
    const rows = recipients.map((personId) => ({
      id: newId('ntf'), personId, kind: subject.kind, documentId: subject.documentId ?? null,
      collaborativeId: subject.collaborativeId ?? null, actorPersonId: subject.actorPersonId, createdAt,
    }));
    const payload: OutboxPayload = { documentId: subject.documentId ?? null, collaborativeId: subject.collaborativeId ?? null, actorPersonId: subject.actorPersonId };
    await this.sql.transaction(async (tx) => {
      await tx.run((db) => db.insert(notifications).values(rows));
      await tx.run((db) => db.insert(notificationOutbox).values(rows.map((r) => ({ id: newId('out'), notificationId: r.id, kind: r.kind, payload, createdAt }))));
    });
    return recipients;
  }

  /** An email to an address with no account (A142): only the outbox, nothing in-app. */
  async queueEmail(email: string, kind: NotificationKind, payload: OutboxPayload): Promise<void> {
    await this.sql.run((db) => db.insert(notificationOutbox).values({ id: newId('out'), email, kind, payload, createdAt: new Date(this.clock()) }));
  }

  /** The person's newest notifications (at most NOTIFICATION_PAGE) and how many are unread in all. */
  async listFor(personId: string, limit = NOTIFICATION_PAGE): Promise<{ notifications: StoredNotification[]; unread: number }> {
    const rows = await this.sql.all((db) => db.select().from(notifications).where(eq(notifications.personId, personId))
      .orderBy(desc(notifications.createdAt), desc(notifications.id)).limit(Math.min(limit, NOTIFICATION_PAGE)));
    const unread = await this.sql.one((db) => db.select({ n: count() }).from(notifications).where(and(eq(notifications.personId, personId), isNull(notifications.readAt))));
    return { notifications: rows.map(toNotification), unread: unread?.n ?? 0 };
  }

  async get(id: string): Promise<StoredNotification | null> {
    const row = await this.sql.one((db) => db.select().from(notifications).where(eq(notifications.id, id)));
    return row ? toNotification(row) : null;
  }

  /** Marks one read; reading it again keeps the first time. */
  async markRead(id: string): Promise<void> {
    await this.sql.run((db) => db.update(notifications).set({ readAt: new Date(this.clock()) }).where(and(eq(notifications.id, id), isNull(notifications.readAt))));
  }

  /** Marks every unread notification of the person read; answers how many it marked. */
  async markAllRead(personId: string): Promise<number> {
    return this.sql.run((db) => db.update(notifications).set({ readAt: new Date(this.clock()) }).where(and(eq(notifications.personId, personId), isNull(notifications.readAt))));
  }
}
