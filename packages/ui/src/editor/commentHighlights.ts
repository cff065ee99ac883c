/**
 * Comment ranges in a formatted field (web SPEC C200-C202): each open thread's text is marked
 * with an inline decoration, never by changing the document, so marking is not an edit and a
 * reader who may not edit sees the marks too. Ranges are Yjs relative positions (model SPEC
 * D40), resolved through y-prosemirror's mapping on every change, so they follow the text when
 * anyone inserts or deletes before them.
 */
import { Plugin, PluginKey, TextSelection, type EditorState } from 'prosemirror-state';
import { Decoration, DecorationSet, type EditorView } from 'prosemirror-view';
import { absolutePositionToRelativePosition, relativePositionToAbsolutePosition, ySyncPluginKey } from 'y-prosemirror';
import type * as Y from 'yjs';
import { decodePosition, encodePosition, quoteOf, type CommentRange } from '@cydweithio/model/comments/anchor';

export interface HighlightedRange {
  id: string;
  range: CommentRange;
  active: boolean;
}

export interface CommentHighlightOptions {
  /** The ranges to mark (all threads of the document: those of other fields resolve to nothing). */
  ranges: () => readonly HighlightedRange[];
  /** A marked range was clicked: the thread to show. */
  onActivate?: (id: string) => void;
  /** Ctrl+Alt+M (as in word processors): comment on the selection. */
  onCommentKey?: (view: EditorView) => void;
  /** The marks were worked out again (the text or the ranges changed): margins re-sort. */
  onRebuilt?: () => void;
}

export const commentHighlightKey = new PluginKey<DecorationSet>('comment-highlights');

interface YSyncState {
  doc: Y.Doc;
  type: Y.XmlFragment;
  binding: { mapping: Map<unknown, unknown> } | null;
}

function ySync(state: EditorState): YSyncState | null {
  const found = ySyncPluginKey.getState(state) as YSyncState | undefined;
  return found?.binding ? found : null;
}

/** Where a range is in this editor now, or null when it is not in this field or its text is gone (D42). */
export function rangeInEditor(state: EditorState, range: CommentRange): { from: number; to: number } | null {
  const y = ySync(state);
  const start = decodePosition(range.start);
  const end = decodePosition(range.end);
  if (!y || !start || !end) return null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- y-prosemirror's mapping type is not exported.
  const mapping = y.binding!.mapping as any;
  const from = relativePositionToAbsolutePosition(y.doc, y.type, start, mapping);
  const to = relativePositionToAbsolutePosition(y.doc, y.type, end, mapping);
  const size = state.doc.content.size;
  if (from === null || to === null) return null;
  const a = Math.max(0, Math.min(from, size));
  const b = Math.max(0, Math.min(to, size));
  return b > a && state.doc.textBetween(a, b, ' ').trim() !== '' ? { from: a, to: b } : null;
}

/**
 * The range of the selection as a comment range (D40), or null when nothing is selected. The
 * browser's selection is read first when it is in this editor (a read-only editor does not track
 * the selection at all), else the editor's.
 */
export function selectionRange(view: EditorView): CommentRange | null {
  let { from, to } = view.state.selection;
  // What the person sees selected wins: ProseMirror reads a selection change a moment after the
  // browser makes it, so a key pressed straight after Shift+Arrow would otherwise comment on the
  // selection one step behind (C201).
  const selection = view.dom.ownerDocument.getSelection();
  if (selection && !selection.isCollapsed && selection.anchorNode && selection.focusNode
    && view.dom.contains(selection.anchorNode) && view.dom.contains(selection.focusNode)) {
    const a = view.posAtDOM(selection.anchorNode, selection.anchorOffset);
    const b = view.posAtDOM(selection.focusNode, selection.focusOffset);
    [from, to] = a < b ? [a, b] : [b, a];
  }
  const y = ySync(view.state);
  const quote = quoteOf(view.state.doc.textBetween(from, to, ' '));
  if (!y || from === to || quote === '') return null;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above.
  const mapping = y.binding!.mapping as any;
  return {
    start: encodePosition(absolutePositionToRelativePosition(from, y.type, mapping)),
    end: encodePosition(absolutePositionToRelativePosition(to, y.type, mapping)),
    quote,
  };
}

function build(state: EditorState, ranges: readonly HighlightedRange[]): DecorationSet {
  const decorations: Decoration[] = [];
  for (const { id, range, active } of ranges) {
    const at = rangeInEditor(state, range);
    if (!at) continue;
    decorations.push(Decoration.inline(at.from, at.to, {
      class: active ? 'comment-mark comment-mark--active' : 'comment-mark',
      'data-comment-id': id,
    }, { id }));
  }
  return DecorationSet.create(state.doc, decorations);
}

export function commentHighlights(options: CommentHighlightOptions): Plugin<DecorationSet> {
  return new Plugin<DecorationSet>({
    key: commentHighlightKey,
    state: {
      init: (_config, state) => build(state, options.ranges()),
      apply(tr, old, _before, state) {
        // A change from Yjs (a remote edit, undo, the first render) or new ranges: resolve the
        // relative positions again. A local edit is applied here before y-prosemirror writes it
        // to Yjs, so resolving now would use the old text: the marks are mapped through it
        // instead, and resolved again at the next change from Yjs.
        const fromYjs = tr.getMeta(commentHighlightKey) !== undefined || tr.getMeta(ySyncPluginKey) !== undefined;
        if (!fromYjs && !tr.docChanged) return old;
        const next = fromYjs ? build(state, options.ranges()) : old.map(tr.mapping, tr.doc);
        // After the transaction is applied: the margins read the new state.
        queueMicrotask(() => options.onRebuilt?.());
        return next;
      },
    },
    props: {
      decorations: (state) => commentHighlightKey.getState(state),
      handleClick(view, pos) {
        const found = commentHighlightKey.getState(view.state)?.find(pos, pos);
        const id = found?.[0]?.spec['id'] as string | undefined;
        if (id) options.onActivate?.(id);
        return false;
      },
      handleKeyDown(view, event) {
        if ((event.ctrlKey || event.metaKey) && event.altKey && event.code === 'KeyM') {
          options.onCommentKey?.(view);
          return true;
        }
        return false;
      },
    },
  });
}

/** The ranges changed (a comment added, resolved, reopened): mark again. */
export function refreshHighlights(view: EditorView): void {
  if (!view.isDestroyed) view.dispatch(view.state.tr.setMeta(commentHighlightKey, true));
}

/**
 * Shows a thread's text in its field: selects it and moves focus there when the field is
 * editable (the keyboard route from a thread back to its text), else scrolls it into view.
 */
export function showRangeInEditor(view: EditorView, range: CommentRange): boolean {
  const at = rangeInEditor(view.state, range);
  if (!at) return false;
  if (view.editable) {
    view.focus();
    view.dispatch(view.state.tr.setSelection(TextSelection.create(view.state.doc, at.from, at.to)).scrollIntoView());
  } else {
    const { node } = view.domAtPos(at.from);
    (node instanceof Element ? node : node.parentElement)?.scrollIntoView({ block: 'center' });
  }
  return true;
}
