import { For, Show, createSignal } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { supportLevels } from '@cydweithio/model/domain/improvement';
import { termWordsOf } from '@cydweithio/model/domain/recordSubjects';
import { postJson } from '../../api/http';
import type { SchoolCycle } from '../../api/cycleSchemas';
import { formatDate } from '../../i18n/formatDate';
import { useErrorText } from '../../i18n/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useText } from '../../i18n/useText';

/**
 * E17, E22: moving between core and enhanced support is a decision recorded with its reason and
 * date; from a review's screen (`reviewDocId`) it names that review. The decisions so far are
 * shown to every reader; the form only to those the policy lets decide (`mayChangeLevel`).
 */
export function SupportLevelForm(props: { entry: SchoolCycle; onRecorded: () => void; reviewDocId?: string; open?: boolean }) {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const errorText = useErrorText();
  const [error, setError] = createSignal<string>();
  const [done, setDone] = createSignal(false);
  const id = `level-${props.entry.school.id}`;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    setError(undefined);
    try {
      await postJson(`/schools/${props.entry.school.id}/support-level`, {
        level: data.get('level'), reason: String(data.get('reason') ?? '').trim(), from: data.get('from'),
        ...(props.reviewDocId ? { reviewDocId: props.reviewDocId } : {}),
      });
      setDone(true);
      form.reset();
      props.onRecorded();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <details class="support-level" open={props.open}>
      <summary>{t(props.entry.mayChangeLevel ? 'caseload.changeLevel' : 'caseload.decisions')}</summary>
      <Show when={props.entry.decisions.length > 0}>
        <h3>{t('caseload.decisions')}</h3>
        <ul class="plain-list">
          <For each={props.entry.decisions}>
            {(d) => (
              <li data-testid="support-decision">
                {formatDate(d.from, locale())}: <span class="tag">{label('supportLevel', d.level)}</span> {d.reason} ({d.decidedByName})
                <Show when={d.atReview}>{(r) => <> {t('caseload.atReview', { period: termWordsOf(r().term, r().halfTerm === 1 || r().halfTerm === 2 ? r().halfTerm as 1 | 2 : null, locale()) })}</>}</Show>
              </li>
            )}
          </For>
        </ul>
      </Show>
      <Show when={props.entry.decisions.length === 0 && !props.entry.mayChangeLevel}><p class="muted">{t('caseload.noDecisions')}</p></Show>
      <Show when={props.entry.mayChangeLevel}>
      <form class="form" onSubmit={(e) => void submit(e)} data-testid="support-level-form">
        <label for={`${id}-level`}>{t('caseload.newLevel')}</label>
        <select id={`${id}-level`} name="level">
          <For each={supportLevels}>{(l) => <option value={l} selected={l !== props.entry.supportLevel}>{label('supportLevel', l)}</option>}</For>
        </select>
        <label for={`${id}-from`}>{t('caseload.from')}</label>
        <input id={`${id}-from`} name="from" type="date" required />
        <label for={`${id}-reason`}>{t('caseload.reason')}</label>
        <textarea id={`${id}-reason`} name="reason" required maxlength="2000" rows="3" />
        <button type="submit" class="button">{t('caseload.record')}</button>
      </form>
      </Show>
      <Show when={done()}><p role="status" class="notice notice--ok">{t('caseload.recorded')}</p></Show>
      <Show when={error()}><p role="alert" class="notice notice--error">{error()}</p></Show>
    </details>
  );
}
