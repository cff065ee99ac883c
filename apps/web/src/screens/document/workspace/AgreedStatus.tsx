import { For, Show } from 'solid-js';
import { createYMapValue, createYText, useLocale } from '@cydweithio/ui';
import { changesSinceAgreed, type AgreedField } from '@cydweithio/model/domain/sharedPriorities';
import type { PriorityView } from '@cydweithio/model/docs/workspace';
import { formatDate, formatDateTime } from '../../../i18n/formatDate';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useWorkspaceRecord } from './WorkspaceRecord';

/**
 * Whether a shared priority is agreed, from the collaborative's record only (C170): who agreed it,
 * at which meeting and when. Once the live text differs from what was agreed, everyone sees
 * "changed since agreed" with the agreed and the current words side by side (G3).
 */
export function AgreedStatus(props: { view: PriorityView }) {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const record = useWorkspaceRecord();
  const title = createYText(props.view.title);
  const criteria = createYText(props.view.successCriteria);
  const area = createYMapValue<string>(props.view.map, 'area');
  const entry = () => record.agreed().priorities.find((p) => p.priorityId === props.view.id);
  const changes = () => {
    const agreed = entry();
    return agreed ? changesSinceAgreed(agreed.state, { title: title(), area: area() ?? props.view.area, successCriteria: criteria() }) : [];
  };
  const shown = (field: AgreedField, value: string) => (field === 'area' ? label('area', value) : value || t('workspace.empty'));
  return (
    <Show when={entry()} fallback={<p class="agreed-status" data-testid="agreed-status" data-agreed="no"><span class="tag">{t('workspace.notAgreed')}</span></p>}>
      {(agreed) => (
        <div class="agreed-status" data-testid="agreed-status" data-agreed={changes().length > 0 ? 'changed' : 'yes'}>
          <p>
            <span class="tag tag--status-agreed">{t('workspace.agreed')}</span>{' '}
            {t('workspace.agreedBy', {
              date: formatDate(agreed().state.meetingDate, locale()),
              name: agreed().version.byName ?? agreed().version.by,
              recorded: formatDateTime(agreed().version.at * 1000, locale()),
            })}
          </p>
          <Show when={changes().length > 0}>
            <section class="changed-since-agreed" data-testid="changed-since-agreed" aria-label={t('workspace.changedSinceAgreed')}>
              <p><strong>{t('workspace.changedSinceAgreed')}</strong></p>
              <dl>
                <For each={changes()}>
                  {(change) => (
                    <>
                      <dt>{t(`workspace.field.${change.field}`)}</dt>
                      <dd>
                        <span class="visually-hidden">{t('workspace.agreedText')}: </span><del>{shown(change.field, change.agreed)}</del>{' '}
                        <span class="visually-hidden">{t('workspace.nowText')}: </span><ins>{shown(change.field, change.now)}</ins>
                      </dd>
                    </>
                  )}
                </For>
              </dl>
            </section>
          </Show>
        </div>
      )}
    </Show>
  );
}
