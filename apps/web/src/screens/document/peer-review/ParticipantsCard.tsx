import { For, Show } from 'solid-js';
import { createYArray, createYMap, useLocale } from '@cydweithio/ui';
import type * as Y from 'yjs';
import { participantRoles, peerReview, type ParticipantRole } from '@cydweithio/model/docs/peerReview';
import { nameIn } from '../../../i18n/names';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { useCorrections } from '../corrections/CorrectionsContext';
import { EditInPlace } from '../corrections/EditInPlace';
import { makeLocalId } from '../makeLocalId';
import { useReviewLifecycle } from './ReviewLifecycle';

/**
 * "Who took part", as the write-up says it for its readers (D46): names, schools and whether
 * each hosted or reviewed, corrected in place and removed like any other item (C281-C283). Who
 * may open the review is the server's team card, never this list (G10), so this card only
 * writes words into the document.
 */
export function ParticipantsCard() {
  const t = useText();
  const locale = useLocale();
  const corrections = useCorrections();
  const lifecycle = useReviewLifecycle();
  const { connection, readOnly, summary } = useOpenDocument();
  const review = peerReview(connection.doc);
  // Someone of the host school most often names a colleague; a visitor, a fellow reviewer.
  const usualRole = (): ParticipantRole => (summary()?.access === 'owner' ? 'host' : 'reviewer');
  const rows = createYArray(review.participantsArray());
  // Rows are keyed by their Y.Map, so a line someone else corrects never closes the one this
  // person is correcting.
  const participants = () => (rows(), review.participants());
  const teamNotListed = () => {
    const listed = new Set(participants().map((p) => p.personId));
    return (lifecycle.team()?.team ?? []).filter((m) => !listed.has(m.personId));
  };
  const addTeam = () =>
    corrections.change(() => {
      for (const member of teamNotListed()) {
        review.addParticipant({ personId: member.personId, name: member.name, schoolName: nameIn(member.schoolName, locale()), role: member.role === 'host-staff' ? 'host' : 'reviewer' });
      }
    });
  const addTyped = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    if (!name) return;
    const role: ParticipantRole = data.get('role') === 'host' ? 'host' : 'reviewer';
    // Someone named in the write-up without an account here (a governor, a member of staff):
    // a local id, so two people adding at once never collide.
    corrections.change(() => review.addParticipant({ personId: `named:${makeLocalId()}`, name, schoolName: String(data.get('school') ?? '').trim(), role }));
    form.reset();
  };
  return (
    <section class="card participants" aria-labelledby="participants-heading" data-testid="participants">
      <h2 id="participants-heading">{t('peerReview.participants.heading')}</h2>
      <p class="muted">{t('peerReview.participants.intro')}</p>
      <Show when={participants().length > 0} fallback={<p class="muted">{t('peerReview.participants.empty')}</p>}>
        <ul class="plain-list" data-testid="participant-list">
          <For each={rows()}>{(row) => <ParticipantLine row={row} />}</For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <Show when={teamNotListed().length > 0}>
          <p>
            <button type="button" class="button button--small button--secondary" onClick={addTeam} data-testid="participants-add-team">
              {t('peerReview.participants.addTeam', { count: String(teamNotListed().length) })}
            </button>
          </p>
        </Show>
        <form class="form form--inline" onSubmit={addTyped} aria-label={t('peerReview.participants.add')}>
          <div class="field">
            <label for="participant-new-name">{t('peerReview.participants.name')}</label>
            <input id="participant-new-name" name="name" maxlength="120" autocomplete="off" data-testid="participant-new-name" />
          </div>
          <div class="field">
            <label for="participant-new-school">{t('peerReview.participants.school')}</label>
            <input id="participant-new-school" name="school" maxlength="160" autocomplete="off" />
          </div>
          <div class="field">
            <label for="participant-new-role">{t('peerReview.participants.roleLabel')}</label>
            <select id="participant-new-role" name="role">
              <For each={participantRoles}>{(role) => <option value={role} selected={role === usualRole()}>{t(`peerReview.participants.role.${role}`)}</option>}</For>
            </select>
          </div>
          <button type="submit" class="button button--small">{t('peerReview.participants.add')}</button>
        </form>
      </Show>
    </section>
  );
}

/** One line of "who took part", read live from its own Y.Map. */
function ParticipantLine(props: { row: Y.Map<unknown> }) {
  const t = useText();
  const corrections = useCorrections();
  const { connection, readOnly } = useOpenDocument();
  const review = peerReview(connection.doc);
  const fields = createYMap(props.row);
  const personId = String(props.row.get('personId') ?? '');
  const text = (key: string) => {
    const value = fields()[key];
    return typeof value === 'string' ? value : '';
  };
  const role = (): ParticipantRole => (text('role') === 'host' ? 'host' : 'reviewer');
  return (
    <li class="participant" data-person-id={personId}>
      <EditInPlace value={text('name')} label={t('peerReview.participants.name')} readOnly={readOnly()} maxLength={120} testId="participant-name" onSave={(name) => corrections.change(() => review.updateParticipant(personId, { name }))} />
      {' – '}
      <EditInPlace value={text('schoolName')} label={t('peerReview.participants.school')} readOnly={readOnly()} maxLength={160} testId="participant-school" onSave={(schoolName) => corrections.change(() => review.updateParticipant(personId, { schoolName }))} />
      {' '}
      <label class="visually-hidden" for={`participant-role-${personId}`}>{t('peerReview.participants.roleFor', { name: text('name') })}</label>
      <select id={`participant-role-${personId}`} disabled={readOnly()} value={role()} data-testid="participant-role" onChange={(e) => {
        const chosen: ParticipantRole = e.currentTarget.value === 'host' ? 'host' : 'reviewer';
        corrections.change(() => review.updateParticipant(personId, { role: chosen }));
      }}>
        <For each={participantRoles}>{(r) => <option value={r} selected={r === role()}>{t(`peerReview.participants.role.${r}`)}</option>}</For>
      </select>
      <Show when={!readOnly()}>
        {' '}
        <button type="button" class="button button--small button--secondary" data-testid="participant-remove" onClick={(e) => corrections.remove(text('name'), () => review.removeParticipant(personId), e.currentTarget)}>
          {t('common.remove')}<span class="visually-hidden">: {text('name')}</span>
        </button>
      </Show>
    </li>
  );
}
