import { For } from 'solid-js';
import type { SectionView } from '@cydweithio/model/docs/selfEvaluation';
import { prelimMap } from '@cydweithio/model/docs/meta';
import { evidenceKinds } from '@cydweithio/model/domain/enquiry';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { makeLocalId } from '../makeLocalId';

export function EvidenceForm(props: { view: SectionView }) {
  const t = useText();
  const label = useLabels();
  const session = useSession();
  const prefix = `${props.view.id}-new-evidence`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const description = String(data.get('description') ?? '').trim();
    if (!description) return;
    props.view.evidenceArray.push([
      prelimMap({
        id: makeLocalId(),
        kind: String(data.get('kind') ?? 'other'),
        description,
        addedBy: session.me()?.person.id ?? '',
        addedAt: new Date().toISOString(),
      }),
    ]);
    form.reset();
  };
  return (
    <form class="form form--inline" onSubmit={submit} aria-label={t('selfEvaluation.addEvidence')}>
      <div class="field">
        <label for={`${prefix}-kind`}>{t('selfEvaluation.evidenceKind')}</label>
        <select id={`${prefix}-kind`} name="kind">
          <For each={evidenceKinds}>{(kind) => <option value={kind}>{label('evidenceKind', kind)}</option>}</For>
        </select>
      </div>
      <div class="field field--grow">
        <label for={`${prefix}-description`}>{t('selfEvaluation.evidenceShows')}</label>
        <input id={`${prefix}-description`} name="description" maxlength="500" aria-describedby={`${prefix}-hint`} />
      </div>
      <button type="submit" class="button button--small">{t('selfEvaluation.addEvidence')}</button>
      <p id={`${prefix}-hint`} class="hint form__full">{t('selfEvaluation.evidenceHint')}</p>
    </form>
  );
}
