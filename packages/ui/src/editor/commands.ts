import { setBlockType, toggleMark } from 'prosemirror-commands';
import type { MarkType, NodeType } from 'prosemirror-model';
import type { Command, EditorState } from 'prosemirror-state';
import { liftListItem, wrapInList } from 'prosemirror-schema-list';
import { redo, undo, yUndoPluginKey } from 'y-prosemirror';
import { richTextSchema as schema } from './schema';
import { safeHref } from './safeHref';

export type FormatId = 'strong' | 'em' | 'heading' | 'subheading' | 'bullet_list' | 'ordered_list' | 'link' | 'undo' | 'redo';

/** Heading levels inside a field sit below the page's own headings. */
export const headingLevels = { heading: 3, subheading: 4 } as const;

function markActive(state: EditorState, type: MarkType): boolean {
  const { from, $from, to, empty } = state.selection;
  if (empty) return Boolean(type.isInSet(state.storedMarks ?? $from.marks()));
  return state.doc.rangeHasMark(from, to, type);
}

function inList(state: EditorState, type: NodeType): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) if ($from.node(depth).type === type) return true;
  return false;
}

function headingActive(state: EditorState, level: number): boolean {
  const parent = state.selection.$from.parent;
  return parent.type === schema.nodes['heading'] && parent.attrs['level'] === level;
}

/** Whether a format applies at the selection (the toolbar's pressed state). */
export function isActive(state: EditorState, id: FormatId): boolean {
  switch (id) {
    case 'strong':
    case 'em':
    case 'link':
      return markActive(state, schema.marks[id]!);
    case 'heading':
    case 'subheading':
      return headingActive(state, headingLevels[id]);
    case 'bullet_list':
    case 'ordered_list':
      return inList(state, schema.nodes[id]!);
    default:
      return false;
  }
}

const toggleHeading =
  (level: number): Command =>
  (state, dispatch) =>
    headingActive(state, level) ? setBlockType(schema.nodes['paragraph']!)(state, dispatch) : setBlockType(schema.nodes['heading']!, { level })(state, dispatch);

const toggleList =
  (type: NodeType): Command =>
  (state, dispatch) => {
    const item = schema.nodes['list_item']!;
    if (inList(state, type)) return liftListItem(item)(state, dispatch);
    return wrapInList(type)(state, dispatch);
  };

/** Removes a link from the selection, or from the whole link the caret is in. */
export const removeLink: Command = (state, dispatch) => {
  const type = schema.marks['link']!;
  let { from, to } = state.selection;
  if (state.selection.empty) {
    const $pos = state.selection.$from;
    const parent = $pos.parent;
    const index = $pos.index();
    if (!type.isInSet(parent.maybeChild(index)?.marks ?? []) && !type.isInSet(parent.maybeChild(index - 1)?.marks ?? [])) return false;
    from = $pos.start();
    to = $pos.end();
  }
  if (dispatch) dispatch(state.tr.removeMark(from, to, type));
  return true;
};

/** Links the selection to `href`, or inserts the address as linked text at the caret. Unsafe hrefs are refused. */
export function setLink(href: string): Command {
  return (state, dispatch) => {
    const safe = safeHref(href);
    if (safe === null) return false;
    const mark = schema.marks['link']!.create({ href: safe });
    if (dispatch) {
      const { from, to, empty } = state.selection;
      const tr = empty ? state.tr.insert(from, schema.text(safe, [mark])) : state.tr.addMark(from, to, mark);
      dispatch(tr.scrollIntoView());
    }
    return true;
  };
}

/** The command behind each toolbar button (the link button opens its dialog instead). */
export const formatCommands: Record<Exclude<FormatId, 'link'>, Command> = {
  strong: toggleMark(schema.marks['strong']!),
  em: toggleMark(schema.marks['em']!),
  heading: toggleHeading(headingLevels.heading),
  subheading: toggleHeading(headingLevels.subheading),
  bullet_list: toggleList(schema.nodes['bullet_list']!),
  ordered_list: toggleList(schema.nodes['ordered_list']!),
  undo: (state) => undo(state),
  redo: (state) => redo(state),
};

/** Undo and redo are available only when this person has something of their own to take back. */
export function historyAvailable(state: EditorState, id: 'undo' | 'redo'): boolean {
  const undoState = yUndoPluginKey.getState(state) as { hasUndoOps?: boolean; hasRedoOps?: boolean } | undefined;
  return Boolean(id === 'undo' ? undoState?.hasUndoOps : undoState?.hasRedoOps);
}
