import { For, Show, createSignal, onCleanup } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { developmentPlanToJson } from '@cydweithio/model/docs/planJson';
import { flaggedActionsFor } from '@cydweithio/model/rules/actionFlags';
import { formatDate } from '../../../i18n/formatDate';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { useOpenDocument } from '../DocumentContext';
import { planToday } from './planToday';

/**
 * The actions of this plan that need the person reading it: theirs (by account, or by the name
 * written as owner) and due within two weeks or overdue (D21), overdue first.
 */
export function MyActionsCard() {
  const t = useText();
  const locale = useLocale();
  const session = useSession();
  const { connection } = useOpenDocument();
  const [version, setVersion] = createSignal(0);
  const bump = () => setVersion((v) => v + 1);
  connection.doc.on('update', bump);
  onCleanup(() => connection.doc.off('update', bump));
  const flagged = () => {
    version();
    const me = session.me()?.person;
    if (!me) return [];
    const plan = developmentPlanToJson(connection.doc);
    const titles = new Map(plan.priorities.map((p) => [p.id, p.title]));
    return flaggedActionsFor(plan.priorities, { personId: me.id, names: [me.name] }, planToday()).map((f) => ({ ...f, title: titles.get(f.priorityId) ?? '' }));
  };
  return (
    <section class="card plan-my-actions" aria-labelledby="plan-my-actions-heading" data-testid="my-actions">
      <header class="card__header"><h2 id="plan-my-actions-heading">{t('plan.myActions.heading')}</h2></header>
      <div class="card__body">
        <Show when={flagged().length > 0} fallback={<p class="muted">{t('plan.myActions.none')}</p>}>
          <ul class="plain-list">
            <For each={flagged()}>
              {(f) => (
                <li data-testid="my-action">
                  <span class={`tag tag--flag-${f.flag}`}>{f.flag === 'overdue' ? t('plan.priorities.overdue') : t('plan.priorities.dueSoon')}</span>{' '}
                  {f.action.description} ({f.title}) · {t('plan.priorities.due')} {formatDate(f.action.due, locale())}
                </li>
              )}
            </For>
          </ul>
        </Show>
      </div>
    </section>
  );
}
