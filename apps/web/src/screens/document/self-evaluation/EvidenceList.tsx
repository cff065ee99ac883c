import { For, Show } from 'solid-js';
import { createYArray, createYMapValue } from '@cydweithio/ui';
import type * as Y from 'yjs';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { selfEvaluation, type SectionView } from '@cydweithio/model/docs/selfEvaluation';
import { useCorrections } from '../corrections/CorrectionsContext';
import { EditInPlace } from '../corrections/EditInPlace';
import { EvidenceForm } from './EvidenceForm';

/** Evidence of a section: what kind (first-hand first) and what it shows. No learner records. */
export function EvidenceList(props: { view: SectionView }) {
  const t = useText();
  const { connection, readOnly } = useOpenDocument();
  const corrections = useCorrections();
  const entries = createYArray(props.view.evidenceArray);
  // By id, never by position (D46): someone else's line added meanwhile cannot shift it.
  const se = () => selfEvaluation(connection.doc);
  const remove = (id: string, what: string, trigger: HTMLElement) => corrections.remove(what, () => se().removeEvidence(props.view.id, id), trigger);
  const edit = (id: string, description: string) => corrections.change(() => se().updateEvidence(props.view.id, id, { description }));
  return (
    <section class="evidence" aria-labelledby={`${props.view.id}-evidence`}>
      <h3 id={`${props.view.id}-evidence`}>{t('selfEvaluation.evidence')}</h3>
      <Show when={entries().length > 0} fallback={<p class="muted">{t('selfEvaluation.noEvidence')}</p>}>
        <ul class="evidence__list">
          <For each={entries()}>
            {(entry) => <EvidenceRow entry={entry} onRemove={remove} onEdit={edit} />}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <EvidenceForm view={props.view} />
      </Show>
    </section>
  );
}

/** One line, its words read live from its own map (a correction by anyone shows at once). */
function EvidenceRow(props: { entry: Y.Map<unknown>; onRemove: (id: string, what: string, trigger: HTMLElement) => void; onEdit: (id: string, description: string) => void }) {
  const t = useText();
  const label = useLabels();
  const { readOnly } = useOpenDocument();
  const kind = createYMapValue<string>(props.entry, 'kind');
  const described = createYMapValue<string>(props.entry, 'description');
  const description = () => String(described() ?? '');
  const id = () => String(props.entry.get('id'));
  return (
    <li class="evidence__item">
      <span class="tag">{label('evidenceKind', kind() ?? 'other')}</span>
      <span class="evidence__description">
        <EditInPlace value={description()} label={t('selfEvaluation.evidenceShows')} readOnly={readOnly()} maxLength={500} onSave={(value) => props.onEdit(id(), value)} testId="evidence" />
      </span>
      <Show when={!readOnly()}>
        <button type="button" class="button button--small button--secondary" onClick={(e) => props.onRemove(id(), description(), e.currentTarget)} data-testid="evidence-remove">
          {t('common.remove')}
          <span class="visually-hidden">: {description()}</span>
        </button>
      </Show>
    </li>
  );
}
