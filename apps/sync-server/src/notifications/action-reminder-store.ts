/**
 * The once-only record of action reminders (ACCESS.md A149) and the notifications they become.
 * Who is reminded of what is the sweep's (action-reminder-sweep.ts) and the model's (P135, P136);
 * this only claims keys and writes rows, on SQLite and PostgreSQL alike.
 */
import { inArray } from 'drizzle-orm';
import type { ActionFlag } from '@cydweithio/model/rules/actionFlags';
import { reminderKindOf } from '@cydweithio/model/rules/actionReminders';
import { actionReminders, notificationOutbox, notifications, type OutboxPayload } from '../db/schema/notifications';
import { newId } from '../auth/tokens';
import type { Clock } from '../access/context';
import type { Sql } from '../db/sql';

export interface ReminderKey {
  documentId: string;
  actionId: string;
  flag: ActionFlag;
  due: string;
  personId: string;
}

/** What a reminder was about: the action's id, its flag and the date it was reminded for. */
export interface RemindedAction {
  actionId: string;
  flag: ActionFlag;
  due: string;
}

/** One string per key, for telling quickly which reminders a document has had already. */
export const reminderKeyOf = (k: ReminderKey): string => JSON.stringify([k.documentId, k.actionId, k.flag, k.due, k.personId]);

export class ActionReminderStore {
  constructor(private readonly sql: Sql, private readonly clock: Clock) {}

  /** The keys already told for these documents (a sweep skips them without a write). */
  async toldKeys(documentIds: readonly string[]): Promise<Set<string>> {
    if (documentIds.length === 0) return new Set();
    const rows = await this.sql.all((db) => db.select().from(actionReminders).where(inArray(actionReminders.documentId, [...documentIds])));
    return new Set(rows.map(reminderKeyOf));
  }

  /**
   * Claims the key and, only when this call made its row, tells the owner: the key, the
   * notification and its outbox row in one transaction. The claim is an insert that does nothing
   * on conflict, so of two sweeps at once (two instances on PostgreSQL: the second insert waits
   * for the first transaction, then finds the row) exactly one tells. Answers whether it told.
   */
  async remind(key: ReminderKey): Promise<boolean> {
    const createdAt = new Date(this.clock());
    const id = newId('ntf');
    const kind = reminderKindOf[key.flag];
    // Ids and the date only: the email is worded from the document when it is sent (A140).
    const payload: OutboxPayload = { documentId: key.documentId, actionId: key.actionId, due: key.due };
    return this.sql.transaction(async (tx) => {
      const claimed = await tx.run((db) => db.insert(actionReminders).values({ notificationId: id, ...key, createdAt }).onConflictDoNothing());
      if (claimed !== 1) return false;
      await tx.run((db) => db.insert(notifications).values({ id, personId: key.personId, kind, documentId: key.documentId, collaborativeId: null, actorPersonId: null, createdAt }));
      await tx.run((db) => db.insert(notificationOutbox).values({ id: newId('out'), notificationId: id, kind, payload, createdAt }));
      return true;
    });
  }

  /** What each of these notifications reminded of (those that are reminders). */
  async ofNotifications(notificationIds: readonly string[]): Promise<Map<string, RemindedAction>> {
    if (notificationIds.length === 0) return new Map();
    const rows = await this.sql.all((db) => db.select().from(actionReminders).where(inArray(actionReminders.notificationId, [...notificationIds])));
    return new Map(rows.map((r) => [r.notificationId, { actionId: r.actionId, flag: r.flag, due: r.due }]));
  }
}
