import { createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { impactFocuses, impactPeriodOf, impactsSeen } from '@cydweithio/model/domain/sharedPriorities';
import { postJson } from '../../../api/http';
import { formatDateTime } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { useOpenDocument } from '../DocumentContext';
import { useWorkspaceRecord } from './WorkspaceRecord';

/** The half years a review can be for: this one and the one before (late reviews happen). */
function recentPeriods(today: string): string[] {
  const current = impactPeriodOf(today);
  const [year, half] = [Number(current.slice(0, 4)), current.endsWith('h2') ? 2 : 1];
  return [current, half === 2 ? `${year}-h1` : `${year - 1}-h2`];
}

/** Twice-yearly impact reviews of an agreed priority, as the record holds them (G5). */
export function ImpactReviews(props: { priorityId: string; idPrefix: string }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const { connection, summary } = useOpenDocument();
  const record = useWorkspaceRecord();
  const [message, setMessage] = createSignal<string>();
  const reviews = () => record.agreed().impactReviews.filter((r) => r.state.priorityId === props.priorityId);
  const isAgreed = () => record.agreed().priorities.some((p) => p.priorityId === props.priorityId);
  const periodWords = (period: string) => t(`workspace.period.h${period.endsWith('h2') ? 2 : 1}`, { year: `${period.slice(0, 4)}-${String(Number(period.slice(0, 4)) + 1).slice(2)}` });
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      await postJson(`/documents/${encodeURIComponent(connection.provider.roomname)}/priorities/${encodeURIComponent(props.priorityId)}/impact`, {
        period: String(data.get('period')), focus: String(data.get('focus')), impact: String(data.get('impact')), note: String(data.get('note') ?? ''),
      });
      await record.reload();
      record.announce();
      form.reset();
      setMessage(t('workspace.impactRecorded'));
    } catch (failure) {
      setMessage(errorText(failure));
    }
  };
  const id = (part: string) => `${props.idPrefix}-impact-${part}`;
  return (
    <Show when={isAgreed()}>
      <section class="impact-reviews" aria-labelledby={id('heading')} data-testid="impact-reviews">
        <h4 id={id('heading')}>{t('workspace.impactReviews')}</h4>
        <Show when={reviews().length > 0} fallback={<p class="muted">{t('workspace.noImpactReviews')}</p>}>
          <ul>
            <For each={reviews()}>
              {(review) => (
                <li>
                  <strong>{periodWords(review.state.period)}</strong>
                  {': '}{t(`workspace.focus.${review.state.focus}`)} · {t(`workspace.impact.${review.state.impact}`)}
                  <Show when={review.state.note}><span>{' '}· {review.state.note}</span></Show>
                  <span class="muted">{' '}({t('workspace.recordedBy', { name: review.version.byName ?? review.version.by, when: formatDateTime(review.version.at * 1000, locale()) })})</span>
                </li>
              )}
            </For>
          </ul>
        </Show>
        <Show when={summary()?.access === 'owner'}>
          <form class="form form--inline" onSubmit={(e) => void submit(e)} aria-label={t('workspace.addImpactReview')}>
            <div class="field">
              <label for={id('period')}>{t('workspace.impactPeriod')}</label>
              <select id={id('period')} name="period">
                <For each={recentPeriods(new Date().toISOString().slice(0, 10))}>{(p) => <option value={p}>{periodWords(p)}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for={id('focus')}>{t('workspace.impactFocus')}</label>
              <select id={id('focus')} name="focus">
                <For each={impactFocuses}>{(f) => <option value={f}>{t(`workspace.focus.${f}`)}</option>}</For>
              </select>
            </div>
            <div class="field">
              <label for={id('impact')}>{t('workspace.impactSeen')}</label>
              <select id={id('impact')} name="impact">
                <For each={impactsSeen}>{(i) => <option value={i}>{t(`workspace.impact.${i}`)}</option>}</For>
              </select>
            </div>
            <div class="field field--grow">
              <label for={id('note')}>{t('workspace.impactNote')}</label>
              <input id={id('note')} name="note" maxlength="2000" />
            </div>
            <button type="submit" class="button button--small">{t('workspace.addImpactReview')}</button>
            <p role="status" class="muted">{message()}</p>
          </form>
        </Show>
      </section>
    </Show>
  );
}
