import { For, Show } from 'solid-js';
import { createYArray } from '@cydweithio/ui';
import type { SectionView } from '@cydweithio/model/docs/selfEvaluation';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { EvidenceForm } from './EvidenceForm';

/** Evidence of a section: what kind (first-hand first) and what it shows. No learner records. */
export function EvidenceList(props: { view: SectionView }) {
  const t = useText();
  const label = useLabels();
  const { readOnly } = useOpenDocument();
  const entries = createYArray(props.view.evidenceArray);
  const remove = (index: number) => props.view.evidenceArray.delete(index, 1);
  return (
    <section class="evidence" aria-labelledby={`${props.view.id}-evidence`}>
      <h3 id={`${props.view.id}-evidence`}>{t('selfEvaluation.evidence')}</h3>
      <Show when={entries().length > 0} fallback={<p class="muted">{t('selfEvaluation.noEvidence')}</p>}>
        <ul class="evidence__list">
          <For each={entries()}>
            {(entry, index) => (
              <li class="evidence__item">
                <span class="tag">{label('evidenceKind', String(entry.get('kind') ?? 'other'))}</span>
                <span class="evidence__description">{String(entry.get('description') ?? '')}</span>
                <Show when={!readOnly()}>
                  <button type="button" class="button button--small button--secondary" onClick={() => remove(index())}>
                    {t('common.remove')}
                    <span class="visually-hidden">: {String(entry.get('description') ?? '')}</span>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <EvidenceForm view={props.view} />
      </Show>
    </section>
  );
}
