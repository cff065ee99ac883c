import { For, Show } from 'solid-js';
import { createYArray } from '@cydweithio/ui';
import { sectionsArray, selfEvaluation } from '@cydweithio/model/docs/selfEvaluation';
import { areas, type Area } from '@cydweithio/model/domain/improvement';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';

/** Adds an area the school has not evaluated yet. */
export function AddSectionForm() {
  const t = useText();
  const label = useLabels();
  const { connection } = useOpenDocument();
  const sections = createYArray(sectionsArray(connection.doc));
  const missing = () => areas.filter((a) => !sections().some((s) => s.get('area') === a));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const area = new FormData(event.currentTarget as HTMLFormElement).get('area') as Area | null;
    if (area) selfEvaluation(connection.doc).addSection(makeLocalId(), area);
  };
  return (
    <Show when={missing().length > 0}>
      <form class="form form--inline" onSubmit={submit}>
        <div class="field">
          <label for="add-area">{t('selfEvaluation.addArea')}</label>
          <select id="add-area" name="area">
            <For each={missing()}>{(area) => <option value={area}>{label('area', area)}</option>}</For>
          </select>
        </div>
        <button type="submit" class="button button--small">{t('selfEvaluation.addAreaSubmit')}</button>
      </form>
    </Show>
  );
}
