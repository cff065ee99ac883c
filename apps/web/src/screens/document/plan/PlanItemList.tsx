import { For, Show, type JSX } from 'solid-js';
import type * as Y from 'yjs';
import { createYArray } from '@cydweithio/ui';
import { useText } from '../../../i18n/useText';
import { useCorrections } from '../corrections/CorrectionsContext';

/**
 * One of a priority's lists (criteria, actions, milestones, support): a heading, its rows, and
 * for editors a way to add one and to remove each. Rows are keyed by their Y.Map, so a remote
 * addition never rebuilds the rows someone is typing in.
 */
export function PlanItemList(props: {
  heading: string;
  headingId: string;
  items: Y.Array<Y.Map<unknown>>;
  readOnly: boolean;
  testId: string;
  row: (item: Y.Map<unknown>) => JSX.Element;
  removeLabel: (item: Y.Map<unknown>) => string;
  add?: JSX.Element;
}) {
  const t = useText();
  const rows = createYArray(props.items);
  const corrections = useCorrections();
  // Found again at the moment of removal, so someone else's insertion meanwhile cannot shift it.
  const remove = (item: Y.Map<unknown>, trigger: HTMLElement) =>
    corrections.remove(props.removeLabel(item), () => {
      const i = props.items.toArray().indexOf(item);
      if (i >= 0) props.items.delete(i, 1);
    }, trigger);
  return (
    <section class="plan-list" aria-labelledby={props.headingId} data-testid={props.testId}>
      <h4 id={props.headingId}>{props.heading}</h4>
      <Show when={rows().length > 0} fallback={<p class="muted">{t('plan.priorities.noneYet')}</p>}>
        <ul class="plan-list__items">
          <For each={rows()}>
            {(item) => (
              <li class="plan-list__item">
                {props.row(item)}
                <Show when={!props.readOnly}>
                  <button type="button" class="button button--small button--secondary" onClick={(e) => remove(item, e.currentTarget)}>
                    {t('common.remove')}<span class="visually-hidden">: {props.removeLabel(item)}</span>
                  </button>
                </Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={!props.readOnly}>{props.add}</Show>
    </section>
  );
}

/** A Y.Text held under a key of an item (the layout always writes one). */
export function textIn(item: Y.Map<unknown>, key: string): Y.Text {
  return item.get(key) as Y.Text;
}
