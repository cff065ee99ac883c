import { A, useNavigate } from '@solidjs/router';
import { For, Show, createSignal } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { termWordsOf } from '@cydweithio/model/domain/recordSubjects';
import { academicYearLabel } from '@cydweithio/model/rules/schoolCalendar';
import { postJson } from '../../api/http';
import { Created, type Period, type SchoolCycle } from '../../api/cycleSchemas';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { SupportLevelForm } from './SupportLevelForm';

/** One school of the caseload: its support level, review periods in words, plan, and what to do next. */
export function CaseloadSchool(props: { entry: SchoolCycle; onChanged: () => void }) {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const errorText = useErrorText();
  const session = useSession();
  const navigate = useNavigate();
  const [error, setError] = createSignal<string>();
  const e = () => props.entry;
  const headingId = `caseload-${e().school.id}`;
  const draftOf = (p: Period) => e().reviews.find((r) => r.term === p.term && r.halfTerm === p.halfTerm);
  const approved = () => e().plans.find((p) => p.academicYear === e().academicYear && p.approved);
  const start = async (p: Period) => {
    setError(undefined);
    try {
      const created = Created.parse(await (await postJson('/reviews', { schoolId: e().school.id, term: p.term, ...(p.halfTerm === null ? {} : { halfTerm: p.halfTerm }) })).json());
      await session.refreshDocuments();
      navigate(`/documents/${encodeURIComponent(created.id)}`);
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <li class="card caseload-school" data-testid="caseload-school" data-school-id={e().school.id}>
      <h2 id={headingId} lang={langOf(e().school.name, locale())}>{nameIn(e().school.name, locale())} <span class="muted">({e().school.id})</span></h2>
      <p>
        <strong>{t('caseload.level')}:</strong> <span class="tag" data-testid="support-level">{label('supportLevel', e().supportLevel)}</span>
        {' '}<strong>{t('caseload.plan')}:</strong>{' '}
        <Show when={approved()} fallback={<span class="muted">{t('caseload.noPlan')}</span>}>
          {(plan) => <A href={`/documents/${encodeURIComponent(plan().docId)}`}>{t('caseload.planApproved', { year: academicYearLabel(plan().academicYear) })}</A>}
        </Show>
        {' · '}<A href={`/records/${encodeURIComponent(`school:${e().school.id}`)}`} data-testid="school-record">{t('caseload.schoolRecord')}</A>
      </p>
      <h3>{t('caseload.reviews')}</h3>
      <ul class="plain-list">
        <For each={e().schedule}>
          {(p) => (
            <li data-testid="review-period" data-state={p.state} data-term={p.term}>
              {termWordsOf(p.term, p.halfTerm as 1 | 2 | null, locale())}: <span class={`tag tag--state-${p.state}`}>{t(`caseload.${p.state}`)}</span>
              <Show when={draftOf(p)} fallback={
                <Show when={p.state !== 'confirmed' && approved()}>
                  <button type="button" class="button button--small" onClick={() => void start(p)} data-testid="start-review">
                    {t('caseload.start')}<span class="visually-hidden">: {termWordsOf(p.term, p.halfTerm as 1 | 2 | null, locale())}</span>
                  </button>
                </Show>
              }>
                {(draft) => (
                  <A href={`/documents/${encodeURIComponent(draft().docId)}`} data-testid="open-review">
                    {t('caseload.open')}<span class="visually-hidden">: {termWordsOf(p.term, p.halfTerm as 1 | 2 | null, locale())}</span>
                  </A>
                )}
              </Show>
            </li>
          )}
        </For>
      </ul>
      <Show when={error()}><p role="alert" class="notice notice--error">{error()}</p></Show>
      <SupportLevelForm entry={e()} onRecorded={props.onChanged} />
    </li>
  );
}
