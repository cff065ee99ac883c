import type { EditorState } from 'prosemirror-state';
import { absolutePositionToRelativePosition } from 'y-prosemirror';
import * as Y from 'yjs';

interface BindingLike {
  type: Y.XmlFragment;
  doc: Y.Doc;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

/**
 * A ProseMirror position as a Yjs relative position tied to the character on one side of it.
 * y-prosemirror ties every position to the character on its right, so a remote character
 * inserted exactly at a caret pushes the caret past it and two people typing at one place
 * interleave letter by letter. `side: -1` ties it to the character on its left instead.
 */
export function relativePositionOnSide(pos: number, binding: BindingLike, side: 0 | -1): Y.RelativePosition {
  const rightTied = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
  if (side === 0) return rightTied;
  const absolute = Y.createAbsolutePositionFromRelativePosition(rightTied, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText) || absolute.index === 0) return rightTied;
  return Y.createRelativePositionFromTypeIndex(absolute.type, absolute.index, -1);
}

/**
 * The selection in the shape y-prosemirror restores after a remote change, with a caret tied to
 * its left and a range tied to its first and last characters (text arriving at either edge
 * stays outside it).
 */
export function relativeSelectionKeepingSides(binding: BindingLike, state: EditorState) {
  const { anchor, head } = state.selection;
  const type = (state.selection.toJSON() as { type: string }).type;
  if (anchor === head) {
    const caret = relativePositionOnSide(anchor, binding, -1);
    return { type, anchor: caret, head: caret };
  }
  const sideOf = (pos: number): 0 | -1 => (pos === Math.max(anchor, head) ? -1 : 0);
  return {
    type,
    anchor: relativePositionOnSide(anchor, binding, sideOf(anchor)),
    head: relativePositionOnSide(head, binding, sideOf(head)),
  };
}
