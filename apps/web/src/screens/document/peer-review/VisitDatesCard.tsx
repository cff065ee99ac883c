import { createSignal, For, lazy, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { readVisitDates } from '@cydweithio/model/docs/visitDates';
import { formatDate } from '../../../i18n/formatDate';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { createVisitDates } from './createVisitDates';

/** C312: the editing is loaded only when someone asks to change the dates, so the review carries none of it (C290). */
const VisitDatesEditor = lazy(() => import('./VisitDatesEditor'));

/** The days the visit is planned for (D64), in the reader's language, for everyone who reads the review. */
export function VisitDatesCard() {
  const t = useText();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const dates = createVisitDates(connection.doc, () => readVisitDates(connection.doc));
  const [editing, setEditing] = createSignal(false);
  return (
    <Show when={editing() && !readOnly()} fallback={
      <section class="visit-dates" aria-labelledby="visit-dates-heading" data-testid="visit-dates">
        <h2 id="visit-dates-heading">{t('peerReview.visitDates.heading')}</h2>
        <Show when={dates().length > 0} fallback={<p class="muted">{t('peerReview.visitDates.empty')}</p>}>
          <ul class="plain-list" data-testid="visit-date-list">
            <For each={dates()}>{(d) => <li><time datetime={d.date}>{formatDate(d.date, locale())}</time></li>}</For>
          </ul>
        </Show>
        <Show when={!readOnly()}>
          <button type="button" class="button button--small button--secondary" aria-expanded="false" onClick={() => setEditing(true)} data-testid="visit-dates-open">{t('peerReview.visitDates.open')}</button>
        </Show>
      </section>
    }>
      <VisitDatesEditor />
    </Show>
  );
}
