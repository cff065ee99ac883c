import type * as Y from 'yjs';
import { workspace } from '@cydweithio/model/docs/workspace';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';

export function AddActionForm(props: { actions: Y.Array<Y.Map<unknown>>; idPrefix: string }) {
  const t = useText();
  const { connection } = useOpenDocument();
  const id = `${props.idPrefix}-new-action`;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const description = String(data.get('description') ?? '').trim();
    if (!description) return;
    workspace(connection.doc).addAction(props.actions, {
      id: makeLocalId(),
      description,
      ownerName: String(data.get('owner') ?? '').trim(),
      due: String(data.get('due') ?? ''),
      done: false,
    });
    form.reset();
  };
  return (
    <form class="form form--inline" onSubmit={submit} aria-label={t('workspace.addAction')}>
      <div class="field field--grow">
        <label for={`${id}-description`}>{t('workspace.actionDescription')}</label>
        <input id={`${id}-description`} name="description" maxlength="300" />
      </div>
      <div class="field">
        <label for={`${id}-owner`}>{t('workspace.actionOwner')}</label>
        <input id={`${id}-owner`} name="owner" maxlength="120" />
      </div>
      <div class="field">
        <label for={`${id}-due`}>{t('workspace.actionDue')}</label>
        <input id={`${id}-due`} name="due" type="date" />
      </div>
      <button type="submit" class="button button--small">{t('workspace.addAction')}</button>
    </form>
  );
}
