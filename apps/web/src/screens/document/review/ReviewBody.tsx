import { For, Show } from 'solid-js';
import * as Y from 'yjs';
import { YTextField, createYArray, createYMap, useLocale } from '@cydweithio/ui';
import { metaMap } from '@cydweithio/model/docs/meta';
import { progressReview } from '@cydweithio/model/docs/progressReview';
import { trackStatuses } from '@cydweithio/model/domain/improvement';
import { termWordsOf } from '@cydweithio/model/domain/recordSubjects';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { ChoiceGroup } from './ChoiceGroup';
import { ConfirmationsCard } from './ConfirmationsCard';
import { ReviewPriorityCard } from './ReviewPriorityCard';
import { ReviewSupportLevel } from './ReviewSupportLevel';

/**
 * The termly (or half-termly) progress review draft: the Improvement Partner writes it with the
 * school's leaders, per plan priority and overall; it reaches the school's record only when
 * both sides confirm the same content (E14). Only they open the draft (P38).
 */
export function ReviewBody(props: { docId: string }) {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const { connection, readOnly, summary } = useOpenDocument();
  const review = progressReview(connection.doc);
  const priorities = createYArray(review.prioritiesArray);
  // Read reactively: a copy from this device may open before the server's layout has arrived.
  const meta = createYMap(metaMap(connection.doc));
  const overall = createYMap(review.overall);
  const period = () => {
    const half = meta()['halfTerm'];
    return termWordsOf(String(meta()['term'] ?? ''), half === 1 || half === 2 ? half : null, locale());
  };
  const level = () => (meta()['supportLevel'] === 'enhanced' ? 'enhanced' : 'core');
  const schoolId = () => String(meta()['schoolId'] ?? '');
  const text = (key: 'summary' | 'notes') => { const v = overall()[key]; return v instanceof Y.Text ? v : null; };
  return (
    <div class="review" data-testid="review">
      <Show when={meta()['term']}>
        <p class="plan__year" data-testid="review-period">{t('review.period', { period: period(), level: label('supportLevel', level()) })}</p>
      </Show>
      <ol class="plan-priorities__list">
        <For each={priorities()}>{(p) => <ReviewPriorityCard priority={p} />}</For>
      </ol>
      <Show when={text('summary') && text('notes')}>
      <section class="card review-overall" aria-labelledby="review-overall-heading" data-testid="review-overall">
        <header class="card__header"><h2 id="review-overall-heading">{t('review.overall')}</h2></header>
        <div class="card__body">
          <ChoiceGroup map={review.overall} field="status" name="overall-status" legend={t('review.track')} options={trackStatuses} label={(s) => label('track', s)} readOnly={readOnly()} testId="overall-track" />
          <div class="field">
            <label for="overall-summary">{t('review.overallSummary')}</label>
            <YTextField text={text('summary')!} id="overall-summary" readOnly={readOnly()} multiline testId="overall-summary" />
          </div>
          <div class="field">
            <label for="overall-notes">{t('review.workingNotes')}</label>
            <YTextField text={text('notes')!} id="overall-notes" readOnly={readOnly()} multiline />
          </div>
        </div>
      </section>
      </Show>
      <Show when={schoolId()}>{(id) => <ReviewSupportLevel schoolId={id()} reviewDocId={props.docId} />}</Show>
      <ConfirmationsCard docId={props.docId} doc={connection.doc} schoolId={schoolId()} canConfirm={!readOnly() && summary() !== undefined} />
    </div>
  );
}
