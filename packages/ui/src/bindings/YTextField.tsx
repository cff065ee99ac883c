import { onCleanup, onMount } from 'solid-js';
import * as Y from 'yjs';
import { caretAfterDelta, captureFieldSelection, restoreFieldSelection, type RelativeFieldSelection } from './fieldSelection';
import { makeSplice } from './textDiff';
import { historyKey } from './undoKeys';
import { useEditorComments } from '../editor/EditorCommentsContext';

export interface YTextFieldProps {
  /** The field's text; fixed for the life of the field (a new text needs a new field). */
  text: Y.Text;
  id: string;
  readOnly: boolean;
  multiline?: boolean;
  describedBy?: string;
  testId?: string;
}

type PlainField = HTMLInputElement | HTMLTextAreaElement;

/**
 * A plain text input or textarea bound to a Y.Text. Local typing becomes one splice at the
 * caret; remote changes rewrite the field and put the caret and selection back where they were
 * among the characters (Yjs relative positions captured before each remote transaction). The
 * field's value is written here only, never by a reactive attribute, so nothing can overwrite
 * it before the selection is restored. Undo and redo take back this person's own edits in this
 * field only. Label it with <label for={id}>.
 */
export function YTextField(props: YTextFieldProps) {
  const text = props.text;
  const doc = text.doc;
  let field!: PlainField;
  // Our own transactions carry this origin: the field already shows them.
  const localOrigin = {};
  const undoManager = new Y.UndoManager(text, { trackedOrigins: new Set([localOrigin]), captureTimeout: 600 });
  let before: RelativeFieldSelection | null = null;
  // Inside a document with comments, the field's selection can be commented on (C285).
  const comments = useEditorComments();

  const captureBeforeRemote = () => {
    before = null;
    if (!field || document.activeElement !== field || field.value !== text.toString()) return;
    before = captureFieldSelection(text, {
      start: field.selectionStart ?? 0,
      end: field.selectionEnd ?? 0,
      direction: field.selectionDirection ?? 'none',
    });
  };

  const showChange = (event: Y.YTextEvent, transaction: Y.Transaction) => {
    if (transaction.origin === localOrigin) return;
    const next = text.toString();
    if (field.value === next) return;
    field.value = next;
    if (document.activeElement !== field) return;
    if (transaction.origin === undoManager) {
      const caret = caretAfterDelta(event.delta as { retain?: number; insert?: unknown; delete?: number }[]);
      if (caret !== null) field.setSelectionRange(caret, caret);
      return;
    }
    const restored = before && doc ? restoreFieldSelection(doc, before) : null;
    if (restored) field.setSelectionRange(restored.start, restored.end, restored.direction);
  };

  const onInput = () => {
    const splice = makeSplice(text.toString(), field.value, field.selectionEnd ?? undefined);
    if (!splice) return;
    const apply = () => {
      if (splice.remove > 0) text.delete(splice.index, splice.remove);
      if (splice.insert) text.insert(splice.index, splice.insert);
    };
    if (doc) doc.transact(apply, localOrigin);
    else apply();
  };

  const step = (which: 'undo' | 'redo') => {
    if (props.readOnly) return;
    if (which === 'undo') undoManager.undo();
    else undoManager.redo();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (comments && event.ctrlKey && event.altKey && event.code === 'KeyM') {
      event.preventDefault();
      comments.commentOnText(text);
      return;
    }
    const which = historyKey(event);
    if (!which) return;
    // The browser's own history would replay values the shared text no longer holds.
    event.preventDefault();
    step(which);
  };
  const onBeforeInput = (event: InputEvent) => {
    if (event.inputType !== 'historyUndo' && event.inputType !== 'historyRedo') return;
    event.preventDefault();
    step(event.inputType === 'historyUndo' ? 'undo' : 'redo');
  };

  onMount(() => {
    field.value = text.toString();
    doc?.on('beforeAllTransactions', captureBeforeRemote);
    text.observe(showChange);
    comments?.attachText(text, field);
  });
  onCleanup(() => {
    comments?.attachText(text, null);
    doc?.off('beforeAllTransactions', captureBeforeRemote);
    text.unobserve(showChange);
    undoManager.destroy();
  });

  const common = () => ({
    id: props.id,
    readOnly: props.readOnly,
    'aria-readonly': props.readOnly,
    'aria-describedby': props.describedBy,
    'data-testid': props.testId,
    'aria-keyshortcuts': comments ? 'Control+Alt+M' : undefined,
    onInput,
    onKeyDown,
    onBeforeInput,
  });

  return props.multiline ? (
    <textarea ref={(el) => (field = el)} rows={3} {...common()} />
  ) : (
    <input ref={(el) => (field = el)} type="text" {...common()} />
  );
}
