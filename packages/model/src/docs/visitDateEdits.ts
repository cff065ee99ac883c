import type * as Y from 'yjs';
import { prelimMap, removeById } from './meta';
import { isVisitDay, MAX_VISIT_DATES, readVisitDates, visitDatesArray, type VisitDate } from './visitDates';

/** D64: adding, moving and removing the days a peer review's visit is planned for. */

/** Every entry holding this day goes (two added at once are one date). */
function removeDay(arr: Y.Array<Y.Map<unknown>>, date: unknown): void {
  for (let i = arr.length - 1; i >= 0; i--) if (arr.get(i).get('date') === date) arr.delete(i, 1);
}

/**
 * Adds a day of the visit. Refused (false) when it is not a real day or the review has
 * MAX_VISIT_DATES already; a day already planned changes nothing (true).
 */
export function addVisitDate(doc: Y.Doc, entry: VisitDate): boolean {
  if (!isVisitDay(entry.date)) return false;
  const arr = visitDatesArray(doc);
  let added = false;
  doc.transact(() => {
    const dates = readVisitDates(doc);
    if (dates.some((d) => d.date === entry.date)) added = true;
    else if (dates.length < MAX_VISIT_DATES) {
      arr.push([prelimMap({ id: entry.id, date: entry.date })]);
      added = true;
    }
  });
  return added;
}

/** D46: moves a planned day to another by the entry's id (gone already: nothing); onto a day already planned leaves that one date. */
export function updateVisitDate(doc: Y.Doc, id: string, date: string): boolean {
  if (!isVisitDay(date)) return false;
  const arr = visitDatesArray(doc);
  doc.transact(() => {
    const entry = arr.toArray().find((m) => m.get('id') === id);
    const before = entry?.get('date');
    if (entry === undefined || before === date) return;
    if (arr.toArray().some((m) => m.get('date') === date)) removeById(arr, id);
    else entry.set('date', date);
    // The same day added twice at once reads as one date: its twins move with it.
    removeDay(arr, before);
  });
  return true;
}

/** D46: takes a day off the plan by the entry's id, with any twin of the same day. */
export function removeVisitDate(doc: Y.Doc, id: string): void {
  const arr = visitDatesArray(doc);
  doc.transact(() => {
    const entry = arr.toArray().find((m) => m.get('id') === id);
    if (entry) removeDay(arr, entry.get('date'));
  });
}
