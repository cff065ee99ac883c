import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import type { VisitDate } from '@cydweithio/model/docs/visitDates';

/**
 * The review's visit dates as a signal (D64). Deep: a date moved to another day is a change
 * inside an entry, which a shallow observer of the list would miss. Owns its observer.
 */
export function createVisitDates(doc: Y.Doc, read: () => VisitDate[]): Accessor<VisitDate[]> {
  const array = doc.getArray<Y.Map<unknown>>('visitDates');
  const [dates, setDates] = createSignal(read());
  const update = () => setDates(read());
  array.observeDeep(update);
  onCleanup(() => array.unobserveDeep(update));
  return dates;
}
