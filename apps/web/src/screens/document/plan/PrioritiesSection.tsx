import { For, Show } from 'solid-js';
import { createYArray } from '@cydweithio/ui';
import { developmentPlan } from '@cydweithio/model/docs/developmentPlan';
import { areas, type Area } from '@cydweithio/model/domain/improvement';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';
import { AddLineForm } from './AddLineForm';
import { PriorityCard } from './PriorityCard';

/** The plan's improvement priorities (year one in detail); each keeps a stable id. */
export function PrioritiesSection() {
  const t = useText();
  const label = useLabels();
  const { connection, readOnly } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const priorities = createYArray(plan.roots.priorities);
  return (
    <div class="plan-priorities">
      <Show when={priorities().length > 0} fallback={<p class="muted">{t('plan.priorities.none')}</p>}>
        <ol class="plan-priorities__list">
          <For each={priorities()}>{(priority) => <PriorityCard priority={priority} />}</For>
        </ol>
      </Show>
      <Show when={!readOnly()}>
        <AddLineForm
          idPrefix="new-priority"
          label={t('plan.priorities.add')}
          testId="add-priority"
          fields={[
            { name: 'title', label: t('plan.priorities.title'), required: true },
            { name: 'area', label: t('plan.priorities.area'), type: 'select', options: areas.map((a) => ({ value: a, label: label('area', a) })) },
          ]}
          onAdd={(v) => plan.addPriority({ id: `pri-${makeLocalId()}`, area: (v['area'] as Area | undefined) ?? 'learning-and-teaching', title: v['title'] ?? '' })}
        />
      </Show>
    </div>
  );
}
