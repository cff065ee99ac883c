import * as Y from 'yjs';

/** A plain field's selection as numeric offsets into its text (the DOM's selectionStart/End). */
export interface FieldSelection {
  start: number;
  end: number;
  direction: 'forward' | 'backward' | 'none';
}

/** The same selection as Yjs relative positions: it follows the characters, not the offsets. */
export interface RelativeFieldSelection {
  start: Y.RelativePosition;
  end: Y.RelativePosition;
  direction: FieldSelection['direction'];
}

/**
 * Captures a selection so that it survives remote edits. A caret is tied to the character on
 * its left (assoc -1): a remote insert exactly at the caret lands after it, so the person's next
 * keystroke still follows their own text and two people typing at one place each keep their run
 * contiguous. A range is tied to its first and last selected characters, so text arriving at
 * either edge stays outside it.
 */
export function captureFieldSelection(text: Y.Text, selection: FieldSelection): RelativeFieldSelection {
  const length = text.length;
  const start = Math.min(Math.max(selection.start, 0), length);
  const end = Math.min(Math.max(selection.end, start), length);
  const collapsed = start === end;
  return {
    start: Y.createRelativePositionFromTypeIndex(text, start, collapsed ? -1 : 0),
    end: Y.createRelativePositionFromTypeIndex(text, end, -1),
    direction: selection.direction,
  };
}

/** Where a captured selection is now; null when its text is gone from the document. */
export function restoreFieldSelection(doc: Y.Doc, captured: RelativeFieldSelection): FieldSelection | null {
  const start = Y.createAbsolutePositionFromRelativePosition(captured.start, doc);
  const end = Y.createAbsolutePositionFromRelativePosition(captured.end, doc);
  if (!start || !end) return null;
  return { start: start.index, end: Math.max(start.index, end.index), direction: captured.direction };
}

/**
 * Where the caret belongs after an undo or redo: just after the last text it put back, or where
 * it took text away, found from the change itself.
 */
export function caretAfterDelta(delta: { retain?: number; insert?: unknown; delete?: number }[]): number | null {
  let index = 0;
  let caret: number | null = null;
  for (const op of delta) {
    if (op.retain !== undefined) index += op.retain;
    else if (typeof op.insert === 'string') {
      index += op.insert.length;
      caret = index;
    } else if (op.delete !== undefined) caret = index;
  }
  return caret;
}
