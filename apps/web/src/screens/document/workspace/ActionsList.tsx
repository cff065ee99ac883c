import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { createYArray, useLocale } from '@cydweithio/ui';
import { formatDate } from '../../../i18n/formatDate';
import { readActions, workspace } from '@cydweithio/model/docs/workspace';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { AddActionForm } from './AddActionForm';

/** Actions with an owner (a name or role) and a due date; done is a labelled checkbox. */
export function ActionsList(props: { actions: Y.Array<Y.Map<unknown>>; idPrefix: string }) {
  const t = useText();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const rows = createYArray(props.actions);
  const actions = () => (rows(), readActions(props.actions));
  const setDone = (id: string, done: boolean) => workspace(connection.doc).setActionDone(props.actions, id, done);
  return (
    <section class="actions" aria-labelledby={`${props.idPrefix}-actions`}>
      <h4 id={`${props.idPrefix}-actions`}>{t('workspace.actions')}</h4>
      <Show when={actions().length > 0} fallback={<p class="muted">{t('workspace.noActions')}</p>}>
        <ul class="actions__list">
          <For each={actions()}>
            {(action) => (
              <li class="actions__item">
                <input
                  type="checkbox"
                  id={`${props.idPrefix}-${action.id}`}
                  checked={action.done}
                  disabled={readOnly()}
                  onChange={(e) => setDone(action.id, e.currentTarget.checked)}
                />
                <label for={`${props.idPrefix}-${action.id}`}>
                  {action.description}
                  <span class="visually-hidden">{action.done ? ` (${t('workspace.done')})` : ` (${t('workspace.notDone')})`}</span>
                </label>
                <span class="muted">
                  {action.ownerName ? t('workspace.owner', { name: action.ownerName }) : t('workspace.noOwner')}
                  {' · '}
                  {action.due ? t('workspace.due', { date: formatDate(action.due, locale()) }) : t('workspace.noDue')}
                </span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <AddActionForm actions={props.actions} idPrefix={props.idPrefix} />
      </Show>
    </section>
  );
}
