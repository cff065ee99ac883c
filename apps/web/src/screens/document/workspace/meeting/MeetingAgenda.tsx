import { createSignal, For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { YTextField } from '@cydweithio/ui';
import { draftAgenda, meetings } from '@cydweithio/model/docs/meetings';
import { readActions, workspace, type MeetingView } from '@cydweithio/model/docs/workspace';
import { useText } from '../../../../i18n/useText';
import { useOpenDocument } from '../../DocumentContext';
import { makeLocalId } from '../../makeLocalId';
import { createDeepTick } from './createDeepTick';
import { useCorrections } from '../../corrections/CorrectionsContext';

/** Today as the school's calendar day (yyyy-mm-dd) for overdue actions (D21). */
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The agenda (D56): items drafted from the shared priorities with open work and the overdue
 * actions, items added by hand, each editable and removable, and the free text kept from before.
 */
export function MeetingAgenda(props: { meeting: MeetingView; prefix: string }) {
  const t = useText();
  const corrections = useCorrections();
  const { connection, readOnly } = useOpenDocument();
  const m = meetings(connection.doc);
  const tick = createDeepTick([connection.doc.getArray('meetingAgenda')]);
  // Stable Y.Map identities: a remote change never re-creates the field someone is typing in.
  const items = () => (tick(), m.agendaItems(props.meeting.id).map((i) => i.map));
  const [drafted, setDrafted] = createSignal<number>();
  const draft = () => {
    const ws = workspace(connection.doc);
    const priorities = ws.priorities().map((p) => ({ id: p.id, title: p.title.toString(), actions: readActions(p.actions) }));
    const meetingActions = ws.meetings().filter((x) => x.id !== props.meeting.id).flatMap((x) => readActions(x.actions));
    setDrafted(m.draftAgendaFor(props.meeting.id, draftAgenda(priorities, meetingActions, today()), makeLocalId));
  };
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const text = String(new FormData(form).get('item') ?? '').trim();
    if (!text) return;
    m.addAgendaItem(props.meeting.id, { id: makeLocalId(), text });
    form.reset();
  };
  return (
    <section class="meeting-agenda" aria-labelledby={`${props.prefix}-agenda-heading`}>
      <h4 id={`${props.prefix}-agenda-heading`}>{t('workspace.agenda')}</h4>
      <ol class="agenda-list" data-testid="agenda-items">
        <For each={items()} fallback={<li class="muted">{t('meeting.noAgenda')}</li>}>
          {(item, index) => (
            <li class="agenda-item" data-source={String(item.get('sourceType') ?? '')}>
              <label for={`${props.prefix}-agenda-${String(item.get('id'))}`} class="visually-hidden">{t('meeting.agendaItem', { n: String(index() + 1) })}</label>
              <YTextField text={item.get('text') as Y.Text} id={`${props.prefix}-agenda-${String(item.get('id'))}`} readOnly={readOnly()} />
              <Show when={!readOnly()}>
                <button type="button" class="button button--small button--secondary" onClick={(e) => corrections.remove(String(item.get('text') ?? '') || t('meeting.agendaItem', { n: String(index() + 1) }), () => m.removeAgendaItem(String(item.get('id'))), e.currentTarget)}>
                  {t('common.remove')}<span class="visually-hidden">: {t('meeting.agendaItem', { n: String(index() + 1) })}</span>
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={!readOnly()}>
        <button type="button" class="button button--secondary" onClick={draft}>{t('meeting.draftAgenda')}</button>
        <Show when={drafted() !== undefined}>
          <p role="status" class="hint">{t('meeting.drafted', { count: String(drafted() ?? 0) })}</p>
        </Show>
        <form class="form form--inline" onSubmit={add} aria-label={t('meeting.addAgendaItem')}>
          <div class="field field--grow">
            <label for={`${props.prefix}-new-item`}>{t('meeting.newAgendaItem')}</label>
            <input id={`${props.prefix}-new-item`} name="item" maxlength="300" />
          </div>
          <button type="submit" class="button button--small">{t('meeting.addAgendaItem')}</button>
        </form>
      </Show>
      <div class="field">
        <label for={`${props.prefix}-agenda`}>{t('meeting.otherBusiness')}</label>
        <YTextField text={props.meeting.agenda} id={`${props.prefix}-agenda`} readOnly={readOnly()} multiline />
      </div>
    </section>
  );
}
