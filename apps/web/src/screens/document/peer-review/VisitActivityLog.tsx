import { For, Show } from 'solid-js';
import { createYArray, useLocale } from '@cydweithio/ui';
import { peerReview } from '@cydweithio/model/docs/peerReview';
import { visitActivityKinds, type VisitActivityKind } from '@cydweithio/model/domain/reviewTeam';
import { formatDate } from '../../../i18n/formatDate';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';
import { useCorrections } from '../corrections/CorrectionsContext';

/** The visit's activity log: what the team did, as typed first-hand evidence (D31). */
export function VisitActivityLog() {
  const t = useText();
  const corrections = useCorrections();
  const label = useLabels();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const review = peerReview(connection.doc);
  const rows = createYArray(review.activitiesArray());
  const activities = () => (rows(), review.activities());
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const note = String(data.get('note') ?? '').trim();
    if (!note) return;
    review.addActivity({ id: makeLocalId(), kind: String(data.get('kind')) as VisitActivityKind, date: String(data.get('date') ?? ''), note });
    form.reset();
  };
  return (
    <section class="visit-log" aria-labelledby="visit-log-heading" data-testid="visit-log">
      <h2 id="visit-log-heading">{t('peerReview.activity.heading')}</h2>
      <Show when={activities().length > 0} fallback={<p class="muted">{t('peerReview.activity.empty')}</p>}>
        <ul class="plain-list">
          <For each={activities()}>
            {(a) => (
              <li>
                <span class="tag">{label('visitActivity', a.kind)}</span>
                <Show when={a.date}>{formatDate(a.date, locale())}: </Show>
                {a.note}
                <Show when={!readOnly()}>
                  <button type="button" class="button button--small button--quiet" onClick={(e) => corrections.remove(a.note.slice(0, 60), () => review.removeActivity(a.id), e.currentTarget)}>
                    {t('peerReview.activity.remove', { note: a.note.slice(0, 40) })}
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <form class="form form--inline" onSubmit={submit} aria-label={t('peerReview.activity.add')}>
          <div class="field">
            <label for="activity-kind">{t('peerReview.activity.kind')}</label>
            <select id="activity-kind" name="kind">
              <For each={visitActivityKinds}>{(k) => <option value={k}>{label('visitActivity', k)}</option>}</For>
            </select>
          </div>
          <div class="field">
            <label for="activity-date">{t('peerReview.activity.date')}</label>
            <input id="activity-date" name="date" type="date" />
          </div>
          <div class="field field--grow">
            <label for="activity-note">{t('peerReview.activity.note')}</label>
            <input id="activity-note" name="note" maxlength="500" />
          </div>
          <button type="submit" class="button button--small">{t('peerReview.activity.add')}</button>
        </form>
      </Show>
    </section>
  );
}
