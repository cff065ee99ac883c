import { createEffect, For, on, Show } from 'solid-js';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { useReviewLifecycle } from './ReviewLifecycle';
import { useReaders } from './useReaders';

/** Everyone who can read this write-up, so the host school sees exactly who it is shared with (SPEC C10). */
export function ReadersCard() {
  const t = useText();
  const { summary } = useOpenDocument();
  const readers = useReaders();
  // Sharing with the LA changes who can read: ask again when it flips.
  createEffect(on(() => summary()?.sharedWithLa, () => void readers.reload(), { defer: true }));
  // So do the team and the stage (G10, G13).
  const lifecycle = useReviewLifecycle();
  createEffect(on(lifecycle.team, () => void readers.reload(), { defer: true }));
  return (
    <section class="readers" aria-labelledby="readers-heading" data-testid="readers">
      <h2 id="readers-heading">{t('peerReview.readers')}</h2>
      <p>{summary()?.sharedWithLa ? t('peerReview.sharedWithLa') : t('peerReview.notShared')}</p>
      <Show when={readers().length > 0} fallback={<p class="muted">{t('peerReview.readersUnknown')}</p>}>
        <ul class="plain-list">
          <For each={readers()}>
            {(reader) => (
              <li>
                {reader.name}
                <Show when={reader.role}> – {t(`roles.${reader.role ?? ''}`)}</Show>
                <Show when={reader.access}> ({t(`access.${reader.access ?? ''}`)})</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </section>
  );
}
