import { createSignal, createUniqueId, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { formatDateTime } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import type { DocumentComment } from './commentsApi';
import { CommentComposer } from './CommentComposer';
import type { CommentThreadData, DocumentComments } from './createDocumentComments';

/**
 * One thread (web SPEC C205-C207): its quote, its comments oldest first, as text only (nothing a
 * person writes is run or parsed as markup), and the actions the policy allows: reply while open,
 * resolve or reopen (an editor of the document, or the thread's author), edit or delete your own.
 */
export function CommentThread(props: { thread: CommentThreadData; store: DocumentComments; placed: boolean; fieldLabel?: string | undefined }) {
  const t = useText();
  const errorText = useErrorText();
  const id = createUniqueId();
  const [replying, setReplying] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const root = () => props.thread.root;
  const resolved = () => root().resolvedAt !== null;
  const may = () => props.store.may();
  const canTidy = () => may().edit || (may().comment && root().authorId === props.store.me);
  const run = async (work: () => Promise<unknown>) => {
    setError(null);
    try {
      await work();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const resolverName = () => [root(), ...props.thread.replies].find((c) => c.authorId === root().resolvedBy)?.authorName ?? '';

  return (
    <article
      class="comment-thread"
      classList={{ 'comment-thread--active': props.store.active() === root().id, 'comment-thread--resolved': resolved() }}
      aria-labelledby={`${id}-heading`}
      data-testid="comment-thread"
      data-comment-id={root().id}
      onFocusIn={() => props.store.setActive(root().id)}
    >
      <h3 id={`${id}-heading`} class="comment-thread__heading">
        {root().range
          ? props.fieldLabel
            ? t('comments.threadOnIn', { quote: root().range!.quote, field: props.fieldLabel })
            : t('comments.threadOn', { quote: root().range!.quote })
          : t('comments.threadOnDocument')}
      </h3>
      <Show when={root().range && !props.placed && !resolved()}>
        <p class="comment-thread__note">{t('comments.textGone')}</p>
      </Show>
      <ol class="comment-thread__comments">
        <For each={[root(), ...props.thread.replies]}>
          {(comment) => <li><CommentItem comment={comment} store={props.store} replied={comment === root() && props.thread.replies.length > 0} /></li>}
        </For>
      </ol>
      <Show when={resolved()}>
        <p class="comment-thread__note" data-testid="comment-resolved">
          {resolverName() ? t('comments.resolvedBy', { name: resolverName() }) : t('comments.resolved')}
        </p>
      </Show>
      <Show when={error()}>{(message) => <p class="comment-thread__error" role="alert">{message()}</p>}</Show>
      <Show when={replying()}>
        <CommentComposer
          label={t('comments.replyLabel')}
          submitLabel={t('comments.sendReply')}
          readers={props.store.readers}
          onSubmit={async (body, mentions) => {
            await props.store.add({ body, mentions, parentId: root().id });
            setReplying(false);
          }}
          onCancel={() => setReplying(false)}
        />
      </Show>
      <div class="comment-thread__actions">
        <Show when={!resolved() && may().comment && !replying()}>
          <button type="button" class="button button--small button--secondary" onClick={() => setReplying(true)} data-testid="comment-reply">{t('comments.reply')}</button>
        </Show>
        <Show when={props.placed && !resolved()}>
          <button type="button" class="button button--small button--secondary" onClick={() => props.store.showInText(root().id)}>{t('comments.showInText')}</button>
        </Show>
        <Show when={canTidy()}>
          <Show
            when={resolved()}
            fallback={<button type="button" class="button button--small" onClick={() => void run(() => props.store.resolve(root().id))} data-testid="comment-resolve">{t('comments.resolve')}</button>}
          >
            <button type="button" class="button button--small button--secondary" onClick={() => void run(() => props.store.reopen(root().id))} data-testid="comment-reopen">{t('comments.reopen')}</button>
          </Show>
        </Show>
      </div>
    </article>
  );
}

/** One comment: who, when, the words as text; edit and delete for its author (P91). */
function CommentItem(props: { comment: DocumentComment; store: DocumentComments; replied: boolean }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [editing, setEditing] = createSignal(false);
  const [confirming, setConfirming] = createSignal(false);
  const [error, setError] = createSignal<string | null>(null);
  const mine = () => props.comment.authorId === props.store.me && props.store.may().comment;
  return (
    <div class="comment" data-testid="comment">
      <p class="comment__meta">
        <span class="comment__author">{props.comment.authorName ?? t('comments.someone')}</span>
        <time dateTime={props.comment.createdAt}>{formatDateTime(props.comment.createdAt, locale())}</time>
        <Show when={props.comment.editedAt}><span class="comment__edited" data-testid="comment-edited">{t('comments.edited')}</span></Show>
      </p>
      <Show
        when={editing()}
        fallback={<p class="comment__body" data-testid="comment-text">{props.comment.body}</p>}
      >
        <CommentComposer
          label={t('comments.editLabel')}
          submitLabel={t('comments.save')}
          initial={props.comment.body}
          initialMentions={props.comment.mentions.flatMap((m) => (m.name ? [{ personId: m.personId, name: m.name }] : []))}
          readers={props.store.readers}
          onSubmit={async (body, mentions) => {
            await props.store.edit(props.comment.id, body, mentions);
            setEditing(false);
          }}
          onCancel={() => setEditing(false)}
        />
      </Show>
      <Show when={error()}>{(message) => <p class="comment-thread__error" role="alert">{message()}</p>}</Show>
      <Show when={mine() && !editing()}>
        <div class="comment__actions">
          <button type="button" class="button button--link" onClick={() => setEditing(true)} data-testid="comment-edit">{t('comments.edit')}</button>
          <Show when={!props.replied}>
            <Show
              when={confirming()}
              fallback={<button type="button" class="button button--link" onClick={() => setConfirming(true)} data-testid="comment-delete">{t('comments.delete')}</button>}
            >
              <span role="group" aria-label={t('comments.deleteConfirm')}>
                <span>{t('comments.deleteConfirm')}</span>
                <button
                  type="button"
                  class="button button--link"
                  onClick={() => void props.store.remove(props.comment.id).catch((failure: unknown) => setError(errorText(failure)))}
                  data-testid="comment-delete-yes"
                >
                  {t('comments.deleteYes')}
                </button>
                <button type="button" class="button button--link" onClick={() => setConfirming(false)}>{t('comments.cancel')}</button>
              </span>
            </Show>
          </Show>
        </div>
      </Show>
    </div>
  );
}
