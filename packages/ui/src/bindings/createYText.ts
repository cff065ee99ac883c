import { createSignal, onCleanup, type Accessor } from 'solid-js';
import type * as Y from 'yjs';

/** The text of a Y.Text as a signal; owns its observer. */
export function createYText(text: Y.Text): Accessor<string> {
  const [value, setValue] = createSignal(text.toString());
  const update = () => setValue(text.toString());
  text.observe(update);
  onCleanup(() => text.unobserve(update));
  return value;
}
