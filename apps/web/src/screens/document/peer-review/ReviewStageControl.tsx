import { createSignal, onCleanup, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { planningGaps, readVisitDates } from '@cydweithio/model/docs/visitDates';
import { reviewStages, type ReviewStage } from '@cydweithio/model/domain/reviewTeam';
import { postJson } from '../../../api/http';
import { formatDate } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { useOpenDocument } from '../DocumentContext';
import { createVisitDates } from './createVisitDates';
import { useReviewLifecycle } from './ReviewLifecycle';

/**
 * Where the review stands (planning, visit, write-up, closed), in words; the host moves it on.
 * Closing asks for the date after which the visitors lose access (G13). In planning it says what
 * is still to agree before the visit (the focus, a visit date: P141), read live from the document;
 * the server decides (G47), so the host may still try and is told its refusal.
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
  const doc = connection.doc;
  const focusText = doc.getText('focus');
  const [focus, setFocus] = createSignal(focusText.toString());
  const onFocus = () => setFocus(focusText.toString());
  focusText.observe(onFocus);
  onCleanup(() => focusText.unobserve(onFocus));
  const dates = createVisitDates(doc, () => readVisitDates(doc));
  const gaps = () => planningGaps({ focus: focus(), visitDates: dates() });
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
      <Show when={stage() === 'planning'}>
        <p data-testid={gaps().length > 0 ? 'planning-gaps' : 'planning-ready'} data-gaps={gaps().join(' ')}>
          {gaps().length > 0 ? `${t('peerReview.stage.beforeVisit')} ${gaps().map((gap) => t(`peerReview.stage.gap.${gap}`)).join('; ')}.` : t('peerReview.stage.planningReady')}
        </p>
      </Show>
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
