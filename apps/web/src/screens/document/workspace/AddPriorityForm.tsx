import { For } from 'solid-js';
import { workspace } from '@cydweithio/model/docs/workspace';
import { areas, type Area } from '@cydweithio/model/domain/improvement';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';

export function AddPriorityForm() {
  const t = useText();
  const label = useLabels();
  const { connection } = useOpenDocument();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const title = String(data.get('title') ?? '').trim();
    if (!title) return;
    workspace(connection.doc).addPriority({ id: makeLocalId(), area: data.get('area') as Area, title });
    form.reset();
  };
  return (
    <form class="form form--inline" onSubmit={submit} aria-label={t('workspace.addPriority')}>
      <div class="field field--grow">
        <label for="new-priority-title">{t('workspace.priorityTitle')}</label>
        <input id="new-priority-title" name="title" maxlength="200" />
      </div>
      <div class="field">
        <label for="new-priority-area">{t('workspace.area')}</label>
        <select id="new-priority-area" name="area">
          <For each={areas}>{(area) => <option value={area}>{label('area', area)}</option>}</For>
        </select>
      </div>
      <button type="submit" class="button button--small">{t('workspace.addPriority')}</button>
    </form>
  );
}
