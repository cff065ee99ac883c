import type * as Y from 'yjs';
import { YTextField, createYMapValue } from '@cydweithio/ui';
import { workspace } from '@cydweithio/model/docs/workspace';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { Show } from 'solid-js';
import { useOpenDocument } from '../DocumentContext';
import { useCorrections } from '../corrections/CorrectionsContext';
import { ActionsList } from './ActionsList';
import { AgreedStatus } from './AgreedStatus';
import { ImpactReviews } from './ImpactReviews';

/** One shared priority: title, area, success criteria, actions with owners and dates, support. */
export function PriorityCard(props: { priority: Y.Map<unknown> }) {
  const t = useText();
  const label = useLabels();
  const { connection, readOnly } = useOpenDocument();
  const view = workspace(connection.doc).priority(String(props.priority.get('id')));
  const area = createYMapValue<string>(props.priority, 'area');
  const prefix = `priority-${view.id}`;
  const corrections = useCorrections();
  // Removed by id (D46), so an insertion by someone else meanwhile cannot shift it (C215).
  const remove = (e: MouseEvent) => corrections.remove(view.title.toString(), () => workspace(connection.doc).removePriority(view.id), e.currentTarget as HTMLElement);
  return (
    <li class="card priority-card" data-testid="priority">
      <div class="field">
        <label for={`${prefix}-title`}>{t('workspace.priorityTitle')}</label>
        <YTextField text={view.title} id={`${prefix}-title`} readOnly={readOnly()} testId="priority-title" />
      </div>
      <p class="priority-card__meta">
        <span class="tag">{label('area', area() ?? view.area)}</span>
      </p>
      <AgreedStatus view={view} />
      <div class="field">
        <label for={`${prefix}-criteria`}>{t('workspace.successCriteria')}</label>
        <YTextField text={view.successCriteria} id={`${prefix}-criteria`} readOnly={readOnly()} multiline />
      </div>
      <ActionsList actions={view.actions} idPrefix={prefix} />
      <div class="field">
        <label for={`${prefix}-support`}>{t('workspace.support')}</label>
        <YTextField text={view.support} id={`${prefix}-support`} readOnly={readOnly()} multiline />
      </div>
      <ImpactReviews priorityId={view.id} idPrefix={prefix} />
      <Show when={!readOnly()}>
        <button type="button" class="button button--small button--secondary" onClick={remove} data-testid="priority-remove">
          {t('common.remove')}<span class="visually-hidden">: {view.title.toString()}</span>
        </button>
      </Show>
    </li>
  );
}
