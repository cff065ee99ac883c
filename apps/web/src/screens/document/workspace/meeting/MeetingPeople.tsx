import { For, Show, type Accessor } from 'solid-js';
import { meetings, type AttendanceStatus } from '@cydweithio/model/docs/meetings';
import type { Reader } from '../../../../api/schemas';
import { useText } from '../../../../i18n/useText';
import { useOpenDocument } from '../../DocumentContext';
import { useCorrections } from '../../corrections/CorrectionsContext';
import { createDeepTick } from './createDeepTick';

/**
 * Who came and who sent apologies (D57), as people of the collaborative (those who read its
 * workspace), never a typed name; each can be taken off or moved between the two lists.
 */
export function MeetingPeople(props: { meetingId: string; prefix: string; people: Accessor<Reader[]> }) {
  const t = useText();
  const { connection, readOnly } = useOpenDocument();
  const m = meetings(connection.doc);
  const corrections = useCorrections();
  const tick = createDeepTick([connection.doc.getMap('meetingAttendance')]);
  const recorded = () => (tick(), m.attendance(props.meetingId));
  const of = (status: AttendanceStatus) => recorded().filter((p) => p.status === status);
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    const person = props.people().find((p) => p.personId === data.get('person'));
    if (!person?.personId) return;
    m.setAttendance(props.meetingId, { personId: person.personId, name: person.name }, data.get('attendance') === 'apologies' ? 'apologies' : 'present');
  };
  const group = (status: AttendanceStatus) => (
    <div data-testid={`meeting-${status}`}>
      <h4>{t(`meeting.${status}`)}</h4>
      <ul class="plain-list">
        <For each={of(status)} fallback={<li class="muted">{t('meeting.nobody')}</li>}>
          {(person) => (
            <li data-person-id={person.personId}>
              {person.name}
              <Show when={!readOnly()}>
                <button type="button" class="button button--small button--secondary" onClick={(e) => corrections.remove(person.name, () => m.setAttendance(props.meetingId, person, null), e.currentTarget)} data-testid="attendance-remove">
                  {t('common.remove')}<span class="visually-hidden">: {person.name}</span>
                </button>
              </Show>
            </li>
          )}
        </For>
      </ul>
    </div>
  );
  return (
    <section class="meeting-people" aria-labelledby={`${props.prefix}-people`}>
      <h4 id={`${props.prefix}-people`} class="visually-hidden">{t('meeting.people')}</h4>
      <div class="members">
        {group('present')}
        {group('apologies')}
      </div>
      <Show when={!readOnly()}>
        <form class="form form--inline" onSubmit={submit} aria-label={t('meeting.recordPerson')}>
          <div class="field">
            <label for={`${props.prefix}-person`}>{t('meeting.person')}</label>
            <select id={`${props.prefix}-person`} name="person">
              <For each={props.people().filter((p) => p.personId)}>{(p) => <option value={p.personId}>{p.name}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for={`${props.prefix}-attendance`}>{t('meeting.attendance')}</label>
            <select id={`${props.prefix}-attendance`} name="attendance">
              <option value="present">{t('meeting.present')}</option>
              <option value="apologies">{t('meeting.apologies')}</option>
            </select>
          </div>
          <button type="submit" class="button button--small">{t('meeting.recordPerson')}</button>
        </form>
      </Show>
    </section>
  );
}
