import { createContext, useContext, type JSX } from 'solid-js';
import type { Plugin } from 'prosemirror-state';
import type { EditorView } from 'prosemirror-view';
import type * as Y from 'yjs';

/**
 * What a document's comments give each formatted field inside it (web SPEC C200): the plugins
 * that mark commented text, a place to report the field's view, and the margin shown beside it.
 * A field outside a document with comments (no provider) is a plain editor.
 */
export interface EditorComments {
  plugins(fragment: Y.XmlFragment): Plugin[];
  /** The field's editor view, and null when it is gone. `label` names the field in the margin. */
  attach(fragment: Y.XmlFragment, view: EditorView | null, label: string): void;
  /** The field's comment margin: beside it on a wide screen, below it on a narrow one. */
  margin(fragment: Y.XmlFragment, label: () => string): JSX.Element;
  /**
   * A plain field (an input or textarea bound to a Y.Text), and null when it is gone (C285):
   * its threads are listed in the document's comment panel, anchored to its text like any other.
   */
  attachText(text: Y.Text, field: HTMLInputElement | HTMLTextAreaElement | null): void;
  /** Ctrl+Alt+M in a plain field: a comment on its selection. */
  commentOnText(text: Y.Text): void;
}

export const EditorCommentsContext = createContext<EditorComments>();

export function useEditorComments(): EditorComments | undefined {
  return useContext(EditorCommentsContext);
}
