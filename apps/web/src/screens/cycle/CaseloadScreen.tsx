import { For, Show, createResource } from 'solid-js';
import { apiJson } from '../../api/http';
import { Caseload } from '../../api/cycleSchemas';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { usePageTitle } from '../usePageTitle';
import { CaseloadSchool } from './CaseloadSchool';

/**
 * The facilitator's caseload (E15): each school's support level, this year's review periods as
 * confirmed, due now, overdue or later, and its plan. Listed by school number: a to-do list that
 * never ranks schools or counts them by a judgement.
 */
export default function CaseloadScreen() {
  const t = useText();
  const errorText = useErrorText();
  usePageTitle(() => t('caseload.title'));
  const [caseload, { refetch }] = createResource(() => apiJson(Caseload, '/caseload'));
  return (
    <div class="caseload" data-testid="caseload">
      <h1>{t('caseload.title')}</h1>
      <p class="hint">{t('caseload.intro')}</p>
      <Show when={!caseload.error} fallback={<p role="alert" class="notice notice--error">{errorText(caseload.error)}</p>}>
        <Show when={caseload()} fallback={<p role="status">{t('common.loading')}</p>}>
          {(c) => (
            <Show when={c().schools.length > 0} fallback={<p>{t('caseload.none')}</p>}>
              <ul class="plain-list caseload__list">
                <For each={c().schools}>{(school) => <CaseloadSchool entry={school} onChanged={() => void refetch()} />}</For>
              </ul>
            </Show>
          )}
        </Show>
      </Show>
    </div>
  );
}
