import { createEffect, onCleanup, onMount } from 'solid-js';
import { EditorView } from 'prosemirror-view';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useUiText } from '../i18n/useUiText';
import { makeEditorState } from './makeEditorState';

export interface RichTextEditorProps {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** Visible label text; the editor is a labelled multi-line textbox for assistive technology. */
  label: string;
  readOnly: boolean;
  testId?: string;
}

/** A collaborative rich-text field bound to a Y.XmlFragment (y-prosemirror). */
export function RichTextEditor(props: RichTextEditorProps) {
  const t = useUiText();
  let host!: HTMLDivElement;
  let view: EditorView | undefined;

  const attributes = () => ({
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': props.label,
    'aria-readonly': String(props.readOnly),
    class: 'rich-text__content',
  });

  onMount(() => {
    view = new EditorView(host, {
      state: makeEditorState(props.fragment, props.awareness),
      editable: () => !props.readOnly,
      attributes: attributes(),
    });
  });
  // Re-apply props when access or language changes (labels are translated).
  createEffect(() => {
    const attrs = attributes();
    view?.setProps({ editable: () => !props.readOnly, attributes: attrs });
  });
  onCleanup(() => view?.destroy());

  return (
    <div class="rich-text" classList={{ 'rich-text--readonly': props.readOnly }} data-testid={props.testId}>
      {props.readOnly && <span class="rich-text__note">{t('editor.readOnly')}</span>}
      <div ref={host} />
    </div>
  );
}
