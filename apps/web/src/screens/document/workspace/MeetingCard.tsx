import { Show, type Accessor } from 'solid-js';
import type * as Y from 'yjs';
import { RichTextEditor, createYMapValue, useLocale } from '@cydweithio/ui';
import { meetings } from '@cydweithio/model/docs/meetings';
import { workspace } from '@cydweithio/model/docs/workspace';
import type { Reader } from '../../../api/schemas';
import { formatDate } from '../../../i18n/formatDate';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { AgreePrioritiesForm } from './AgreePrioritiesForm';
import { MeetingActions } from './meeting/MeetingActions';
import { MeetingAgenda } from './meeting/MeetingAgenda';
import { MeetingDecisions } from './meeting/MeetingDecisions';
import { MeetingPeople } from './meeting/MeetingPeople';
import { useCorrections } from '../corrections/CorrectionsContext';

/**
 * One meeting, structured (D55-D58, SPEC C250-C253): its date (editable), who came and who sent
 * apologies, the agenda, notes, decisions and actions owned by people; removable as a whole.
 * Everything is the live document, so two people editing the same meeting converge.
 */
export function MeetingCard(props: { meeting: Y.Map<unknown>; people: Accessor<Reader[]> }) {
  const t = useText();
  const corrections = useCorrections();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const view = workspace(connection.doc).meetings().find((m) => m.id === props.meeting.get('id'));
  if (!view) return null;
  const date = createYMapValue<string>(props.meeting, 'date');
  const prefix = `meeting-${view.id}`;
  const when = () => formatDate(date() ?? '', locale());
  const remove = () => {
    corrections.remove(when(), () => meetings(connection.doc).remove(view.id));
  };
  return (
    <article class="card meeting-card" aria-labelledby={`${prefix}-heading`} data-meeting-id={view.id} data-testid="meeting">
      <h3 id={`${prefix}-heading`}>{t('workspace.meetingOn', { date: when() })}</h3>
      <Show when={!readOnly()}>
        <div class="form form--inline">
          <div class="field">
            <label for={`${prefix}-date`}>{t('workspace.meetingDate')}</label>
            <input id={`${prefix}-date`} type="date" value={date() ?? ''} onChange={(e) => e.currentTarget.value && meetings(connection.doc).setDate(view.id, e.currentTarget.value)} />
          </div>
          <button type="button" class="button button--small button--secondary" onClick={remove}>
            {t('meeting.remove')}<span class="visually-hidden">: {when()}</span>
          </button>
        </div>
      </Show>
      <MeetingPeople meetingId={view.id} prefix={prefix} people={props.people} />
      <MeetingAgenda meeting={view} prefix={prefix} />
      <div class="field">
        <span class="field__label">{t('workspace.notes')}</span>
        <RichTextEditor fragment={view.notes} awareness={connection.awareness} label={t('workspace.notesOn', { date: when() })} readOnly={readOnly()} />
      </div>
      <MeetingDecisions meetingId={view.id} prefix={prefix} />
      <MeetingActions meetingId={view.id} actions={view.actions} prefix={prefix} people={props.people} />
      <AgreePrioritiesForm meetingId={view.id} idPrefix={prefix} />
    </article>
  );
}
