import { For } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { subjectLabel } from '@cydweithio/model/domain/recordSubjects';
import type { RecordVersion } from '../../api/cycleSchemas';
import { formatDateTime } from '../../i18n/formatDate';
import { useText } from '../../i18n/useText';

/** The agreed versions, newest first: what was agreed, who recorded it and when. */
export function RecordTimeline(props: { versions: RecordVersion[]; onView: (v: RecordVersion) => void }) {
  const t = useText();
  const locale = useLocale();
  const newestFirst = () => [...props.versions].reverse();
  return (
    <section class="card" aria-labelledby="record-timeline-heading" data-testid="record-timeline">
      <header class="card__header"><h2 id="record-timeline-heading">{t('record.timeline')}</h2></header>
      <div class="card__body">
        <ol class="timeline">
          <For each={newestFirst()}>
            {(v) => (
              <li data-testid="record-version" data-subject={v.subject}>
                <strong>{subjectLabel(v.subject, locale())}</strong>
                <br />
                <span class="muted">{formatDateTime(v.at * 1000, locale())} · {t('record.by', { name: v.byName ?? v.by })}</span>
                <br />
                <button type="button" class="button button--small button--secondary" onClick={() => props.onView(v)} data-testid="view-version">
                  {t('record.view')}<span class="visually-hidden">: {subjectLabel(v.subject, locale())}, {formatDateTime(v.at * 1000, locale())}</span>
                </button>
              </li>
            )}
          </For>
        </ol>
      </div>
    </section>
  );
}
