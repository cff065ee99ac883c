import type { Transaction } from 'prosemirror-state';
import { ReplaceStep } from 'prosemirror-transform';
import { absolutePositionToRelativePosition } from 'y-prosemirror';
import * as Y from 'yjs';

interface BindingLike {
  type: Y.XmlFragment;
  doc: Y.Doc;
  mapping: Map<Y.AbstractType<unknown>, unknown>;
}

/**
 * Writes plain typing (one step inserting or replacing text inside one paragraph) into the Yjs
 * text exactly where it was typed. y-prosemirror finds what changed by comparing the old and new
 * text from the left, so a letter typed just before the same letter ("l" before "l", "<" before
 * "<") is written after that letter instead: the text reads the same, but the new character is
 * tied to the wrong neighbours, and the caret (tied to the character on its left) ends up before
 * what was just typed as soon as a remote change arrives. Written here first, the binding's own
 * comparison then finds the text already equal and only reconciles formatting.
 *
 * Returns false (and writes nothing) for any other change, which the binding handles as before.
 */
export function writeTypedText(binding: BindingLike, tr: Transaction): boolean {
  if (tr.steps.length !== 1) return false;
  const step = tr.steps[0];
  if (!(step instanceof ReplaceStep)) return false;
  const { from, to, slice } = step as unknown as { from: number; to: number; slice: ReplaceStep['slice'] };
  if (slice.openStart !== 0 || slice.openEnd !== 0) return false;
  let text = '';
  let onlyText = true;
  slice.content.forEach((node) => {
    if (node.isText) text += node.text ?? '';
    else onlyText = false;
  });
  if (!onlyText || (text === '' && from === to)) return false;
  const before = tr.before;
  if (to > before.content.size) return false;
  const $from = before.resolve(from);
  const $to = before.resolve(to);
  if (!$from.sameParent($to) || !$from.parent.isTextblock) return false;

  const start = locate(binding, from);
  if (!start || (from !== to && locate(binding, to)?.type !== start.type)) return false;
  const removed = to - from;
  if (start.index + removed > start.type.length) return false;
  if (removed > 0) start.type.delete(start.index, removed);
  if (text) start.type.insert(start.index, text);
  return true;
}

function locate(binding: BindingLike, pos: number): { type: Y.XmlText; index: number } | null {
  const relative = absolutePositionToRelativePosition(pos, binding.type, binding.mapping as never) as Y.RelativePosition;
  const absolute = Y.createAbsolutePositionFromRelativePosition(relative, binding.doc);
  if (!absolute || !(absolute.type instanceof Y.XmlText)) return null;
  return { type: absolute.type, index: absolute.index };
}
