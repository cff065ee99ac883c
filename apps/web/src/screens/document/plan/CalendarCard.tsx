import type * as Y from 'yjs';
import { For, Show } from 'solid-js';
import { createYArray, createYMapValue, useLocale } from '@cydweithio/ui';
import { developmentPlan } from '@cydweithio/model/docs/developmentPlan';
import { inspectionRevisionDue } from '@cydweithio/model/rules/schoolCalendar';
import { formatDate } from '../../../i18n/formatDate';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';
import { AddLineForm } from './AddLineForm';
import { MapDateInput } from './MapFields';
import { useCorrections } from '../corrections/CorrectionsContext';

/** The revision an inspection report calls for: 20 school days after it, the school's holidays left out (E10). */
export function useRevisionDue(): () => string | null {
  const { connection } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const report = createYMapValue<string>(plan.roots.calendar, 'inspectionReportDate');
  const holidays = createYArray(plan.roots.holidays);
  return () => {
    const date = report() ?? '';
    if (!/^\d{4}-\d{2}-\d{2}$/.test(date)) return null;
    const ranges = holidays().map((h) => ({ from: String(h.get('from')), to: String(h.get('to')) }));
    return inspectionRevisionDue(date, ranges);
  };
}

/** The school's calendar: its own holidays (which school days leave out) and the inspection report's date. */
export function CalendarCard() {
  const t = useText();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const holidays = createYArray(plan.roots.holidays);
  const due = useRevisionDue();
  const corrections = useCorrections();
  // By the row's map, found again when confirmed (an index would shift under a remote insertion).
  const remove = (h: Y.Map<unknown>, what: string, trigger: HTMLElement) =>
    corrections.remove(what, () => {
      const i = plan.roots.holidays.toArray().indexOf(h);
      if (i >= 0) plan.roots.holidays.delete(i, 1);
    }, trigger);
  return (
    <section class="card plan-calendar" aria-labelledby="plan-calendar-heading" data-testid="plan-calendar">
      <header class="card__header"><h2 id="plan-calendar-heading">{t('plan.calendar.heading')}</h2></header>
      <div class="card__body">
        <p class="hint">{t('plan.calendar.hint')}</p>
        <div class="field">
          <label for="plan-inspection-date">{t('plan.calendar.inspection')}</label>
          <MapDateInput map={plan.roots.calendar} field="inspectionReportDate" id="plan-inspection-date" readOnly={readOnly()} testId="inspection-date" />
        </div>
        <Show when={due()} fallback={<p class="muted">{t('plan.calendar.noInspection')}</p>}>
          {(date) => <p class="notice notice--warning" data-testid="revision-due">{t('plan.calendar.revisionDue', { date: formatDate(date(), locale()) })}</p>}
        </Show>
        <ul class="plain-list">
          <For each={holidays()}>
            {(h) => (
              <li>
                {String(h.get('label') || t('plan.calendar.label'))}: {formatDate(String(h.get('from')), locale())} – {formatDate(String(h.get('to')), locale())}
                <Show when={!readOnly()}>
                  {' '}<button type="button" class="button button--small button--secondary" onClick={(e) => remove(h, String(h.get('label') || t('plan.calendar.label')), e.currentTarget)}>
                    {t('common.remove')}<span class="visually-hidden">: {String(h.get('label') || t('plan.calendar.label'))}</span>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
        <Show when={!readOnly()}>
          <AddLineForm idPrefix="plan-holiday" label={t('plan.calendar.add')}
            fields={[
              { name: 'label', label: t('plan.calendar.label') },
              { name: 'from', label: t('plan.calendar.from'), type: 'date', required: true },
              { name: 'to', label: t('plan.calendar.to'), type: 'date' },
            ]}
            onAdd={(v) => {
              const from = v['from'] ?? '';
              const to = v['to'] && v['to'] >= from ? v['to'] : from;
              plan.addHoliday({ id: makeLocalId(), from, to, label: v['label'] ?? '' });
            }} />
        </Show>
      </div>
    </section>
  );
}
