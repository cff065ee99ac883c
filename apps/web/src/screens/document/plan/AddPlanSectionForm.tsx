import { For } from 'solid-js';
import { developmentPlan } from '@cydweithio/model/docs/developmentPlan';
import { planSectionKinds, type PlanSectionKind } from '@cydweithio/model/domain/plan';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';

/** The school adds a section of its own, with its own heading, holding any kind of content. */
export function AddPlanSectionForm() {
  const t = useText();
  const { connection } = useOpenDocument();
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const heading = String(data.get('heading') ?? '').trim();
    const kind = String(data.get('kind') ?? 'text') as PlanSectionKind;
    if (!heading) return;
    developmentPlan(connection.doc).addSection(`sec-${makeLocalId()}`, 'custom', planSectionKinds.includes(kind) ? kind : 'text', heading);
    form.reset();
  };
  return (
    <form class="form form--inline card" onSubmit={submit} aria-label={t('plan.addSection')} data-testid="add-section">
      <div class="field field--grow">
        <label for="new-section-heading">{t('plan.newSectionHeading')}</label>
        <input id="new-section-heading" name="heading" maxlength="300" required />
      </div>
      <div class="field">
        <label for="new-section-kind">{t('plan.newSectionKind')}</label>
        <select id="new-section-kind" name="kind">
          <For each={planSectionKinds}>{(k) => <option value={k}>{t(`plan.kind.${k}`)}</option>}</For>
        </select>
      </div>
      <button type="submit" class="button button--small">{t('plan.addSection')}</button>
    </form>
  );
}
