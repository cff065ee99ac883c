import { For, Show, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { createYArray, createYMap, useLocale } from '@cydweithio/ui';
import { meetings, type MeetingAction } from '@cydweithio/model/docs/meetings';
import type { Reader } from '../../../../api/schemas';
import { formatDate } from '../../../../i18n/formatDate';
import { useText } from '../../../../i18n/useText';
import { useOpenDocument } from '../../DocumentContext';
import { makeLocalId } from '../../makeLocalId';
import { useCorrections } from '../../corrections/CorrectionsContext';

/** An action's fields, read reactively from its map's signal. */
function readAction(fields: Accessor<Record<string, unknown>>): MeetingAction {
  const text = (key: string) => { const v = fields()[key]; return typeof v === 'string' ? v : ''; };
  return {
    get id() { return text('id'); },
    get description() { return text('description'); },
    get ownerPersonId() { return text('ownerPersonId'); },
    get ownerName() { return text('ownerName'); },
    get due() { return text('due'); },
    get done() { return fields()['done'] === true; },
  };
}

/**
 * The meeting's actions (D55, D58): each owned by a person of the collaborative (so they can be
 * reminded, D21) with a due date; description, owner, date and done are edited in place and an
 * action can be removed.
 */
export function MeetingActions(props: { meetingId: string; actions: Y.Array<Y.Map<unknown>>; prefix: string; people: Accessor<Reader[]> }) {
  const t = useText();
  const corrections = useCorrections();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const m = meetings(connection.doc);
  // One row per action's Y.Map (stable), each reading its own fields, so a remote edit of one
  // field never re-creates the inputs of a row someone is typing in.
  const rows = createYArray(props.actions);
  const ownerOf = (personId: string) => props.people().find((p) => p.personId === personId);
  const setOwner = (action: MeetingAction, personId: string) => m.updateAction(props.meetingId, action.id, { ownerPersonId: personId, ownerName: ownerOf(personId)?.name ?? '' });
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const description = String(data.get('description') ?? '').trim();
    if (!description) return;
    const ownerPersonId = String(data.get('owner') ?? '');
    m.addAction(props.meetingId, { id: makeLocalId(), description, ownerPersonId, ownerName: ownerOf(ownerPersonId)?.name ?? '', due: String(data.get('due') ?? ''), done: false });
    form.reset();
  };
  const ownerSelect = (id: string, value: () => string, onChange: (personId: string) => void, name?: string) => (
    <select id={id} name={name} value={value()} disabled={readOnly()} onChange={(e) => onChange(e.currentTarget.value)}>
      <option value="">{t('meeting.noOwner')}</option>
      <For each={props.people().filter((p) => p.personId)}>{(p) => <option value={p.personId} selected={p.personId === value()}>{p.name}</option>}</For>
    </select>
  );
  return (
    <section class="actions meeting-actions" aria-labelledby={`${props.prefix}-actions`}>
      <h4 id={`${props.prefix}-actions`}>{t('workspace.actions')}</h4>
      <ul class="actions__list" data-testid="meeting-actions">
        <For each={rows()} fallback={<li class="muted">{t('workspace.noActions')}</li>}>
          {(row) => {
            const fields = createYMap(row);
            const action = readAction(fields);
            const id = `${props.prefix}-action-${String(row.get('id'))}`;
            return (
              <li class="actions__item meeting-action" data-action-id={action.id}>
                <div class="field field--grow">
                  <label for={`${id}-description`}>{t('workspace.actionDescription')}</label>
                  <input id={`${id}-description`} value={action.description} maxlength="300" readOnly={readOnly()}
                    onChange={(e) => m.updateAction(props.meetingId, action.id, { description: e.currentTarget.value.trim() })} />
                </div>
                <div class="field">
                  <label for={`${id}-owner`}>{t('workspace.actionOwner')}</label>
                  {ownerSelect(`${id}-owner`, () => action.ownerPersonId, (personId) => setOwner(action, personId))}
                </div>
                <div class="field">
                  <label for={`${id}-due`}>{t('workspace.actionDue')}</label>
                  <input id={`${id}-due`} type="date" value={action.due} readOnly={readOnly()} onChange={(e) => m.updateAction(props.meetingId, action.id, { due: e.currentTarget.value })} />
                </div>
                <div class="field">
                  <input type="checkbox" id={`${id}-done`} checked={action.done} disabled={readOnly()} onChange={(e) => m.updateAction(props.meetingId, action.id, { done: e.currentTarget.checked })} />
                  <label for={`${id}-done`}>{t('meeting.done')}</label>
                </div>
                <span class="muted" data-testid="action-summary">
                  {action.ownerName ? t('workspace.owner', { name: action.ownerName }) : t('workspace.noOwner')}
                  {' · '}
                  {action.due ? t('workspace.due', { date: formatDate(action.due, locale()) }) : t('workspace.noDue')}
                </span>
                <Show when={!readOnly()}>
                  <button type="button" class="button button--small button--secondary" onClick={(e) => corrections.remove(action.description, () => m.removeAction(props.meetingId, action.id), e.currentTarget)}>
                    {t('common.remove')}<span class="visually-hidden">: {action.description}</span>
                  </button>
                </Show>
              </li>
            );
          }}
        </For>
      </ul>
      <Show when={!readOnly()}>
        <form class="form form--inline" onSubmit={add} aria-label={t('workspace.addAction')}>
          <div class="field field--grow">
            <label for={`${props.prefix}-new-action-description`}>{t('workspace.actionDescription')}</label>
            <input id={`${props.prefix}-new-action-description`} name="description" maxlength="300" />
          </div>
          <div class="field">
            <label for={`${props.prefix}-new-action-owner`}>{t('workspace.actionOwner')}</label>
            {ownerSelect(`${props.prefix}-new-action-owner`, () => '', () => undefined, 'owner')}
          </div>
          <div class="field">
            <label for={`${props.prefix}-new-action-due`}>{t('workspace.actionDue')}</label>
            <input id={`${props.prefix}-new-action-due`} name="due" type="date" />
          </div>
          <button type="submit" class="button button--small">{t('workspace.addAction')}</button>
        </form>
      </Show>
    </section>
  );
}
