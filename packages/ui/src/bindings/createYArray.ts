import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';

/**
 * The items of a Y.Array as a signal of a fresh array (identity of Yjs items is kept, so <For>
 * re-renders only rows that were added or removed). Owns its observer.
 */
export function createYArray<T>(array: Y.Array<T>): Accessor<T[]> {
  const [items, setItems] = createSignal<T[]>(array.toArray(), { equals: false });
  const update = () => setItems(array.toArray());
  array.observe(update);
  onCleanup(() => array.unobserve(update));
  return items;
}
