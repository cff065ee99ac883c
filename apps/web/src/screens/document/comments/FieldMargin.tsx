import { createMemo, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { useText } from '../../../i18n/useText';
import { CommentComposer } from './CommentComposer';
import { CommentThread } from './CommentThread';
import type { DocumentComments } from './createDocumentComments';
import './comments.css';

/**
 * The margin of one formatted field (web SPEC C200-C202): its open threads in the order of their
 * text, a button to comment on the selection (also Ctrl+Alt+M in the field), and the composer.
 * Beside the field on a wide screen, below it on a narrow one (CSS only).
 */
export function FieldMargin(props: { store: DocumentComments; fragment: Y.XmlFragment; label: () => string }) {
  const t = useText();
  const here = createMemo(() => {
    const placed = props.store.placement();
    return props.store.open()
      .flatMap((thread) => {
        const at = placed.get(thread.root.id);
        return at && 'fragment' in at && at.fragment === props.fragment ? [{ thread, from: at.from }] : [];
      })
      .sort((a, b) => a.from - b.from)
      .map((x) => x.thread);
  });
  const composing = () => {
    const c = props.store.composing();
    return c && c.fragment === props.fragment ? c : null;
  };
  return (
    <div class="comment-margin" role="group" aria-label={t('comments.marginOf', { field: props.label() })} data-testid="comment-margin">
      <Show when={props.store.may().comment && !composing()}>
        <button
          type="button"
          class="button button--small button--secondary comment-margin__add"
          aria-keyshortcuts="Control+Alt+M"
          onMouseDown={(e) => e.preventDefault()}
          onClick={() => props.store.startInField(props.fragment)}
          data-testid="comment-add"
        >
          {t('comments.add')}
        </button>
      </Show>
      <Show when={props.store.noSelection() === props.fragment}>
        <p class="comment-margin__hint" role="status">{t('comments.selectFirst')}</p>
      </Show>
      <Show when={composing()}>
        {(c) => (
          <div class="comment-thread comment-thread--new">
            <p class="comment-thread__heading">{t('comments.threadOn', { quote: c().range?.quote ?? '' })}</p>
            <CommentComposer
              label={t('comments.newLabel')}
              submitLabel={t('comments.send')}
              readers={props.store.readers}
              onSubmit={async (body, mentions) => {
                await props.store.add({ body, mentions, range: c().range ?? undefined });
                props.store.stopComposing();
              }}
              onCancel={() => props.store.stopComposing()}
            />
          </div>
        )}
      </Show>
      <For each={here()}>{(thread) => <CommentThread thread={thread} store={props.store} placed />}</For>
    </div>
  );
}
