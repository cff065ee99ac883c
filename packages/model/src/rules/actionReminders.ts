/**
 * Reminders of actions falling due (P135, P137; the server's sweep is ACCESS.md A149-A152).
 * Pure: the caller passes today's date and the actions as the document holds them now.
 */
import type { NotificationKind } from '../domain/notification';
import { actionFlag, type ActionFlag } from './actionFlags';

/** Which notification tells an owner of each flag. */
export const reminderKindOf: Record<ActionFlag, Extract<NotificationKind, 'action-due-soon' | 'action-overdue'>> = {
  'due-soon': 'action-due-soon',
  overdue: 'action-overdue',
};

/** The notification kinds that are reminders of an action. */
export const reminderKinds: readonly NotificationKind[] = Object.values(reminderKindOf);

/** An action id longer than this is not one the product wrote: it is never a reminder's key. */
export const REMINDER_ACTION_ID_MAX = 64;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface RemindableAction {
  id: string;
  ownerPersonId: string;
  due: string;
  done: boolean;
}

/**
 * One reminder to raise: its once-only key is (document, action, flag, due date, owner), so a
 * new due date or a new owner is told again, and nothing else is.
 */
export interface DueReminder {
  actionId: string;
  ownerPersonId: string;
  flag: ActionFlag;
  kind: (typeof reminderKindOf)[ActionFlag];
  due: string;
}

/**
 * P135: the reminders these actions call for today: one per action not done, owned by an
 * account (a name or a role typed as its owner is never told: it may match nobody, or the wrong
 * person), whose due date is a real calendar day and which is due soon or overdue (D21).
 */
export function remindersDue(actions: readonly RemindableAction[], today: string): DueReminder[] {
  return actions.flatMap((a) => {
    if (a.ownerPersonId === '' || a.id === '' || a.id.length > REMINDER_ACTION_ID_MAX || !ISO_DAY.test(a.due)) return [];
    const flag = actionFlag(a, today);
    return flag ? [{ actionId: a.id, ownerPersonId: a.ownerPersonId, flag, kind: reminderKindOf[flag], due: a.due }] : [];
  });
}

/**
 * P137: what became of a reminded action since, so a reminder never reads as truer than it is:
 * `as-reminded` (still open, same date), `done`, `moved` (another due date now) or `gone` (no
 * longer in the document).
 */
export type ReminderStanding = 'as-reminded' | 'done' | 'moved' | 'gone';

export function reminderStanding(remindedDue: string, now: { due: string; done: boolean } | null): ReminderStanding {
  if (!now) return 'gone';
  if (now.done) return 'done';
  return now.due === remindedDue ? 'as-reminded' : 'moved';
}
