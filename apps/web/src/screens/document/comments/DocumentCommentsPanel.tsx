import { createMemo, createSignal, For, Show } from 'solid-js';
import { useText } from '../../../i18n/useText';
import { CommentComposer } from './CommentComposer';
import { CommentThread } from './CommentThread';
import type { DocumentComments } from './createDocumentComments';
import './comments.css';

/**
 * The document's comments beside the whole document (web SPEC C205): how many threads are open,
 * comments on the whole document, threads whose text is gone or in a field not on screen, and,
 * on request, the resolved threads (each can be reopened there).
 */
export function DocumentCommentsPanel(props: { store: DocumentComments }) {
  const t = useText();
  const [showResolved, setShowResolved] = createSignal(false);
  const unplaced = createMemo(() => props.store.open().filter((thread) => !props.store.placement().get(thread.root.id)));
  const composing = () => {
    const c = props.store.composing();
    return c && c.fragment === null ? c : null;
  };
  return (
    <section class="comments-panel" aria-labelledby="comments-panel-heading" data-testid="comments-panel">
      <h2 id="comments-panel-heading" class="comments-panel__heading">{t('comments.heading')}</h2>
      <p class="comments-panel__count" data-testid="comments-open-count">{t('comments.openCount', { count: props.store.open().length })}</p>
      <Show when={props.store.may().comment}>
        <Show
          when={composing()}
          fallback={
            <button type="button" class="button button--small button--secondary" onClick={() => props.store.startOnDocument()} data-testid="comment-on-document">
              {t('comments.onDocument')}
            </button>
          }
        >
          <CommentComposer
            label={t('comments.newOnDocumentLabel')}
            submitLabel={t('comments.send')}
            readers={props.store.readers}
            onSubmit={async (body, mentions) => {
              await props.store.add({ body, mentions });
              props.store.stopComposing();
            }}
            onCancel={() => props.store.stopComposing()}
          />
        </Show>
      </Show>
      <For each={unplaced()}>{(thread) => <CommentThread thread={thread} store={props.store} placed={false} />}</For>
      <Show when={props.store.resolved().length > 0}>
        <button
          type="button"
          class="button button--small button--secondary"
          aria-expanded={showResolved()}
          onClick={() => setShowResolved((v) => !v)}
          data-testid="comments-show-resolved"
        >
          {t('comments.resolvedCount', { count: props.store.resolved().length })}
        </button>
        <Show when={showResolved()}>
          <For each={props.store.resolved()}>{(thread) => <CommentThread thread={thread} store={props.store} placed={false} />}</For>
        </Show>
      </Show>
    </section>
  );
}
