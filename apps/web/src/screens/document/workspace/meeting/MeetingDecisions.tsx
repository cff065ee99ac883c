import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { YTextField } from '@cydweithio/ui';
import { meetings } from '@cydweithio/model/docs/meetings';
import { useText } from '../../../../i18n/useText';
import { useOpenDocument } from '../../DocumentContext';
import { makeLocalId } from '../../makeLocalId';
import { createDeepTick } from './createDeepTick';
import { useCorrections } from '../../corrections/CorrectionsContext';

/** The meeting's decisions (D55): each its own text, edited by several people at once, removable. */
export function MeetingDecisions(props: { meetingId: string; prefix: string }) {
  const t = useText();
  const corrections = useCorrections();
  const { connection, readOnly } = useOpenDocument();
  const m = meetings(connection.doc);
  const tick = createDeepTick([connection.doc.getArray('meetingDecisions')]);
  // The rows are the decisions' own Y.Maps (stable identities), so a remote change never
  // re-creates the field someone is typing in.
  const decisions = () => (tick(), m.decisions(props.meetingId).map((d) => d.map));
  const add = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const text = String(new FormData(form).get('decision') ?? '').trim();
    if (!text) return;
    m.addDecision(props.meetingId, { id: makeLocalId(), text });
    form.reset();
  };
  return (
    <section class="meeting-decisions" aria-labelledby={`${props.prefix}-decisions`}>
      <h4 id={`${props.prefix}-decisions`}>{t('meeting.decisions')}</h4>
      <ol class="plain-list" data-testid="meeting-decisions">
        <For each={decisions()} fallback={<li class="muted">{t('meeting.noDecisions')}</li>}>
          {(decision, index) => (
            <li class="decision">
              <label for={`${props.prefix}-decision-${String(decision.get('id'))}`} class="visually-hidden">{t('meeting.decision', { n: String(index() + 1) })}</label>
              <YTextField text={decision.get('text') as Y.Text} id={`${props.prefix}-decision-${String(decision.get('id'))}`} readOnly={readOnly()} testId="decision-text" />
              <Show when={!readOnly()}>
                <button type="button" class="button button--small button--secondary" onClick={(e) => corrections.remove(t('meeting.decision', { n: String(index() + 1) }), () => m.removeDecision(String(decision.get('id'))), e.currentTarget)}>
                  {t('common.remove')}<span class="visually-hidden">: {t('meeting.decision', { n: String(index() + 1) })}</span>
                </button>
              </Show>
            </li>
          )}
        </For>
      </ol>
      <Show when={!readOnly()}>
        <form class="form form--inline" onSubmit={add} aria-label={t('meeting.addDecision')}>
          <div class="field field--grow">
            <label for={`${props.prefix}-new-decision`}>{t('meeting.newDecision')}</label>
            <input id={`${props.prefix}-new-decision`} name="decision" maxlength="500" />
          </div>
          <button type="submit" class="button button--small">{t('meeting.addDecision')}</button>
        </form>
      </Show>
    </section>
  );
}
