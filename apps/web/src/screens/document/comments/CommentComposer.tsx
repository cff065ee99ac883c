import { createSignal, createUniqueId, For, onMount, Show } from 'solid-js';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import type { Reader } from '../../../api/schemas';
import { mentionQueryAt, mentionsStillIn, type Mentioned } from './mentionText';

export interface CommentComposerProps {
  /** The textarea's accessible name. */
  label: string;
  submitLabel: string;
  initial?: string;
  initialMentions?: Mentioned[];
  /** Only the document's readers may be mentioned (ACCESS.md A104): the picker lists no one else. */
  readers: () => Promise<Reader[]>;
  onSubmit: (body: string, mentions: string[]) => Promise<unknown>;
  onCancel: () => void;
}

const MAX_BODY = 4000;

/**
 * Writing a comment (web SPEC C203-C204): a labelled text box and, after "@", a list of the
 * document's readers to mention, used with the arrow keys, Enter or Tab, and Escape, as a
 * text box with a list (aria-activedescendant; a textarea may not take the combobox role). The
 * number of people found is announced. Escape with no list open cancels; Ctrl+Enter sends.
 */
export function CommentComposer(props: CommentComposerProps) {
  const t = useText();
  const errorText = useErrorText();
  const id = createUniqueId();
  let box!: HTMLTextAreaElement;
  const [body, setBody] = createSignal(props.initial ?? '');
  const [mentioned, setMentioned] = createSignal<Mentioned[]>(props.initialMentions ?? []);
  const [readers, setReaders] = createSignal<Reader[]>([]);
  const [query, setQuery] = createSignal<{ start: number; text: string } | null>(null);
  const [option, setOption] = createSignal(0);
  const [error, setError] = createSignal<string | null>(null);
  const [sending, setSending] = createSignal(false);

  onMount(() => {
    box.focus();
    box.setSelectionRange(box.value.length, box.value.length);
    void props.readers().then(setReaders, () => setReaders([]));
  });

  const matches = () => {
    const q = query();
    if (!q) return [];
    const needle = q.text.toLocaleLowerCase();
    return readers().filter((r) => r.name.toLocaleLowerCase().includes(needle)).slice(0, 6);
  };
  const listOpen = () => matches().length > 0;
  const optionId = (i: number) => `${id}-option-${i}`;

  const onInput = () => {
    setBody(box.value);
    setQuery(mentionQueryAt(box.value, box.selectionStart));
    setOption(0);
  };
  const choose = (reader: Reader) => {
    const q = query();
    if (!q || !reader.personId) return;
    const before = box.value.slice(0, q.start);
    const after = box.value.slice(box.selectionStart);
    const inserted = `@${reader.name} `;
    box.value = before + inserted + after;
    const caret = before.length + inserted.length;
    box.setSelectionRange(caret, caret);
    setBody(box.value);
    setMentioned((list) => [...list.filter((m) => m.personId !== reader.personId), { personId: reader.personId!, name: reader.name }]);
    setQuery(null);
  };

  const submit = async () => {
    const text = body().trim();
    if (text === '' || sending()) return;
    setSending(true);
    setError(null);
    try {
      await props.onSubmit(text, mentionsStillIn(text, mentioned()));
    } catch (failure) {
      setError(errorText(failure));
      setSending(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (listOpen()) {
      const count = matches().length;
      if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
        event.preventDefault();
        setOption((i) => (i + (event.key === 'ArrowDown' ? 1 : count - 1)) % count);
        return;
      }
      if (event.key === 'Enter' || event.key === 'Tab') {
        event.preventDefault();
        const reader = matches()[option()];
        if (reader) choose(reader);
        return;
      }
      if (event.key === 'Escape') {
        event.preventDefault();
        setQuery(null);
        return;
      }
    }
    if (event.key === 'Escape') {
      event.preventDefault();
      props.onCancel();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void submit();
    }
  };

  return (
    <form class="comment-composer" onSubmit={(e) => { e.preventDefault(); void submit(); }}>
      <label class="comment-composer__label" for={`${id}-body`}>{props.label}</label>
      <div class="comment-composer__box">
        <textarea
          ref={box}
          id={`${id}-body`}
          class="comment-composer__text"
          rows={3}
          maxLength={MAX_BODY}
          value={body()}
          aria-autocomplete="list"
          aria-controls={`${id}-people`}
          aria-activedescendant={listOpen() ? optionId(option()) : undefined}
          aria-describedby={`${id}-hint`}
          onInput={onInput}
          onKeyDown={onKeyDown}
          onBlur={() => setTimeout(() => setQuery(null), 150)}
          data-testid="comment-body"
        />
        <ul id={`${id}-people`} class="comment-composer__people" role="listbox" aria-label={t('comments.mentionList')} hidden={!listOpen()}>
          <For each={matches()}>
            {(reader, i) => (
              <li
                id={optionId(i())}
                role="option"
                aria-selected={option() === i()}
                class="comment-composer__person"
                onMouseDown={(e) => { e.preventDefault(); choose(reader); }}
                data-testid="mention-option"
              >
                {reader.name}
              </li>
            )}
          </For>
        </ul>
      </div>
      <p class="visually-hidden" role="status">{query() ? t('comments.peopleFound', { count: matches().length }) : ''}</p>
      <p id={`${id}-hint`} class="comment-composer__hint">{t('comments.composerHint')}</p>
      <Show when={error()}>{(message) => <p class="comment-composer__error" role="alert">{message()}</p>}</Show>
      <div class="comment-composer__actions">
        <button type="submit" class="button button--small" disabled={sending() || body().trim() === ''} data-testid="comment-send">{props.submitLabel}</button>
        <button type="button" class="button button--small button--secondary" onClick={() => props.onCancel()}>{t('comments.cancel')}</button>
      </div>
    </form>
  );
}
