import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { createYArray } from '@cydweithio/ui';
import { workspace } from '@cydweithio/model/docs/workspace';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';
import { MeetingCard } from './MeetingCard';
import { createWorkspaceReaders } from '../../collaborative/createWorkspaceReaders';

/** The collaborative's meetings, newest first: people, agenda, notes, decisions, actions. */
export function MeetingsSection() {
  const t = useText();
  const { connection, readOnly, summary } = useOpenDocument();
  // The people a meeting records and gives actions to: those who read the workspace (D57).
  const people = createWorkspaceReaders(() => summary()?.id);
  const meetings = createYArray(connection.doc.getArray<Y.Map<unknown>>('meetings'));
  const newestFirst = () => [...meetings()].sort((a, b) => String(b.get('date')).localeCompare(String(a.get('date'))));
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const date = String(new FormData(form).get('date') ?? '');
    if (!date) return;
    workspace(connection.doc).addMeeting({ id: makeLocalId(), date });
    form.reset();
  };
  return (
    <section class="meetings" aria-labelledby="meetings-heading">
      <h2 id="meetings-heading">{t('workspace.meetings')}</h2>
      <Show when={!readOnly()}>
        <form class="form form--inline" onSubmit={submit} aria-label={t('workspace.addMeeting')}>
          <div class="field">
            <label for="new-meeting-date">{t('workspace.meetingDate')}</label>
            <input id="new-meeting-date" name="date" type="date" required />
          </div>
          <button type="submit" class="button button--small">{t('workspace.addMeeting')}</button>
        </form>
      </Show>
      <Show when={meetings().length > 0} fallback={<p class="muted">{t('workspace.noMeetings')}</p>}>
        <For each={newestFirst()}>{(meeting) => <MeetingCard meeting={meeting} people={people} />}</For>
      </Show>
    </section>
  );
}
