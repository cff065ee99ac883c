import { Show } from 'solid-js';
import type * as Y from 'yjs';
import { YTextField, createYMapValue, createYText } from '@cydweithio/ui';
import { developmentPlan, viewPlanPriority } from '@cydweithio/model/docs/developmentPlan';
import { areas, supportSources } from '@cydweithio/model/domain/improvement';
import { criterionStatuses } from '@cydweithio/model/domain/plan';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { useOpenDocument } from '../DocumentContext';
import { makeLocalId } from '../makeLocalId';
import { ActionRow } from './ActionRow';
import { AddLineForm } from './AddLineForm';
import { MapCheckbox, MapDateInput, MapNumberInput, MapSelect, MapTextInput } from './MapFields';
import { PlanItemList, textIn } from './PlanItemList';
import { useCorrections } from '../corrections/CorrectionsContext';

/**
 * One priority of year one in detail (area, title, outcomes, success criteria with their status,
 * actions, milestones, resources, monitoring, support by source with days) and years two and
 * three in outline. Its id is stable: reviews and support entries point at it.
 */
export function PriorityCard(props: { priority: Y.Map<unknown> }) {
  const t = useText();
  const corrections = useCorrections();
  const label = useLabels();
  const session = useSession();
  const { connection, readOnly } = useOpenDocument();
  const view = viewPlanPriority(props.priority);
  const plan = developmentPlan(connection.doc);
  const p = `pri-${view.id}`;
  const title = createYText(view.text('title'));
  const carriedFrom = createYMapValue<string>(props.priority, 'carriedFrom');
  const fromDocId = createYMapValue<string>(props.priority, 'fromDocId');
  const textField = (key: 'outcomes' | 'resources' | 'monitoring' | 'yearTwo' | 'yearThree', labelKey: string) => (
    <div class="field">
      <label for={`${p}-${key}`}>{t(labelKey)}</label>
      <YTextField text={view.text(key)} id={`${p}-${key}`} readOnly={readOnly()} multiline testId={`priority-${key}`} />
    </div>
  );
  const textOfItem = (item: Y.Map<unknown>, key: string) => textIn(item, key).toString();
  return (
    <li class="card plan-priority" data-testid="plan-priority">
      <h3 id={`${p}-heading`}>{title() || t('plan.priorities.title')}</h3>
      <Show when={carriedFrom()}><p class="tag tag--quiet">{t('plan.priorities.carried')}</p></Show>
      <Show when={fromDocId()}><p class="tag tag--quiet">{t('plan.priorities.fromFinding')}</p></Show>
      <div class="form form--inline">
        <div class="field field--grow">
          <label for={`${p}-title`}>{t('plan.priorities.title')}</label>
          <YTextField text={view.text('title')} id={`${p}-title`} readOnly={readOnly()} testId="priority-title" />
        </div>
        <div class="field">
          <label for={`${p}-area`}>{t('plan.priorities.area')}</label>
          <MapSelect map={props.priority} field="area" id={`${p}-area`} readOnly={readOnly()} options={areas} label={(a) => label('area', a)} fallback="vision-and-leadership" />
        </div>
      </div>
      {textField('outcomes', 'plan.priorities.outcomes')}

      <PlanItemList
        heading={t('plan.priorities.criteria')} headingId={`${p}-criteria`} items={view.list('criteria')} readOnly={readOnly()} testId="plan-criteria"
        removeLabel={(c) => textOfItem(c, 'text')}
        row={(c) => (
          <div class="plan-row">
            <div class="field field--grow">
              <label for={`${p}-${String(c.get('id'))}-text`}>{t('plan.priorities.criterion')}</label>
              <YTextField text={textIn(c, 'text')} id={`${p}-${String(c.get('id'))}-text`} readOnly={readOnly()} testId="criterion-text" />
            </div>
            <div class="field">
              <label for={`${p}-${String(c.get('id'))}-status`}>{t('plan.priorities.criterionStatus')}</label>
              <MapSelect map={c} field="status" id={`${p}-${String(c.get('id'))}-status`} readOnly={readOnly()} options={criterionStatuses} label={(s) => label('criterionStatus', s)} fallback="not-started" testId="criterion-status" />
            </div>
          </div>
        )}
        add={<AddLineForm idPrefix={`${p}-new-criterion`} label={t('plan.priorities.addCriterion')} fields={[{ name: 'text', label: t('plan.priorities.criterion'), required: true }]}
          onAdd={(v) => plan.addCriterion(view.id, { id: makeLocalId(), text: v['text'] ?? '' })} />}
      />

      <PlanItemList
        heading={t('plan.priorities.actions')} headingId={`${p}-actions`} items={view.list('actions')} readOnly={readOnly()} testId="plan-actions"
        removeLabel={(a) => textOfItem(a, 'description')}
        row={(a) => <ActionRow action={a} prefix={p} readOnly={readOnly()} />}
        add={<AddLineForm idPrefix={`${p}-new-action`} label={t('plan.priorities.addAction')} testId="add-action"
          fields={[
            { name: 'description', label: t('plan.priorities.action'), required: true },
            { name: 'owner', label: t('plan.priorities.owner') },
            { name: 'me', label: t('plan.priorities.ownerMe'), type: 'checkbox' },
            { name: 'due', label: t('plan.priorities.due'), type: 'date' },
          ]}
          onAdd={(v) => {
            const me = session.me()?.person;
            const mine = v['me'] === 'yes' && me !== undefined;
            plan.addAction(view.id, { id: makeLocalId(), description: v['description'] ?? '', ownerName: mine && !v['owner'] ? me.name : (v['owner'] ?? ''), ownerPersonId: mine ? me.id : '', due: v['due'] ?? '' });
          }} />}
      />

      <PlanItemList
        heading={t('plan.priorities.milestones')} headingId={`${p}-milestones`} items={view.list('milestones')} readOnly={readOnly()} testId="plan-milestones"
        removeLabel={(m) => textOfItem(m, 'description')}
        row={(m) => {
          const id = `${p}-${String(m.get('id'))}`;
          return (
            <div class="plan-row">
              <div class="field field--grow">
                <label for={`${id}-description`}>{t('plan.priorities.milestone')}</label>
                <YTextField text={textIn(m, 'description')} id={`${id}-description`} readOnly={readOnly()} />
              </div>
              <div class="field">
                <label for={`${id}-due`}>{t('plan.priorities.due')}</label>
                <MapDateInput map={m} field="due" id={`${id}-due`} readOnly={readOnly()} />
              </div>
              <div class="field field--check">
                <MapCheckbox map={m} field="reached" id={`${id}-reached`} readOnly={readOnly()} />
                <label for={`${id}-reached`}>{t('plan.priorities.reached')}</label>
              </div>
            </div>
          );
        }}
        add={<AddLineForm idPrefix={`${p}-new-milestone`} label={t('plan.priorities.addMilestone')}
          fields={[{ name: 'description', label: t('plan.priorities.milestone'), required: true }, { name: 'due', label: t('plan.priorities.due'), type: 'date' }]}
          onAdd={(v) => plan.addMilestone(view.id, { id: makeLocalId(), description: v['description'] ?? '', due: v['due'] ?? '' })} />}
      />

      {textField('resources', 'plan.priorities.resources')}
      {textField('monitoring', 'plan.priorities.monitoring')}

      <PlanItemList
        heading={t('plan.priorities.support')} headingId={`${p}-support`} items={view.list('support')} readOnly={readOnly()} testId="plan-support"
        removeLabel={(s) => textOfItem(s, 'description')}
        row={(s) => {
          const id = `${p}-${String(s.get('id'))}`;
          return (
            <div class="plan-row">
              <div class="field">
                <label for={`${id}-source`}>{t('plan.priorities.supportSource')}</label>
                <MapSelect map={s} field="source" id={`${id}-source`} readOnly={readOnly()} options={supportSources} label={(x) => label('supportSource', x)} fallback="la" />
              </div>
              <div class="field">
                <label for={`${id}-provider`}>{t('plan.priorities.supportProvider')}</label>
                <MapTextInput map={s} field="provider" id={`${id}-provider`} readOnly={readOnly()} maxLength={300} />
              </div>
              <div class="field field--grow">
                <label for={`${id}-description`}>{t('plan.priorities.supportDescription')}</label>
                <YTextField text={textIn(s, 'description')} id={`${id}-description`} readOnly={readOnly()} />
              </div>
              <div class="field field--narrow">
                <label for={`${id}-days`}>{t('plan.priorities.supportDays')}</label>
                <MapNumberInput map={s} field="days" id={`${id}-days`} readOnly={readOnly()} max={365} />
              </div>
            </div>
          );
        }}
        add={<AddLineForm idPrefix={`${p}-new-support`} label={t('plan.priorities.addSupport')}
          fields={[
            { name: 'source', label: t('plan.priorities.supportSource'), type: 'select', options: supportSources.map((x) => ({ value: x, label: label('supportSource', x) })) },
            { name: 'provider', label: t('plan.priorities.supportProvider') },
            { name: 'description', label: t('plan.priorities.supportDescription'), required: true },
            { name: 'days', label: t('plan.priorities.supportDays'), type: 'number' },
          ]}
          onAdd={(v) => plan.addSupport(view.id, { id: makeLocalId(), source: v['source'] ?? 'la', provider: v['provider'] ?? '', description: v['description'] ?? '', days: Math.min(Math.max(Number(v['days']) || 0, 0), 365) })} />}
      />

      {textField('yearTwo', 'plan.priorities.yearTwo')}
      {textField('yearThree', 'plan.priorities.yearThree')}
      <Show when={!readOnly()}>
        <button type="button" class="button button--small button--secondary" onClick={(e) => corrections.remove(title(), () => plan.removePriority(view.id), e.currentTarget)}>
          {t('plan.priorities.remove')}<span class="visually-hidden">: {title()}</span>
        </button>
      </Show>
    </li>
  );
}
