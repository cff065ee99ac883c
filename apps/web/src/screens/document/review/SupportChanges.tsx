import type * as Y from 'yjs';
import { YTextField } from '@cydweithio/ui';
import { newSupportChangeMap } from '@cydweithio/model/docs/progressReview';
import { supportSources } from '@cydweithio/model/domain/improvement';
import { supportChangeKinds, type SupportChangeKind } from '@cydweithio/model/domain/review';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { makeLocalId } from '../makeLocalId';
import { AddLineForm } from '../plan/AddLineForm';
import { MapNumberInput, MapSelect, MapTextInput } from '../plan/MapFields';
import { PlanItemList, textIn } from '../plan/PlanItemList';

/** Support added, changed or ended for one priority at this review: the support ledger's events. */
export function SupportChanges(props: { changes: Y.Array<Y.Map<unknown>>; prefix: string; readOnly: boolean }) {
  const t = useText();
  const label = useLabels();
  return (
    <PlanItemList
      heading={t('review.supportChanges')} headingId={`${props.prefix}-support`} items={props.changes} readOnly={props.readOnly} testId="support-changes"
      removeLabel={(s) => textIn(s, 'description').toString()}
      row={(s) => {
        const id = `${props.prefix}-${String(s.get('id'))}`;
        return (
          <div class="plan-row">
            <div class="field">
              <label for={`${id}-change`}>{t('review.change')}</label>
              <MapSelect map={s} field="change" id={`${id}-change`} readOnly={props.readOnly} options={supportChangeKinds} label={(x) => label('supportChange', x)} fallback="added" />
            </div>
            <div class="field">
              <label for={`${id}-source`}>{t('plan.priorities.supportSource')}</label>
              <MapSelect map={s} field="source" id={`${id}-source`} readOnly={props.readOnly} options={supportSources} label={(x) => label('supportSource', x)} fallback="la" />
            </div>
            <div class="field">
              <label for={`${id}-provider`}>{t('plan.priorities.supportProvider')}</label>
              <MapTextInput map={s} field="provider" id={`${id}-provider`} readOnly={props.readOnly} maxLength={300} />
            </div>
            <div class="field field--grow">
              <label for={`${id}-description`}>{t('plan.priorities.supportDescription')}</label>
              <YTextField text={textIn(s, 'description')} id={`${id}-description`} readOnly={props.readOnly} />
            </div>
            <div class="field field--narrow">
              <label for={`${id}-days`}>{t('plan.priorities.supportDays')}</label>
              <MapNumberInput map={s} field="days" id={`${id}-days`} readOnly={props.readOnly} max={365} />
            </div>
          </div>
        );
      }}
      add={<AddLineForm idPrefix={`${props.prefix}-new-support`} label={t('review.add')} testId="add-support-change"
        fields={[
          { name: 'change', label: t('review.change'), type: 'select', options: supportChangeKinds.map((x) => ({ value: x, label: label('supportChange', x) })) },
          { name: 'source', label: t('plan.priorities.supportSource'), type: 'select', options: supportSources.map((x) => ({ value: x, label: label('supportSource', x) })) },
          { name: 'provider', label: t('plan.priorities.supportProvider') },
          { name: 'description', label: t('plan.priorities.supportDescription'), required: true },
          { name: 'days', label: t('plan.priorities.supportDays'), type: 'number' },
        ]}
        onAdd={(v) => props.changes.push([newSupportChangeMap({
          id: makeLocalId(), change: (v['change'] as SupportChangeKind | undefined) ?? 'added', source: (v['source'] as 'la') ?? 'la',
          provider: v['provider'] ?? '', description: v['description'] ?? '', days: Math.min(Math.max(Number(v['days']) || 0, 0), 365),
        })])} />}
    />
  );
}
