import { For, Show } from 'solid-js';
import type * as Y from 'yjs';
import { YTextField, createYArray, createYMapValue } from '@cydweithio/ui';
import { developmentPlan } from '@cydweithio/model/docs/developmentPlan';
import { areas, type Area } from '@cydweithio/model/domain/improvement';
import { consultationGroups, lastYearOutcomes, type ConsultationGroup, type LastYearOutcome, type PlanFindingType } from '@cydweithio/model/domain/plan';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';
import { AddLineForm } from './AddLineForm';
import { MapDateInput, MapSelect } from './MapFields';
import { textIn } from './PlanItemList';
import { useCorrections } from '../corrections/CorrectionsContext';

function RemoveButton(props: { array: Y.Array<Y.Map<unknown>>; item: Y.Map<unknown>; what: string }) {
  const t = useText();
  const { readOnly } = useOpenDocument();
  const corrections = useCorrections();
  const remove = (e: MouseEvent) =>
    corrections.remove(props.what, () => {
      const i = props.array.toArray().indexOf(props.item);
      if (i >= 0) props.array.delete(i, 1);
    }, e.currentTarget as HTMLElement);
  return (
    <Show when={!readOnly()}>
      <button type="button" class="button button--small button--secondary" onClick={remove}>
        {t('common.remove')}<span class="visually-hidden">: {props.what}</span>
      </button>
    </Show>
  );
}

/** The dated record of consulting learners, parents and staff: groups and summaries, never names. */
export function ConsultationSection(props: { sectionId: string }) {
  const t = useText();
  const label = useLabels();
  const { connection, readOnly } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const rows = createYArray(plan.roots.consultations);
  const p = `${props.sectionId}-consultation`;
  return (
    <div data-testid="plan-consultations">
      <Show when={rows().length > 0} fallback={<p class="muted">{t('plan.consultation.none')}</p>}>
        <ul class="plan-list__items">
          <For each={rows()}>
            {(c) => {
              const id = `${p}-${String(c.get('id'))}`;
              return (
                <li class="plan-list__item plan-row">
                  <div class="field">
                    <label for={`${id}-date`}>{t('plan.consultation.date')}</label>
                    <MapDateInput map={c} field="date" id={`${id}-date`} readOnly={readOnly()} />
                  </div>
                  <div class="field">
                    <label for={`${id}-group`}>{t('plan.consultation.group')}</label>
                    <MapSelect map={c} field="group" id={`${id}-group`} readOnly={readOnly()} options={consultationGroups} label={(g) => label('consultationGroup', g)} fallback="staff" />
                  </div>
                  <div class="field field--grow">
                    <label for={`${id}-summary`}>{t('plan.consultation.summary')}</label>
                    <YTextField text={textIn(c, 'summary')} id={`${id}-summary`} readOnly={readOnly()} multiline />
                  </div>
                  <RemoveButton array={plan.roots.consultations} item={c} what={label('consultationGroup', String(c.get('group')))} />
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <AddLineForm idPrefix={`${p}-new`} label={t('plan.consultation.add')}
          fields={[
            { name: 'date', label: t('plan.consultation.date'), type: 'date' },
            { name: 'group', label: t('plan.consultation.group'), type: 'select', options: consultationGroups.map((g) => ({ value: g, label: label('consultationGroup', g) })) },
            { name: 'summary', label: t('plan.consultation.summary'), required: true },
          ]}
          onAdd={(v) => plan.addConsultation({ id: makeLocalId(), date: v['date'] ?? '', group: (v['group'] as ConsultationGroup | undefined) ?? 'staff', summary: v['summary'] ?? '' })} />
      </Show>
    </div>
  );
}

/** Review of last year's priorities: met or not, with reasons. */
export function LastYearSection(props: { sectionId: string }) {
  const t = useText();
  const label = useLabels();
  const { connection, readOnly } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const rows = createYArray(plan.roots.lastYear);
  const p = `${props.sectionId}-last-year`;
  return (
    <div data-testid="plan-last-year">
      <Show when={rows().length > 0} fallback={<p class="muted">{t('plan.lastYear.none')}</p>}>
        <ul class="plan-list__items">
          <For each={rows()}>
            {(l) => {
              const id = `${p}-${String(l.get('id'))}`;
              return (
                <li class="plan-list__item plan-row">
                  <div class="field field--grow">
                    <label for={`${id}-title`}>{t('plan.lastYear.title')}</label>
                    <YTextField text={textIn(l, 'title')} id={`${id}-title`} readOnly={readOnly()} />
                  </div>
                  <div class="field">
                    <label for={`${id}-outcome`}>{t('plan.lastYear.outcome')}</label>
                    <MapSelect map={l} field="outcome" id={`${id}-outcome`} readOnly={readOnly()} options={lastYearOutcomes} label={(o) => label('lastYearOutcome', o)} fallback="partly-met" />
                  </div>
                  <div class="field field--grow">
                    <label for={`${id}-reasons`}>{t('plan.lastYear.reasons')}</label>
                    <YTextField text={textIn(l, 'reasons')} id={`${id}-reasons`} readOnly={readOnly()} multiline />
                  </div>
                  <RemoveButton array={plan.roots.lastYear} item={l} what={textIn(l, 'title').toString()} />
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <AddLineForm idPrefix={`${p}-new`} label={t('plan.lastYear.add')}
          fields={[
            { name: 'title', label: t('plan.lastYear.title'), required: true },
            { name: 'outcome', label: t('plan.lastYear.outcome'), type: 'select', options: lastYearOutcomes.map((o) => ({ value: o, label: label('lastYearOutcome', o) })) },
          ]}
          onAdd={(v) => plan.addLastYear({ id: makeLocalId(), title: v['title'] ?? '', outcome: (v['outcome'] as LastYearOutcome | undefined) ?? 'partly-met' })} />
      </Show>
    </div>
  );
}

/** Strengths to share or professional-learning needs, some carried from the self-evaluation. */
export function FindingsSection(props: { sectionId: string; type: PlanFindingType }) {
  const t = useText();
  const label = useLabels();
  const { connection, readOnly } = useOpenDocument();
  const plan = developmentPlan(connection.doc);
  const all = createYArray(plan.roots.findings);
  const rows = () => all().filter((f) => f.get('type') === props.type);
  const p = `${props.sectionId}-findings`;
  return (
    <div data-testid={`plan-findings-${props.type}`}>
      <Show when={rows().length > 0} fallback={<p class="muted">{t('plan.findings.none')}</p>}>
        <ul class="plan-list__items">
          <For each={rows()}>
            {(f) => {
              const id = `${p}-${String(f.get('id'))}`;
              const from = createYMapValue<string>(f, 'fromDocId');
              return (
                <li class="plan-list__item plan-row">
                  <div class="field">
                    <label for={`${id}-area`}>{t('plan.findings.area')}</label>
                    <MapSelect map={f} field="area" id={`${id}-area`} readOnly={readOnly()} options={areas} label={(a) => label('area', a)} fallback="learning-and-teaching" />
                  </div>
                  <div class="field field--grow">
                    <label for={`${id}-text`}>{t('plan.findings.text')}</label>
                    <YTextField text={textIn(f, 'text')} id={`${id}-text`} readOnly={readOnly()} multiline />
                  </div>
                  <Show when={from()}><span class="tag tag--quiet">{t('plan.findings.linked')}</span></Show>
                  <RemoveButton array={plan.roots.findings} item={f} what={textIn(f, 'text').toString().slice(0, 60)} />
                </li>
              );
            }}
          </For>
        </ul>
      </Show>
      <Show when={!readOnly()}>
        <AddLineForm idPrefix={`${p}-new`} label={t('plan.findings.add')}
          fields={[
            { name: 'area', label: t('plan.findings.area'), type: 'select', options: areas.map((a) => ({ value: a, label: label('area', a) })) },
            { name: 'text', label: t('plan.findings.text'), required: true },
          ]}
          onAdd={(v) => plan.addFinding({ id: makeLocalId(), type: props.type, area: (v['area'] as Area | undefined) ?? 'learning-and-teaching', text: v['text'] ?? '' })} />
      </Show>
    </div>
  );
}
