import { createSignal, For, lazy, Show } from 'solid-js';
import { RichTextEditor, YTextField } from '@cydweithio/ui';
import { peerReview, peerReviewSectionIds } from '@cydweithio/model/docs/peerReview';
import { withAreas } from '../../../i18n/loadedCatalogues';
import { areasFor } from '../../../i18n/screenAreas';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { ParticipantsCard } from './ParticipantsCard';
import { ReadersCard } from './ReadersCard';
import { createReviewLifecycle, ReviewLifecycleContext } from './ReviewLifecycle';
import { ReviewSharesCard } from './ReviewSharesCard';
import { ReviewStageControl } from './ReviewStageControl';
import { ReviewTeamCard } from './ReviewTeamCard';
import { ShareWithLaControl } from './ShareWithLaControl';
import { VisitActivityLog } from './VisitActivityLog';
import { VisitDatesCard } from './VisitDatesCard';

/** C298: loaded only when the host asks for it, so the document screen carries none of it (C290). */
const PublishStrengthsCard = lazy(() => withAreas(areasFor.reviewHost, () => import('./PublishStrengthsCard')));

/**
 * A peer-review write-up, owned by the host school: its stage, the team the server lets in, the
 * focus and the visit's dates, the visit's activity log and the co-edited notes, strengths and
 * next steps. Evaluative, not a judgement: no grades here.
 */
export function PeerReviewBody() {
  const t = useText();
  const { connection, readOnly, summary } = useOpenDocument();
  const [publishing, setPublishing] = createSignal(false);
  const review = peerReview(connection.doc);
  const lifecycle = createReviewLifecycle(connection);
  return (
    <ReviewLifecycleContext.Provider value={lifecycle}>
      <div class="peer-review">
        <ReviewStageControl />
        <ReviewTeamCard />
        <ShareWithLaControl />
        <ReviewSharesCard />
        <ReadersCard />
        <Show when={summary()?.access === 'owner'}>
          <Show when={publishing()} fallback={
            <p><button type="button" class="button button--small" aria-expanded="false" onClick={() => setPublishing(true)} data-testid="open-publish-strengths">{t('peerReview.extracts.open')}</button></p>
          }>
            <PublishStrengthsCard docId={connection.provider.roomname} />
          </Show>
        </Show>
        <div class="field">
          <label for="peer-review-focus">{t('peerReview.focus')}</label>
          <YTextField text={review.focus()} id="peer-review-focus" readOnly={readOnly()} testId="peer-review-focus" />
        </div>
        <VisitDatesCard />
        <ParticipantsCard />
        <VisitActivityLog />
        <For each={peerReviewSectionIds}>
          {(section) => (
            <section class="field" aria-labelledby={`pr-${section}`}>
              <h2 id={`pr-${section}`}>{t(`peerReview.sections.${section}`)}</h2>
              <RichTextEditor
                fragment={review.section(section)}
                awareness={connection.awareness}
                label={t(`peerReview.sections.${section}`)}
                readOnly={readOnly()}
                testId={`peer-review-${section}`}
              />
            </section>
          )}
        </For>
      </div>
    </ReviewLifecycleContext.Provider>
  );
}
