import { createResource, createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { Ledger, type LedgerLine } from '../../api/laSchemas';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { bumpLaRevision, laRevision, useLaRole } from './laContext';
import { useDomainLabel } from './laLabels';

/**
 * O13-O15: per school (in number order) its support by source against the priority it serves,
 * days planned and used, and the support level; a school below its setting's minimum
 * facilitator days is flagged in words. LA roles only (the server refuses anyone else).
 */
export function SupportLedger(props: { laCode: number }) {
  const t = useText();
  const locale = useLocale();
  const label = useDomainLabel();
  const errorText = useErrorText();
  const [ledger] = createResource(() => [props.laCode, laRevision()] as const, ([la]) => apiJson(Ledger, `/la/${la}/ledger`));
  const days = (n: number | null) => (n === null ? '–' : n.toLocaleString(locale() === 'cy' ? 'cy-GB' : 'en-GB'));
  return (
    <section aria-labelledby="la-ledger" data-testid="la-ledger">
      <h2 id="la-ledger">{t('laPicture.ledgerHeading')}</h2>
      <p class="hint">{t('laPicture.ledgerExplain')}</p>
      <Show when={ledger()} fallback={<p class="muted">{ledger.error ? errorText(ledger.error) : t('laPicture.loading')}</p>}>
        {(l) => (
          <table class="table">
            <caption class="visually-hidden">{t('laPicture.ledgerCaption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('la.school')}</th>
                <th scope="col">{t('laPicture.setting')}</th>
                <th scope="col">{t('laPicture.supportLevel')}</th>
                <th scope="col">{t('laPicture.facilitatorDays')}</th>
                <th scope="col">{t('laPicture.support')}</th>
              </tr>
            </thead>
            <tbody>
              <For each={l().schools}>
                {(s) => (
                  <tr data-testid="ledger-row" data-school={s.schoolId}>
                    <th scope="row" lang={langOf(s.name, locale())}>{nameIn(s.name, locale())}</th>
                    <td>{label('setting', s.setting)}</td>
                    <td>{t(`laPicture.level.${s.supportLevel === 'enhanced' ? 'enhanced' : 'core'}`)}</td>
                    <td>
                      {t('laPicture.daysOf', { planned: days(s.facilitatorDays.planned), used: days(s.facilitatorDays.used), minimum: days(s.minimumDays) })}
                      <Show when={s.belowMinimum}> <span class="la-flag" data-testid="below-minimum">{t('laPicture.belowMinimum')}</span></Show>
                    </td>
                    <td>
                      <Show when={s.lines.length > 0} fallback={<span class="muted">{t('laPicture.noneYet')}</span>}>
                        <details>
                          <summary>{t('laPicture.lines', { count: s.lines.length })}</summary>
                          <ul class="plain-list la-lines">
                            <For each={s.lines}>{(line) => <LedgerLineView line={line} schoolId={s.schoolId} days={days} />}</For>
                          </ul>
                        </details>
                      </Show>
                    </td>
                  </tr>
                )}
              </For>
            </tbody>
          </table>
        )}
      </Show>
    </section>
  );
}

function LedgerLineView(props: { line: LedgerLine; schoolId: string; days: (n: number | null) => string }) {
  const t = useText();
  const label = useDomainLabel();
  const role = useLaRole();
  const errorText = useErrorText();
  const [error, setError] = createSignal<string>();
  const id = () => `used-${props.schoolId}-${props.line.brokeredId ?? ''}`;
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    try {
      await postJson(`/la/brokered/${props.schoolId}/${encodeURIComponent(props.line.brokeredId ?? '')}`, { daysUsed: Number(data.get('daysUsed')), impact: data.get('impact') }, 'PATCH');
      bumpLaRevision();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <li data-testid="ledger-line" data-priority={props.line.priorityId} data-origin={props.line.origin}>
      <strong>{props.line.priorityTitle || props.line.priorityId}</strong>: {label('source', props.line.source)}, {props.line.provider}. {props.line.description}{' '}
      <span>{t('laPicture.lineDays', { planned: props.days(props.line.daysPlanned), used: props.days(props.line.daysUsed) })}</span>{' '}
      <span class="muted">({t(`laPicture.origin.${props.line.origin === 'brokered' ? 'brokered' : props.line.origin === 'review' ? 'review' : 'plan'}`)})</span>
      <Show when={props.line.impact}><p class="la-impact">{t('laPicture.impact')}: {props.line.impact}</p></Show>
      <Show when={props.line.brokeredId && role.mayBroker()}>
        <form class="form form--inline" onSubmit={save}>
          <div class="field">
            <label for={`${id()}-days`}>{t('laPicture.daysUsed')}</label>
            <input id={`${id()}-days`} name="daysUsed" type="number" min="0" max="365" step="0.5" value={props.line.daysUsed ?? 0} />
          </div>
          <div class="field">
            <label for={`${id()}-impact`}>{t('laPicture.impact')}</label>
            <input id={`${id()}-impact`} name="impact" maxLength={4000} value={props.line.impact} />
          </div>
          <button type="submit" class="button button--small">{t('laPicture.saveProgress')}</button>
          <Show when={error()}>{(e) => <p class="notice notice--error" role="alert">{e()}</p>}</Show>
        </form>
      </Show>
    </li>
  );
}
