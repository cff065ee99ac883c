import { createSignal, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { reviewStages, type ReviewStage } from '@cydweithio/model/domain/reviewTeam';
import { postJson } from '../../../api/http';
import { formatDate } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { useOpenDocument } from '../DocumentContext';
import { useReviewLifecycle } from './ReviewLifecycle';

/**
 * Where the review stands (planning, visit, write-up, closed), in words; the host moves it on.
 * Closing asks for the date after which the visitors lose access (G13).
 */
export function ReviewStageControl() {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const errorText = useErrorText();
  const session = useSession();
  const { connection, summary } = useOpenDocument();
  const lifecycle = useReviewLifecycle();
  const [message, setMessage] = createSignal<string>();
  const stage = () => (lifecycle.team()?.stage ?? 'planning') as ReviewStage;
  const next = (): ReviewStage | undefined => reviewStages[reviewStages.indexOf(stage()) + 1];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const to = next();
    if (!to) return;
    const retainUntil = String(new FormData(event.currentTarget as HTMLFormElement).get('retainUntil') ?? '');
    try {
      await postJson(`/peer-reviews/${encodeURIComponent(connection.provider.roomname)}/stage`, to === 'closed' ? { stage: to, retainUntil } : { stage: to });
      await lifecycle.reload();
      lifecycle.announce();
      await session.refreshDocuments();
      setMessage(t('peerReview.stage.moved', { stage: label('reviewStage', to) }));
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  return (
    <section class="review-stage" aria-labelledby="stage-heading" data-testid="review-stage" data-stage={stage()}>
      <h2 id="stage-heading">{t('peerReview.stage.heading')}</h2>
      <p>
        <strong>{label('reviewStage', stage())}</strong>
        <Show when={stage() === 'closed' && lifecycle.team()?.retainUntil}>
          {(date) => <span>{' '}· {t('peerReview.stage.retainedUntil', { date: formatDate(date(), locale()) })}</span>}
        </Show>
      </p>
      <p class="muted">{t(`peerReview.stage.explain.${stage()}`)}</p>
      <Show when={summary()?.access === 'owner' && next()}>
        {(to) => (
          <form class="form form--inline" onSubmit={(e) => void submit(e)}>
            <Show when={to() === 'closed'}>
              <div class="field">
                <label for="retain-until">{t('peerReview.stage.retainUntil')}</label>
                <input id="retain-until" name="retainUntil" type="date" required />
              </div>
            </Show>
            <button type="submit" class="button button--small">{t('peerReview.stage.moveTo', { stage: label('reviewStage', to()) })}</button>
          </form>
        )}
      </Show>
      <p role="status" class="muted">{message()}</p>
    </section>
  );
}
