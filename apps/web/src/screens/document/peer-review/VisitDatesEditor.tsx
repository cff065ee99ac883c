import { createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { addVisitDate, removeVisitDate, updateVisitDate } from '@cydweithio/model/docs/visitDateEdits';
import { MAX_VISIT_DATES, readVisitDates, type VisitDate } from '@cydweithio/model/docs/visitDates';
import { formatDate } from '../../../i18n/formatDate';
import { useText } from '../../../i18n/useText';
import { useCorrections } from '../corrections/CorrectionsContext';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';
import { createVisitDates } from './createVisitDates';

/**
 * Changing the days the visit is planned for (D64), opened from the review's list of them and
 * loaded then, as its own chunk (C290): each in the reader's language, moved to another day or
 * removed by id, so two people planning at once keep both their dates.
 */
export default function VisitDatesEditor() {
  const t = useText();
  const locale = useLocale();
  const corrections = useCorrections();
  const { connection, readOnly } = useOpenDocument();
  const doc = connection.doc;
  // The same entry keeps its object, so the list (keyed by object) leaves an open row alone when
  // someone else adds a date.
  let known = new Map<string, VisitDate>();
  const keep = (fresh: VisitDate[]) => {
    const out = fresh.map((d) => known.get(`${d.id} ${d.date}`) ?? d);
    known = new Map(out.map((d) => [`${d.id} ${d.date}`, d]));
    return out;
  };
  const dates = createVisitDates(doc, () => keep(readVisitDates(doc)));
  const [message, setMessage] = createSignal('');
  const full = () => dates().length >= MAX_VISIT_DATES;
  const submit = (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const date = String(new FormData(form).get('date') ?? '');
    if (!date) return;
    let added = false;
    corrections.change(() => { added = addVisitDate(doc, { id: makeLocalId(), date }); });
    setMessage(added ? t('peerReview.visitDates.added', { date: formatDate(date, locale()) }) : t(full() ? 'peerReview.visitDates.full' : 'peerReview.visitDates.invalid', { count: MAX_VISIT_DATES }));
    if (added) form.reset();
  };
  return (
    <section class="visit-dates" aria-labelledby="visit-dates-heading" data-testid="visit-dates">
      <h2 id="visit-dates-heading">{t('peerReview.visitDates.heading')}</h2>
      <Show when={dates().length > 0} fallback={<p class="muted">{t('peerReview.visitDates.empty')}</p>}>
        <ul class="plain-list" data-testid="visit-date-list">
          <For each={dates()}>{(entry) => <VisitDateRow entry={entry} />}</For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <form class="form form--inline" onSubmit={submit} aria-label={t('peerReview.visitDates.add')}>
          <div class="field">
            <label for="visit-date-new">{t('peerReview.visitDates.date')}</label>
            <input id="visit-date-new" name="date" type="date" required disabled={full()} ref={(el) => queueMicrotask(() => el.focus())} />
          </div>
          <button type="submit" class="button button--small" disabled={full()}>{t('peerReview.visitDates.add')}</button>
        </form>
      </Show>
      <p role="status" class="muted">{message()}</p>
    </section>
  );
}

function VisitDateRow(props: { entry: VisitDate }) {
  const t = useText();
  const locale = useLocale();
  const corrections = useCorrections();
  const { connection, readOnly } = useOpenDocument();
  const doc = connection.doc;
  const [editing, setEditing] = createSignal(false);
  let editButton: HTMLButtonElement | undefined;
  const shown = () => formatDate(props.entry.date, locale());
  const finish = (date?: string) => {
    if (date && date !== props.entry.date) corrections.change(() => void updateVisitDate(doc, props.entry.id, date));
    setEditing(false);
    queueMicrotask(() => editButton?.focus());
  };
  const inputId = () => `visit-date-${props.entry.id}`;
  return (
    <li data-date={props.entry.date}>
      <Show
        when={editing() && !readOnly()}
        fallback={
          <>
            <time datetime={props.entry.date}>{shown()}</time>
            <Show when={!readOnly()}>
              {' '}
              <button ref={editButton} type="button" class="button button--small button--secondary" onClick={() => setEditing(true)}>
                {t('corrections.edit')}<span class="visually-hidden">: {shown()}</span>
              </button>{' '}
              <button type="button" class="button button--small button--secondary" onClick={(e) => corrections.remove(shown(), () => removeVisitDate(doc, props.entry.id), e.currentTarget)}>
                {t('common.remove')}<span class="visually-hidden">: {shown()}</span>
              </button>
            </Show>
          </>
        }
      >
        <form
          class="form form--inline"
          onSubmit={(e) => {
            e.preventDefault();
            finish(String(new FormData(e.currentTarget).get('date') ?? ''));
          }}
        >
          <label class="visually-hidden" for={inputId()}>{t('peerReview.visitDates.change', { date: shown() })}</label>
          <input
            id={inputId()}
            name="date"
            type="date"
            required
            value={props.entry.date}
            ref={(el) => queueMicrotask(() => el.focus())}
            onKeyDown={(e) => {
              if (e.key === 'Escape') finish();
            }}
          />
          <button type="submit" class="button button--small">{t('corrections.save')}</button>
          <button type="button" class="button button--small button--secondary" onClick={() => finish()}>{t('corrections.cancel')}</button>
        </form>
      </Show>
    </li>
  );
}
