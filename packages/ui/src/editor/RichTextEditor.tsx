import { createEffect, createSignal, createUniqueId, onCleanup, onMount, Show } from 'solid-js';
import type { EditorState, Plugin } from 'prosemirror-state';
import { EditorView } from 'prosemirror-view';
import type { Awareness } from 'y-protocols/awareness';
import type * as Y from 'yjs';
import { useUiText } from '../i18n/useUiText';
import { formatCommands, isActive, removeLink, setLink, type FormatId } from './commands';
import { FormatToolbar } from './FormatToolbar';
import { LinkForm } from './LinkForm';
import { useEditorComments } from './EditorCommentsContext';
import { makeEditorState } from './makeEditorState';

export interface RichTextEditorProps {
  fragment: Y.XmlFragment;
  awareness: Awareness;
  /** Visible label text; the editor is a labelled multi-line textbox for assistive technology. */
  label: string;
  readOnly: boolean;
  testId?: string;
  /** More plugins (comment highlights); fixed when the editor is made. */
  plugins?: Plugin[];
  /** Called with the view once it exists, and with null when it is gone. */
  onView?: (view: EditorView | null) => void;
}

/**
 * A collaborative rich-text field bound to a Y.XmlFragment (y-prosemirror) with its formatting
 * toolbar. Alt+F10 moves from the text to the toolbar, Escape back; Ctrl+K asks for a link.
 */
export function RichTextEditor(props: RichTextEditorProps) {
  const t = useUiText();
  const id = createUniqueId();
  const contentId = `rich-${id}`;
  let host!: HTMLDivElement;
  let toolbar: HTMLDivElement | undefined;
  let view: EditorView | undefined;
  const [state, setState] = createSignal<EditorState>();
  const [linking, setLinking] = createSignal(false);
  // Inside a document with comments: marks on commented text, and the field's margin (C200).
  const comments = useEditorComments();

  const attributes = () => ({
    id: contentId,
    role: 'textbox',
    'aria-multiline': 'true',
    'aria-label': props.label,
    'aria-readonly': String(props.readOnly),
    class: 'rich-text__content',
  });

  const focusText = () => view?.focus();
  const openLink = () => {
    if (!props.readOnly) setLinking(true);
  };
  const format = (which: FormatId) => {
    if (!view || props.readOnly) return;
    if (which === 'link') return openLink();
    formatCommands[which](view.state, view.dispatch, view);
    focusText();
  };

  onMount(() => {
    const base = makeEditorState(props.fragment, props.awareness);
    const extra = [...(props.plugins ?? []), ...(comments?.plugins(props.fragment) ?? [])];
    view = new EditorView(host, {
      state: extra.length ? base.reconfigure({ plugins: [...base.plugins, ...extra] }) : base,
      editable: () => !props.readOnly,
      attributes: attributes(),
      // A view that is gone takes no more transactions: y-prosemirror defers some updates (a
      // remote cursor moving) to a timer, which can fire after the screen has been left.
      dispatchTransaction(this: EditorView, tr) {
        if (this.isDestroyed) return;
        const next = this.state.apply(tr);
        this.updateState(next);
        setState(next);
      },
      handleKeyDown: (_view, event) => {
        if (event.altKey && event.key === 'F10') {
          toolbar?.querySelector<HTMLButtonElement>('button[tabindex="0"]')?.focus();
          return true;
        }
        if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'k') {
          openLink();
          return true;
        }
        return false;
      },
    });
    setState(view.state);
    props.onView?.(view);
    comments?.attach(props.fragment, view, props.label);
  });
  // Re-apply props when access or language changes (labels are translated).
  createEffect(() => {
    const attrs = attributes();
    view?.setProps({ editable: () => !props.readOnly, attributes: attrs });
  });
  onCleanup(() => {
    comments?.attach(props.fragment, null, props.label);
    props.onView?.(null);
    view?.destroy();
    view = undefined;
  });

  const linkAtSelection = () => {
    const current = state();
    if (!current || !isActive(current, 'link')) return '';
    const mark = current.selection.$from.marks().find((m) => m.type.name === 'link') ?? current.doc.nodeAt(current.selection.from)?.marks.find((m) => m.type.name === 'link');
    return String(mark?.attrs['href'] ?? '');
  };
  const closeLink = () => {
    setLinking(false);
    focusText();
  };

  const editor = (
    <div class="rich-text" classList={{ 'rich-text--readonly': props.readOnly }} data-testid={props.testId}>
      <Show when={!props.readOnly} fallback={<span class="rich-text__note">{t('editor.readOnly')}</span>}>
        <div ref={(el) => (toolbar = el)}>
          <FormatToolbar state={state} label={props.label} controls={contentId} onFormat={format} onLeave={focusText} />
        </div>
        <Show when={linking()}>
          <LinkForm
            id={`link-${id}`}
            initial={linkAtSelection()}
            canRemove={linkAtSelection() !== ''}
            onApply={(href) => {
              if (view) setLink(href)(view.state, view.dispatch);
              closeLink();
            }}
            onRemove={() => {
              if (view) removeLink(view.state, view.dispatch);
              closeLink();
            }}
            onCancel={closeLink}
          />
        </Show>
      </Show>
      <div ref={host} />
    </div>
  );
  // The margin is beside the field on a wide screen and below it on a narrow one (C200).
  return comments ? <div class="commented-field">{editor}{comments.margin(props.fragment, () => props.label)}</div> : editor;
}
