import { baseKeymap, chainCommands, exitCode } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { EditorState } from 'prosemirror-state';
import { liftListItem, sinkListItem, splitListItem } from 'prosemirror-schema-list';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { formatCommands } from './commands';
import { buildCursor } from './cursorBuilder';
import { localCaretPlugin } from './localCaretPlugin';
import { richTextSchema as schema } from './schema';

/**
 * The editor's state: Yjs is the source of truth (ySyncPlugin), the local caret keeps its place
 * under remote edits (localCaretPlugin, right after the sync plugin), remote cursors come from
 * awareness, and undo only reverts this person's own edits (yUndoPlugin tracks the binding's
 * origin only). Tab is left to move focus (no keyboard trap); lists indent with Ctrl+].
 */
export function makeEditorState(fragment: Y.XmlFragment, awareness: Awareness): EditorState {
  const item = schema.nodes['list_item']!;
  return EditorState.create({
    schema,
    plugins: [
      ySyncPlugin(fragment),
      localCaretPlugin(),
      yCursorPlugin(awareness, { cursorBuilder: buildCursor }),
      yUndoPlugin(),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-b': formatCommands.strong,
        'Mod-i': formatCommands.em,
        'Mod-Alt-3': formatCommands.heading,
        'Mod-Alt-4': formatCommands.subheading,
        'Mod-Shift-8': formatCommands.bullet_list,
        'Mod-Shift-7': formatCommands.ordered_list,
        Enter: splitListItem(item),
        'Mod-]': sinkListItem(item),
        'Mod-[': liftListItem(item),
        'Shift-Enter': chainCommands(exitCode, (state, dispatch) => {
          dispatch?.(state.tr.replaceSelectionWith(schema.nodes['hard_break']!.create()).scrollIntoView());
          return true;
        }),
      }),
      keymap(baseKeymap),
    ],
  });
}
