import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { createYArray, createYMap, useLocale } from '@cydweithio/ui';
import { formatDate } from '../../../i18n/formatDate';
import { workspace } from '@cydweithio/model/docs/workspace';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { useCorrections } from '../corrections/CorrectionsContext';
import { EditInPlace } from '../corrections/EditInPlace';
import { AddActionForm } from './AddActionForm';

/** Actions with an owner (a name or role) and a due date; done is a labelled checkbox. */
export function ActionsList(props: { actions: Y.Array<Y.Map<unknown>>; idPrefix: string }) {
  const t = useText();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const rows = createYArray(props.actions);
  const corrections = useCorrections();
  const ws = () => workspace(connection.doc);
  const remove = (id: string, what: string, trigger: HTMLElement) => corrections.remove(what, () => ws().removeAction(props.actions, id), trigger);
  const edit = (id: string, description: string) => corrections.change(() => ws().updateAction(props.actions, id, { description }));
  const setDone = (id: string, done: boolean) => workspace(connection.doc).setActionDone(props.actions, id, done);
  return (
    <section class="actions" aria-labelledby={`${props.idPrefix}-actions`}>
      <h4 id={`${props.idPrefix}-actions`}>{t('workspace.actions')}</h4>
      <Show when={rows().length > 0} fallback={<p class="muted">{t('workspace.noActions')}</p>}>
        <ul class="actions__list">
          <For each={rows()}>
            {(item) => {
              // Each row reads its own map, so anyone's correction shows at once and an open
              // Edit is kept while others change other actions.
              const fields = createYMap(item);
              const action = () => {
                const v = fields();
                return { id: String(v['id'] ?? ''), description: String(v['description'] ?? ''), ownerName: String(v['ownerName'] ?? ''), due: String(v['due'] ?? ''), done: v['done'] === true };
              };
              return (
              <li class="actions__item">
                <input
                  type="checkbox"
                  id={`${props.idPrefix}-${action().id}`}
                  checked={action().done}
                  disabled={readOnly()}
                  onChange={(e) => setDone(action().id, e.currentTarget.checked)}
                />
                <label for={`${props.idPrefix}-${action().id}`}>
                  <span class="visually-hidden">{action().description}</span>
                  <span class="visually-hidden">{action().done ? ` (${t('workspace.done')})` : ` (${t('workspace.notDone')})`}</span>
                </label>
                <EditInPlace value={action().description} label={t('workspace.actionDescription')} readOnly={readOnly()} maxLength={300} onSave={(value) => edit(action().id, value)} testId="action" />
                <span class="muted">
                  {action().ownerName ? t('workspace.owner', { name: action().ownerName }) : t('workspace.noOwner')}
                  {' · '}
                  {action().due ? t('workspace.due', { date: formatDate(action().due, locale()) }) : t('workspace.noDue')}
                </span>
                <Show when={!readOnly()}>
                  <button type="button" class="button button--small button--secondary" onClick={(e) => remove(action().id, action().description, e.currentTarget)} data-testid="action-remove">
                    {t('common.remove')}<span class="visually-hidden">: {action().description}</span>
                  </button>
                </Show>
              </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <AddActionForm actions={props.actions} idPrefix={props.idPrefix} />
      </Show>
    </section>
  );
}
