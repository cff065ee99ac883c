import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type { Awareness } from 'y-protocols/awareness';
import { makePresentPeople, type PresentPerson } from './presenceUsers';

/** The people present on a document, as a signal; owns its awareness listener. */
export function createPresence(awareness: Awareness): Accessor<PresentPerson[]> {
  const read = () => makePresentPeople(awareness.getStates() as Map<number, Record<string, unknown>>, awareness.clientID);
  const [people, setPeople] = createSignal(read());
  const update = () => setPeople(read());
  awareness.on('change', update);
  onCleanup(() => awareness.off('change', update));
  return people;
}
