import type * as Y from 'yjs';
import { For, Show, createMemo } from 'solid-js';
import { createYArray, createYMap, useLocale } from '@cydweithio/ui';
import { developmentPlan } from '@cydweithio/model/docs/developmentPlan';
import { metaMap } from '@cydweithio/model/docs/meta';
import { academicYearLabel } from '@cydweithio/model/rules/schoolCalendar';
import { formatDate } from '../../../i18n/formatDate';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { AddPlanSectionForm } from './AddPlanSectionForm';
import { CalendarCard, useRevisionDue } from './CalendarCard';
import { MyActionsCard } from './MyActionsCard';
import { PlanSectionCard } from './PlanSectionCard';
import { PlanStatusCard } from './PlanStatusCard';

/**
 * The School Development Plan, a live document the school's leaders write together (E3): its
 * three-year horizon, approval and publication, the reader's own flagged actions, the school's
 * calendar, then the sections in the school's own order.
 */
export function PlanBody(props: { docId: string }) {
  const t = useText();
  const locale = useLocale();
  const { connection, readOnly } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const order = createYArray(plan.roots.order);
  const sectionMap = createYMap(plan.roots.sections as Y.Map<unknown>);
  // Keyed by id (strings), so moving a section moves its card and never rebuilds its editors.
  const ids = createMemo(() => (order(), sectionMap(), plan.sections().map((s) => s.id)), [], { equals: (a, b) => a.join('\n') === b.join('\n') });
  const view = (id: string) => plan.sections().find((s) => s.id === id);
  // Read reactively: a copy from this device may open before the server's layout has arrived.
  const meta = createYMap(metaMap(connection.doc));
  const year = () => (typeof meta()['academicYear'] === 'number' ? (meta()['academicYear'] as number) : 0);
  const schoolId = () => (typeof meta()['schoolId'] === 'string' ? (meta()['schoolId'] as string) : '');
  const revisionDue = useRevisionDue();
  return (
    <div class="plan" data-testid="plan">
      <Show when={year() > 0}>
        <p class="plan__year">{t('plan.year', { year: academicYearLabel(year()) })}</p>
        <p class="hint">{t('plan.horizon', { from: academicYearLabel(year()), to: academicYearLabel(year() + 2) })}</p>
      </Show>
      <Show when={revisionDue()}>
        {(date) => <p class="notice notice--warning" data-testid="revision-flag">{t('plan.calendar.revisionDue', { date: formatDate(date(), locale()) })}</p>}
      </Show>
      <div class="grid">
        <Show when={schoolId()}>{(id) => <PlanStatusCard docId={props.docId} schoolId={id()} />}</Show>
        <MyActionsCard />
      </div>
      <h2 class="visually-hidden">{t('plan.sections')}</h2>
      <For each={ids()}>
        {(id, i) => (
          <Show when={view(id)}>
            {(section) => <PlanSectionCard section={section()} first={i() === 0} last={i() === ids().length - 1} />}
          </Show>
        )}
      </For>
      <Show when={!readOnly()}>
        <AddPlanSectionForm />
      </Show>
      <CalendarCard />
    </div>
  );
}
