import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';

/**
 * A signal that changes whenever anything inside these shared types changes (deeply), local or
 * remote. A meeting's parts are read through the model's accessors on each tick, so the view is
 * always what the document holds.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- any shared type; only its deep observer is used.
export function createDeepTick(types: readonly Y.AbstractType<any>[]): Accessor<number> {
  const [tick, setTick] = createSignal(0);
  const bump = () => setTick((n) => n + 1);
  for (const type of types) type.observeDeep(bump);
  onCleanup(() => types.forEach((type) => type.unobserveDeep(bump)));
  return tick;
}
