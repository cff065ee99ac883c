/**
 * D21: which of a plan's actions need their owner's attention today. An action not yet done is
 * overdue once its due date has passed, and due soon when it falls within the next two weeks
 * (today and the 14 days after it). Pure: the caller passes today's date.
 */
import { addDays } from './schoolCalendar';

export type ActionFlag = 'overdue' | 'due-soon';
export const DUE_SOON_DAYS = 14;

export function actionFlag(action: { due: string; done: boolean }, today: string): ActionFlag | null {
  if (action.done || action.due === '') return null;
  if (action.due < today) return 'overdue';
  if (action.due <= addDays(today, DUE_SOON_DAYS)) return 'due-soon';
  return null;
}

export interface FlaggedAction<T> {
  action: T;
  priorityId: string;
  flag: ActionFlag;
}

/**
 * The flagged actions whose owner is this person: by their account when the action names one,
 * otherwise by the name or role written as owner (compared without case). Overdue first, then
 * by due date.
 */
export function flaggedActionsFor<T extends { due: string; done: boolean; ownerPersonId: string; ownerName: string }>(
  priorities: readonly { id: string; actions: readonly T[] }[],
  owner: { personId: string; names: readonly string[] },
  today: string,
): FlaggedAction<T>[] {
  const names = new Set(owner.names.map((n) => n.trim().toLowerCase()).filter((n) => n !== ''));
  const mine = (a: T): boolean => (a.ownerPersonId !== '' ? a.ownerPersonId === owner.personId : names.has(a.ownerName.trim().toLowerCase()));
  const out: FlaggedAction<T>[] = [];
  for (const p of priorities) {
    for (const action of p.actions) {
      const flag = actionFlag(action, today);
      if (flag && mine(action)) out.push({ action, priorityId: p.id, flag });
    }
  }
  return out.sort((a, b) => (a.flag === b.flag ? a.action.due.localeCompare(b.action.due) : a.flag === 'overdue' ? -1 : 1));
}
