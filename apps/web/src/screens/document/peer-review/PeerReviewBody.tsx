import { For } from 'solid-js';
import { RichTextEditor, YTextField } from '@cydweithio/ui';
import { peerReview, peerReviewSectionIds } from '@cydweithio/model/docs/peerReview';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { ParticipantsList } from './ParticipantsList';
import { ReadersCard } from './ReadersCard';
import { ShareWithLaControl } from './ShareWithLaControl';

/**
 * A peer-review write-up, owned by the host school: focus, who visited, and the co-edited
 * notes, strengths and next steps. Evaluative, not a judgement: no grades here.
 */
export function PeerReviewBody() {
  const t = useText();
  const { connection, readOnly } = useOpenDocument();
  const review = peerReview(connection.doc);
  return (
    <div class="peer-review">
      <ShareWithLaControl />
      <ReadersCard />
      <div class="field">
        <label for="peer-review-focus">{t('peerReview.focus')}</label>
        <YTextField text={review.focus()} id="peer-review-focus" readOnly={readOnly()} testId="peer-review-focus" />
      </div>
      <ParticipantsList />
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
  );
}
