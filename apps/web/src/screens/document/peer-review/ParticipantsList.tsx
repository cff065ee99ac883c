import { For, Show } from 'solid-js';
import { createYArray } from '@cydweithio/ui';
import { peerReview } from '@cydweithio/model/docs/peerReview';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';

/** The host and the named visiting reviewers, as the write-up records them. */
export function ParticipantsList() {
  const t = useText();
  const { connection, readOnly } = useOpenDocument();
  const review = peerReview(connection.doc);
  const rows = createYArray(connection.doc.getArray('participants'));
  const participants = () => (rows(), review.participants());
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    if (!name) return;
    review.addParticipant({ personId: makeLocalId(), name, schoolName: String(data.get('school') ?? '').trim(), role: 'reviewer' });
    form.reset();
  };
  return (
    <section aria-labelledby="participants-heading" class="participants">
      <h2 id="participants-heading">{t('peerReview.participants')}</h2>
      <Show when={participants().length > 0} fallback={<p class="muted">{t('peerReview.noParticipants')}</p>}>
        <ul class="plain-list" data-testid="participants">
          <For each={participants()}>
            {(p) => (
              <li>
                <strong>{p.name}</strong>
                <Show when={p.schoolName}> – {p.schoolName}</Show>
                <span class="tag tag--quiet">{t(`peerReview.participantRole.${p.role}`)}</span>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <form class="form form--inline" onSubmit={submit} aria-label={t('peerReview.addReviewer')}>
          <div class="field">
            <label for="reviewer-name">{t('peerReview.reviewerName')}</label>
            <input id="reviewer-name" name="name" maxlength="120" />
          </div>
          <div class="field">
            <label for="reviewer-school">{t('peerReview.reviewerSchool')}</label>
            <input id="reviewer-school" name="school" maxlength="200" />
          </div>
          <button type="submit" class="button button--small">{t('peerReview.addReviewer')}</button>
        </form>
      </Show>
    </section>
  );
}
