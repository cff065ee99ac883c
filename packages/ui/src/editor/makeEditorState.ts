import { baseKeymap, toggleMark } from 'prosemirror-commands';
import { keymap } from 'prosemirror-keymap';
import { schema } from 'prosemirror-schema-basic';
import { EditorState } from 'prosemirror-state';
import { redo, undo, yCursorPlugin, ySyncPlugin, yUndoPlugin } from 'y-prosemirror';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { buildCursor } from './cursorBuilder';

/**
 * The editor's state: Yjs is the source of truth (ySyncPlugin), remote cursors come from
 * awareness, and undo only reverts this person's own edits (yUndoPlugin).
 */
export function makeEditorState(fragment: Y.XmlFragment, awareness: Awareness): EditorState {
  const marks = schema.marks;
  return EditorState.create({
    schema,
    plugins: [
      ySyncPlugin(fragment),
      yCursorPlugin(awareness, { cursorBuilder: buildCursor }),
      yUndoPlugin(),
      keymap({
        'Mod-z': undo,
        'Mod-y': redo,
        'Mod-Shift-z': redo,
        'Mod-b': toggleMark(marks.strong),
        'Mod-i': toggleMark(marks.em),
      }),
      keymap(baseKeymap),
    ],
  });
}
