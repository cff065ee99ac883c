import { A } from '@solidjs/router';
import { Show, createResource, createSignal } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../../api/http';
import { Created, SchoolCycle } from '../../../api/cycleSchemas';
import { formatDate } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { useSession } from '../../../session/SessionContext';
import { mayOnPlan } from './cycleActor';
import { planToday } from './planToday';

/**
 * Where the plan stands in the school's record (E5, E6): the governing body's approval with its
 * meeting date and who recorded it, the published summary and its public address, and "start
 * next year's plan". Each control is offered only to those the policy lets use it.
 */
export function PlanStatusCard(props: { docId: string; schoolId: string }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const session = useSession();
  const [cycle, { refetch }] = createResource(() => props.schoolId || undefined, (id) => apiJson(SchoolCycle, `/schools/${id}/cycle`));
  const [message, setMessage] = createSignal<string>();
  const [error, setError] = createSignal<string>();
  const [nextPlanId, setNextPlanId] = createSignal<string>();
  const entry = () => cycle()?.plans.find((p) => p.docId === props.docId);
  const school = () => ({ id: props.schoolId, laCode: cycle()?.school.laCode });
  const may = (action: 'approve' | 'agree') => mayOnPlan(session.me(), action, school());
  const run = async (work: () => Promise<void>, done: string) => {
    setError(undefined);
    setMessage(undefined);
    try {
      await work();
      setMessage(done);
      await refetch();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  const approve = (event: SubmitEvent) => {
    event.preventDefault();
    const meetingDate = String(new FormData(event.currentTarget as HTMLFormElement).get('meetingDate') ?? '');
    void run(async () => { await postJson(`/plans/${encodeURIComponent(props.docId)}/approve`, { meetingDate }); }, t('plan.status.approvedNow'));
  };
  const publish = () => run(async () => { await postJson(`/plans/${encodeURIComponent(props.docId)}/publish`, {}); }, t('plan.status.publishedNow'));
  const nextYear = () => run(async () => {
    const created = Created.parse(await (await postJson(`/plans/${encodeURIComponent(props.docId)}/next-year`, {})).json());
    await session.refreshDocuments();
    setNextPlanId(created.id);
  }, t('plan.status.carriesForward'));
  const summaryHref = (lang: 'cy' | 'en', file = '') => `/summary/${props.schoolId}${file}?lang=${lang}`;
  // Practitioners work in the draft but do not read the school's record (P12): no card for them.
  return (
    <Show when={!cycle.error}>
    <section class="card plan-status" aria-labelledby="plan-status-heading" data-testid="plan-status">
      <header class="card__header"><h2 id="plan-status-heading">{t('plan.status.heading')}</h2></header>
      <div class="card__body">
        <Show when={entry()} fallback={<p class="muted">{cycle.loading ? t('common.loading') : t('plan.status.notApproved')}</p>}>
          {(plan) => (
            <>
              <Show when={plan().approved} fallback={<p data-testid="plan-not-approved">{t('plan.status.notApproved')}</p>}>
                {(approved) => (
                  <>
                    <p class="notice notice--ok" data-testid="plan-approved">{t('plan.status.approved', { date: formatDate(approved().meetingDate, locale()), name: approved().by })}</p>
                    <p class="hint">{t('plan.status.changedSinceApproval')}</p>
                  </>
                )}
              </Show>
              <Show when={may('approve')}>
                <form class="form form--inline" onSubmit={approve} data-testid="approve-form">
                  <div class="field">
                    <label for="plan-meeting-date">{t('plan.status.meetingDate')}</label>
                    <input id="plan-meeting-date" name="meetingDate" type="date" required max={planToday()} />
                  </div>
                  <button type="submit" class="button" data-testid="approve">{t('plan.status.approve')}</button>
                </form>
              </Show>
              <Show when={plan().published} fallback={<p data-testid="plan-not-published">{t('plan.status.notPublished')}</p>}>
                <p data-testid="plan-published">
                  {t('plan.status.published')}{' '}
                  <a href={summaryHref(locale())} rel="external" data-testid="public-summary-link">{t('plan.status.publicLink')}</a>
                  {' · '}<a href={summaryHref(locale(), '/summary.pdf')} rel="external" download="">PDF</a>
                </p>
              </Show>
              <Show when={may('agree') && plan().approved}>
                <button type="button" class="button" onClick={() => void publish()} data-testid="publish">{t('plan.status.publish')}</button>
              </Show>
              <Show when={may('agree')}>
                <p>
                  <button type="button" class="button button--secondary" onClick={() => void nextYear()} data-testid="next-year">{t('plan.status.nextYear')}</button>{' '}
                  <span class="hint">{t('plan.status.carriesForward')}</span>
                </p>
              </Show>
              <Show when={nextPlanId()}>
                {(id) => <p><A href={`/documents/${encodeURIComponent(id())}`} data-testid="next-year-plan">{t('plan.status.nextYearDone')}</A></p>}
              </Show>
            </>
          )}
        </Show>
        <Show when={message()}><p role="status" class="notice notice--ok" data-testid="plan-status-message">{message()}</p></Show>
        <Show when={error()}><p role="alert" class="notice notice--error">{error()}</p></Show>
      </div>
    </section>
    </Show>
  );
}
