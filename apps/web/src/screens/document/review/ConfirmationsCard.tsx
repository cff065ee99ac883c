import { A } from '@solidjs/router';
import { For, Show, createResource, createSignal, onCleanup } from 'solid-js';
import type * as Y from 'yjs';
import { apiJson, apiRequest } from '../../../api/http';
import { Confirmations } from '../../../api/cycleSchemas';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';

/**
 * E13, E14: what is missing before the review can be confirmed, each side's confirmation and
 * whether it still stands on the content as it is now; confirm or withdraw one's own. Asked
 * again a moment after each edit, since any change to the summative part makes a confirmation stale.
 */
export function ConfirmationsCard(props: { docId: string; doc: Y.Doc; schoolId: string; canConfirm: boolean }) {
  const t = useText();
  const errorText = useErrorText();
  const path = `/reviews/${encodeURIComponent(props.docId)}/confirm`;
  const [state, { refetch, mutate }] = createResource(() => apiJson(Confirmations, `/reviews/${encodeURIComponent(props.docId)}/confirmations`));
  const [error, setError] = createSignal<string>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const soon = () => {
    clearTimeout(timer);
    // The server reads the document as it has saved it: give the edit time to arrive.
    timer = setTimeout(() => void refetch(), 1200);
  };
  props.doc.on('update', soon);
  onCleanup(() => {
    props.doc.off('update', soon);
    clearTimeout(timer);
  });
  const act = async (method: 'POST' | 'DELETE') => {
    setError(undefined);
    try {
      mutate(Confirmations.parse(await (await apiRequest(path, { method, body: '{}' })).json()));
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const side = (which: 'facilitator' | 'school') => state()?.confirmations.find((c) => c.side === which);
  return (
    <section class="card review-confirmations" aria-labelledby="review-confirm-heading" data-testid="review-confirmations">
      <header class="card__header"><h2 id="review-confirm-heading">{t('review.confirm.heading')}</h2></header>
      <div class="card__body">
        <p class="hint">{t('review.confirm.hint')}</p>
        <Show when={state()}>
          {(s) => (
            <>
              <Show when={s().gaps.length > 0}><p class="notice notice--warning" data-testid="review-gaps">{t('review.confirm.gaps')}</p></Show>
              <ul class="plain-list">
                <For each={['facilitator', 'school'] as const}>
                  {(which) => (
                    <li data-testid={`confirmation-${which}`}>
                      <strong>{t(`review.confirm.${which}`)}:</strong>{' '}
                      <Show when={side(which)} fallback={t('review.confirm.notYet')}>
                        {(c) => (c().current ? t('review.confirm.confirmedBy', { name: c().name }) : t('review.confirm.stale', { name: c().name }))}
                      </Show>
                    </li>
                  )}
                </For>
              </ul>
              <Show when={s().agreed}>
                <p class="notice notice--ok" data-testid="review-agreed">
                  {t('review.confirm.agreed')}{' '}
                  <A href={`/records/${encodeURIComponent(`school:${props.schoolId}`)}`}>{t('review.confirm.record')}</A>
                </p>
              </Show>
              <Show when={props.canConfirm && !s().agreed}>
                <p>
                  <button type="button" class="button" onClick={() => void act('POST')} data-testid="confirm-review">{t('review.confirm.confirm')}</button>{' '}
                  <button type="button" class="button button--secondary" onClick={() => void act('DELETE')} data-testid="withdraw-review">{t('review.confirm.withdraw')}</button>
                </p>
              </Show>
            </>
          )}
        </Show>
        <Show when={error()}><p role="alert" class="notice notice--error" data-testid="review-error">{error()}</p></Show>
      </div>
    </section>
  );
}
