import type * as Y from 'yjs';
import { str } from './meta';

/**
 * D64: the days a peer review's visit is planned for, root `visitDates` Y.Array of Y.Map
 * `{ id, date }` in the review's document, read here and written through ./visitDateEdits: a
 * screen that only shows the dates carries none of the editing (C290).
 */

/** A visit is a few days, never a term: at most this many dates are kept. */
export const MAX_VISIT_DATES = 10;

/** One planned day of the visit, an ISO calendar day (yyyy-mm-dd). */
export interface VisitDate {
  id: string;
  date: string;
}

export function visitDatesArray(doc: Y.Doc): Y.Array<Y.Map<unknown>> {
  return doc.getArray<Y.Map<unknown>>('visitDates');
}

/** A real calendar day written yyyy-mm-dd (2027-02-30 is not one). */
export function isVisitDay(value: unknown): value is string {
  const match = typeof value === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(value) : null;
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return year >= 1900 && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/**
 * The dates in calendar order, each once. Two people adding the same day at once each push an
 * entry; the first kept stands for the day, so both see one date. Anything that is not a real
 * day (an older or foreign client's value) is left out rather than shown as a date.
 */
export function readVisitDates(doc: Y.Doc): VisitDate[] {
  const seen = new Map<string, VisitDate>();
  for (const m of visitDatesArray(doc).toArray()) {
    const date = m.get('date');
    if (isVisitDay(date) && !seen.has(date)) seen.set(date, { id: str(m, 'id'), date });
  }
  return [...seen.values()].sort((a, b) => (a.date < b.date ? -1 : 1));
}

/** D65: what the host still has to agree before the visit: the focus, at least one visit date. */
export const planningPieces = ['focus', 'visit-dates'] as const;
export type PlanningPiece = (typeof planningPieces)[number];

export function planningGaps(state: { focus: string; visitDates: readonly unknown[] }): PlanningPiece[] {
  const gaps: PlanningPiece[] = [];
  if (state.focus.trim() === '') gaps.push('focus');
  if (state.visitDates.length === 0) gaps.push('visit-dates');
  return gaps;
}
