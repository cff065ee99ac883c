import type * as Y from 'yjs';
import { RichTextEditor, YTextField, useLocale } from '@cydweithio/ui';
import { formatDate } from '../../../i18n/formatDate';
import { workspace } from '@cydweithio/model/docs/workspace';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { ActionsList } from './ActionsList';
import { AgreePrioritiesForm } from './AgreePrioritiesForm';

export function MeetingCard(props: { meeting: Y.Map<unknown> }) {
  const t = useText();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const view = workspace(connection.doc).meetings().find((m) => m.id === props.meeting.get('id'));
  if (!view) return null;
  const prefix = `meeting-${view.id}`;
  return (
    <article class="card meeting-card" aria-labelledby={`${prefix}-heading`}>
      <h3 id={`${prefix}-heading`}>{t('workspace.meetingOn', { date: formatDate(view.date, locale()) })}</h3>
      <div class="field">
        <label for={`${prefix}-agenda`}>{t('workspace.agenda')}</label>
        <YTextField text={view.agenda} id={`${prefix}-agenda`} readOnly={readOnly()} multiline />
      </div>
      <div class="field">
        <span class="field__label">{t('workspace.notes')}</span>
        <RichTextEditor fragment={view.notes} awareness={connection.awareness} label={t('workspace.notesOn', { date: formatDate(view.date, locale()) })} readOnly={readOnly()} />
      </div>
      <ActionsList actions={view.actions} idPrefix={prefix} />
      <AgreePrioritiesForm meetingId={view.id} idPrefix={prefix} />
    </article>
  );
}
