import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';

/** One key of a Y.Map as a signal; owns its observer. Nested shared types are returned as-is. */
export function createYMapValue<T>(map: Y.Map<unknown>, key: string): Accessor<T | undefined> {
  const [value, setValue] = createSignal<T | undefined>(map.get(key) as T | undefined, { equals: false });
  const update = (event: Y.YMapEvent<unknown>) => {
    if (event.keysChanged.has(key)) setValue(() => map.get(key) as T | undefined);
  };
  map.observe(update);
  onCleanup(() => map.unobserve(update));
  return value;
}

/** A whole Y.Map as a plain-object signal (shallow); owns its observer. */
export function createYMap(map: Y.Map<unknown>): Accessor<Record<string, unknown>> {
  const [value, setValue] = createSignal<Record<string, unknown>>(Object.fromEntries(map.entries()), { equals: false });
  const update = () => setValue(Object.fromEntries(map.entries()));
  map.observe(update);
  onCleanup(() => map.unobserve(update));
  return value;
}
