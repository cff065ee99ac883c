/**
 * How the Notifications card words a reminder of an action (web C303-C304; server A151, model
 * P137). The sentence keeps the date the owner was reminded of; the action's words are the
 * document's now, and a note says what became of it since, so an old reminder never reads as
 * though nothing had changed.
 */
import type { Locale, Translate } from '@cydweithio/ui';
import { reminderStanding } from '@cydweithio/model/rules/actionReminders';
import type { NotificationEntry } from '../../api/notificationSchemas';
import { formatDate } from '../../i18n/formatDate';

export const reminderKinds = ['action-due-soon', 'action-overdue'] as const;
type ReminderKind = (typeof reminderKinds)[number];

export const isReminder = (n: NotificationEntry): n is NotificationEntry & { kind: ReminderKind; reminder: NonNullable<NotificationEntry['reminder']> } =>
  (reminderKinds as readonly string[]).includes(n.kind) && n.reminder !== undefined;

export function reminderWords(t: Translate, locale: Locale, n: NotificationEntry & { kind: ReminderKind; reminder: NonNullable<NotificationEntry['reminder']> }): { text: string; since: string | null } {
  const { due, action } = n.reminder;
  const title = n.document?.title ?? null;
  const date = formatDate(due, locale);
  if (title === null) return { text: t(`home.notifications.reminder.closed.${n.kind}`, { date }), since: null };
  const text = action
    ? t(`home.notifications.kind.${n.kind}`, { action: action.description, title, date })
    : t(`home.notifications.reminder.unnamed.${n.kind}`, { title, date });
  const standing = reminderStanding(due, action);
  if (standing === 'as-reminded') return { text, since: null };
  if (standing === 'moved' && action?.due === '') return { text, since: t('home.notifications.reminder.since.undated') };
  return { text, since: t(`home.notifications.reminder.since.${standing}`, { date: action ? formatDate(action.due, locale) : '' }) };
}
