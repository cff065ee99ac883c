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

export function makeSplice(before: string, after: string): Splice | null {
  if (before === after) return null;
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
