/**
 * The smallest single splice turning `before` into `after` (common prefix and suffix kept).
 * Applying a splice rather than replacing the whole Y.Text keeps concurrent edits elsewhere in
 * the text intact and keeps remote cursors where they were.
 */
export interface Splice {
  index: number;
  remove: number;
  insert: string;
}

/**
 * With `caretAfter` (where the field's caret is once the edit is made) the splice is placed
 * where the person actually typed: typing "l" inside "ll" is an insert at the caret, not after
 * the last "l". That matters under co-editing, because Yjs ties each new character to its
 * neighbours and a character tied to the wrong one can land in someone else's text.
 */
export function makeSplice(before: string, after: string, caretAfter?: number): Splice | null {
  if (before === after) return null;
  if (caretAfter === undefined) return prefixFirst(before, after);
  const floor = Math.min(Math.max(caretAfter, 0), after.length);
  let endBefore = before.length;
  let endAfter = after.length;
  // The common suffix first, never reaching left of the caret: what follows the caret is kept.
  while (endBefore > 0 && endAfter > floor && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  let start = 0;
  const max = Math.min(endBefore, endAfter);
  while (start < max && before[start] === after[start]) start++;
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}

function prefixFirst(before: string, after: string): Splice {
  let start = 0;
  const max = Math.min(before.length, after.length);
  while (start < max && before[start] === after[start]) start++;
  let endBefore = before.length;
  let endAfter = after.length;
  while (endBefore > start && endAfter > start && before[endBefore - 1] === after[endAfter - 1]) {
    endBefore--;
    endAfter--;
  }
  return { index: start, remove: endBefore - start, insert: after.slice(start, endAfter) };
}
