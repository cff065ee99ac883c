import { For, Show } from 'solid-js';
import { createYMapValue } from '@cydweithio/ui';
import { priorityStatuses, workspace, type PriorityStatus, type PriorityView } from '@cydweithio/model/docs/workspace';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';

/** The priority's status in words; editors change it with a labelled select. */
export function PriorityStatusControl(props: { view: PriorityView }) {
  const t = useText();
  const { connection, readOnly } = useOpenDocument();
  const status = createYMapValue<string>(props.view.map, 'status');
  const current = () => (priorityStatuses as readonly string[]).includes(status() ?? '') ? (status() as PriorityStatus) : 'proposed';
  const id = `priority-${props.view.id}-status`;
  return (
    <Show when={!readOnly()} fallback={<span class={`tag tag--status-${current()}`}>{t(`workspace.status.${current()}`)}</span>}>
      <label for={id} class="visually-hidden">{t('workspace.statusLabel')}</label>
      <select id={id} value={current()} onChange={(e) => workspace(connection.doc).setStatus(props.view.id, e.currentTarget.value as PriorityStatus)}>
        <For each={priorityStatuses}>{(s) => <option value={s}>{t(`workspace.status.${s}`)}</option>}</For>
      </select>
    </Show>
  );
}
