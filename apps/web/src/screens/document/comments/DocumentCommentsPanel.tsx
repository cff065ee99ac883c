import { createMemo, createSignal, For, Show } from 'solid-js';
import type * as Y from 'yjs';
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
  // Threads not in a formatted field's margin: on the whole document, in a plain field (C285),
  // or whose text is not on screen.
  const unplaced = createMemo(() => props.store.open().filter((thread) => {
    const at = props.store.placement().get(thread.root.id);
    return !at || 'text' in at;
  }));
  const plainOf = (id: string): Y.Text | null => {
    const at = props.store.placement().get(id);
    return at && 'text' in at ? at.text : null;
  };
  const composing = () => {
    const c = props.store.composing();
    return c && c.fragment === null ? c : null;
  };
  const plainNoSelection = () => {
    const none = props.store.noSelection();
    return none !== null && props.store.isPlain(none);
  };
  const lastPlainLabel = () => {
    const text = props.store.lastPlain();
    return text ? props.store.plainLabel(text) : '';
  };
  return (
    <section class="comments-panel" aria-labelledby="comments-panel-heading" data-testid="comments-panel">
      <h2 id="comments-panel-heading" class="comments-panel__heading">{t('comments.heading')}</h2>
      <p class="comments-panel__count" data-testid="comments-open-count">{t('comments.openCount', { count: props.store.open().length })}</p>
      <Show when={props.store.may().comment}>
        <Show
          when={composing()}
          fallback={
            <>
              <button type="button" class="button button--small button--secondary" onClick={() => props.store.startOnDocument()} data-testid="comment-on-document">
                {t('comments.onDocument')}
              </button>
              <Show when={props.store.lastPlain()}>
                {(text) => (
                  <button
                    type="button"
                    class="button button--small button--secondary"
                    aria-keyshortcuts="Control+Alt+M"
                    onMouseDown={(e) => e.preventDefault()}
                    onClick={() => props.store.startInText(text())}
                    data-testid="comment-on-plain"
                  >
                    {t('comments.onPlainSelection', { field: lastPlainLabel() })}
                  </button>
                )}
              </Show>
            </>
          }
        >
          {(c) => (
            <div class="comment-thread comment-thread--new">
              <Show when={c().range}>
                {(range) => <p class="comment-thread__heading">{t('comments.threadOn', { quote: range().quote })}</p>}
              </Show>
              <CommentComposer
                label={c().range ? t('comments.newLabel') : t('comments.newOnDocumentLabel')}
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
        <Show when={plainNoSelection()}>
          <p class="comment-margin__hint" role="status" data-testid="comment-plain-hint">{t('comments.selectFirstPlain')}</p>
        </Show>
      </Show>
      <For each={unplaced()}>
        {(thread) => {
          const text = () => plainOf(thread.root.id);
          return <CommentThread thread={thread} store={props.store} placed={text() !== null} fieldLabel={text() ? props.store.plainLabel(text()!) : undefined} />;
        }}
      </For>
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
