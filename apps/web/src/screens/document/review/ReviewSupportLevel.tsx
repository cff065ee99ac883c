import { Show, createResource } from 'solid-js';
import { apiJson } from '../../../api/http';
import { SchoolCycle } from '../../../api/cycleSchemas';
import { useErrorText } from '../../../i18n/useErrorText';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { SupportLevelForm } from '../../cycle/SupportLevelForm';

/**
 * E22: the school's support level beside the review it shapes. The partner (or an LA officer)
 * records a move between core and enhanced support here, named after this review; the school's
 * leaders read the decisions. The level comes from the record, never from the draft.
 */
export function ReviewSupportLevel(props: { schoolId: string; reviewDocId: string }) {
  const t = useText();
  const label = useLabels();
  const errorText = useErrorText();
  const [cycle, { refetch }] = createResource(() => props.schoolId || undefined, (id) => apiJson(SchoolCycle, `/schools/${id}/cycle`));
  return (
    <section class="card review-level" aria-labelledby="review-level-heading" data-testid="review-support-level">
      <header class="card__header"><h2 id="review-level-heading">{t('review.level.heading')}</h2></header>
      <div class="card__body">
        <Show when={!cycle.error} fallback={<p role="alert" class="notice notice--error">{errorText(cycle.error)}</p>}>
          <Show when={cycle()} fallback={<p role="status">{t('common.loading')}</p>}>
            {(entry) => (
              <>
                <p data-testid="review-level-now">{t('review.level.now', { level: label('supportLevel', entry().supportLevel) })}</p>
                <p class="hint">{t('review.level.hint')}</p>
                <SupportLevelForm entry={entry()} reviewDocId={props.reviewDocId} onRecorded={() => void refetch()} />
              </>
            )}
          </Show>
        </Show>
      </div>
    </section>
  );
}
