import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { createYArray } from '@cydweithio/ui';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { AddPriorityForm } from './AddPriorityForm';
import { PriorityCard } from './PriorityCard';

/** Blaenoriaethau a rennir: what the collaborative works on together. */
export function PrioritiesBoard(props: { headingLevel?: 2 | 3 }) {
  const t = useText();
  const { connection, readOnly } = useOpenDocument();
  const priorities = createYArray(connection.doc.getArray<Y.Map<unknown>>('priorities'));
  return (
    <section class="priorities" aria-labelledby={`priorities-${connection.provider.roomname}`} data-testid="priorities-board">
      {props.headingLevel === 3 ? (
        <h3 id={`priorities-${connection.provider.roomname}`}>{t('workspace.priorities')}</h3>
      ) : (
        <h2 id={`priorities-${connection.provider.roomname}`}>{t('workspace.priorities')}</h2>
      )}
      <Show when={priorities().length > 0} fallback={<p class="muted">{t('workspace.noPriorities')}</p>}>
        <ol class="priorities__list">
          <For each={priorities()}>{(priority) => <PriorityCard priority={priority} />}</For>
        </ol>
      </Show>
      <Show when={!readOnly()}>
        <AddPriorityForm />
      </Show>
    </section>
  );
}
