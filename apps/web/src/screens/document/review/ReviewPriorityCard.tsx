import type * as Y from 'yjs';
import { YTextField, createYMapValue } from '@cydweithio/ui';
import { progressJudgements, trackStatuses } from '@cydweithio/model/domain/improvement';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { ChoiceGroup } from './ChoiceGroup';
import { SupportChanges } from './SupportChanges';

/**
 * One plan priority at this review: on or off track, the rate of progress with each step's
 * descriptor shown, risks one per line, support changes, and working notes that stay in the draft.
 */
export function ReviewPriorityCard(props: { priority: Y.Map<unknown> }) {
  const t = useText();
  const label = useLabels();
  const { readOnly } = useOpenDocument();
  const m = props.priority;
  const id = `rp-${String(m.get('priorityId'))}`;
  const title = createYMapValue<string>(m, 'title');
  const area = createYMapValue<string>(m, 'area');
  return (
    <li class="card review-priority" data-testid="review-priority">
      <h3 id={`${id}-heading`}>{title()}</h3>
      <p><span class="tag">{label('area', area() ?? '')}</span></p>
      <ChoiceGroup map={m} field="status" name={`${id}-status`} legend={t('review.track')} options={trackStatuses} label={(s) => label('track', s)} readOnly={readOnly()} testId="review-track" />
      <ChoiceGroup map={m} field="judgement" name={`${id}-judgement`} legend={t('review.judgement')} options={progressJudgements}
        label={(j) => label('judgement', j)} describe={(j) => label('judgementDescriptor', j)} readOnly={readOnly()} testId="review-judgement" />
      <div class="field">
        <label for={`${id}-risks`}>{t('review.risks')}</label>
        <YTextField text={m.get('risks') as Y.Text} id={`${id}-risks`} readOnly={readOnly()} multiline testId="review-risks" />
      </div>
      <SupportChanges changes={m.get('supportChanges') as Y.Array<Y.Map<unknown>>} prefix={id} readOnly={readOnly()} />
      <div class="field">
        <label for={`${id}-notes`}>{t('review.workingNotes')}</label>
        <YTextField text={m.get('notes') as Y.Text} id={`${id}-notes`} readOnly={readOnly()} multiline testId="review-notes" />
      </div>
    </li>
  );
}
