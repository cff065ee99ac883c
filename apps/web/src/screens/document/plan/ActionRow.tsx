import { Show } from 'solid-js';
import type * as Y from 'yjs';
import { YTextField, createYMapValue } from '@cydweithio/ui';
import { actionFlag } from '@cydweithio/model/rules/actionFlags';
import { useText } from '../../../i18n/useText';
import { MapCheckbox, MapDateInput, MapTextInput } from './MapFields';
import { textIn } from './PlanItemList';
import { planToday } from './planToday';

/** One action: what, who (a person or a role), when, done; flagged due soon or overdue in words (D21). */
export function ActionRow(props: { action: Y.Map<unknown>; prefix: string; readOnly: boolean }) {
  const t = useText();
  const id = `${props.prefix}-${String(props.action.get('id'))}`;
  const due = createYMapValue<string>(props.action, 'due');
  const done = createYMapValue<boolean>(props.action, 'done');
  const flag = () => actionFlag({ due: due() ?? '', done: done() === true }, planToday());
  return (
    <div class="plan-row plan-row--action" data-testid="plan-action">
      <div class="field field--grow">
        <label for={`${id}-description`}>{t('plan.priorities.action')}</label>
        <YTextField text={textIn(props.action, 'description')} id={`${id}-description`} readOnly={props.readOnly} testId="action-description" />
      </div>
      <div class="field">
        <label for={`${id}-owner`}>{t('plan.priorities.owner')}</label>
        <MapTextInput map={props.action} field="ownerName" id={`${id}-owner`} readOnly={props.readOnly} maxLength={200} />
      </div>
      <div class="field">
        <label for={`${id}-due`}>{t('plan.priorities.due')}</label>
        <MapDateInput map={props.action} field="due" id={`${id}-due`} readOnly={props.readOnly} testId="action-due" />
      </div>
      <div class="field field--check">
        <MapCheckbox map={props.action} field="done" id={`${id}-done`} readOnly={props.readOnly} />
        <label for={`${id}-done`}>{t('plan.priorities.done')}</label>
      </div>
      <Show when={flag()}>
        {(f) => <span class={`tag tag--flag-${f()}`} data-testid="action-flag">{f() === 'overdue' ? t('plan.priorities.overdue') : t('plan.priorities.dueSoon')}</span>}
      </Show>
    </div>
  );
}
