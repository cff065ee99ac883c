import { createResource, createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { Continuum } from '../../api/laSchemas';
import { formatDate } from '../../i18n/formatDate';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { placementKeys, useDomainLabel } from './laLabels';

/**
 * O19 (M8, P82): the LA's support continuum, for its officers' resource planning only: a
 * placement per school per area of focus, with its history. Schools in number order; there is
 * no count of schools per placement and nothing here reaches a school, a governor or an export.
 */
export function ContinuumPanel(props: { laCode: number }) {
  const t = useText();
  const locale = useLocale();
  const label = useDomainLabel();
  const errorText = useErrorText();
  const [version, setVersion] = createSignal(0);
  const [data] = createResource(() => [props.laCode, version()] as const, ([la]) => apiJson(Continuum, `/la/${la}/continuum`));
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const today = new Date().toISOString().slice(0, 10);
  const areaLabel = (id: string) => data()?.areas.find((a) => a.id === id)?.label[locale()] ?? id;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    try {
      await postJson(`/la/${props.laCode}/continuum`, {
        schoolId: data.get('schoolId'), areaId: data.get('areaId'), placement: data.get('placement'), decidedOn: data.get('decidedOn'), note: data.get('note') ?? '',
      });
      setMessage({ ok: true, text: t('laPicture.placementSaved') });
      setVersion((n) => n + 1);
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  return (
    <section aria-labelledby="la-continuum" data-testid="la-continuum">
      <h2 id="la-continuum">{t('laPicture.continuumHeading')}</h2>
      <p class="notice notice--warning">{t('laPicture.continuumPrivate')}</p>
      <Show when={data()} fallback={<p class="muted">{data.error ? errorText(data.error) : t('laPicture.loading')}</p>}>
        {(d) => (
          <>
            <form class="form form--inline" onSubmit={submit} data-testid="continuum-form">
              <div class="field">
                <label for="continuum-school">{t('la.school')}</label>
                <select id="continuum-school" name="schoolId" required>
                  <For each={d().schools}>{(s) => <option value={s.schoolId}>{nameIn(s.name, locale())}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="continuum-area">{t('laPicture.areaOfFocus')}</label>
                <select id="continuum-area" name="areaId" required>
                  <For each={d().areas}>{(a) => <option value={a.id}>{a.label[locale()]}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="continuum-placement">{t('laPicture.placement')}</label>
                <select id="continuum-placement" name="placement" required>
                  <For each={placementKeys}>{(p) => <option value={p}>{label('placement', p)}</option>}</For>
                </select>
              </div>
              <div class="field">
                <label for="continuum-date">{t('laPicture.decidedOn')}</label>
                <input id="continuum-date" name="decidedOn" type="date" required max={today} value={today} />
              </div>
              <div class="field">
                <label for="continuum-note">{t('laPicture.note')}</label>
                <input id="continuum-note" name="note" maxLength={4000} />
              </div>
              <button type="submit" class="button">{t('laPicture.savePlacement')}</button>
            </form>
            <Show when={message()}>{(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}</Show>
            <table class="table">
              <caption class="visually-hidden">{t('laPicture.continuumCaption')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('la.school')}</th>
                  <For each={d().areas}>{(a) => <th scope="col">{a.label[locale()]}</th>}</For>
                  <th scope="col">{t('laPicture.history')}</th>
                </tr>
              </thead>
              <tbody>
                <For each={d().schools}>
                  {(s) => (
                    <tr data-testid="continuum-row" data-school={s.schoolId}>
                      <th scope="row" lang={langOf(s.name, locale())}>{nameIn(s.name, locale())}</th>
                      <For each={d().areas}>{(a) => <td>{s.current[a.id] ? label('placement', s.current[a.id]?.placement ?? '') : '–'}</td>}</For>
                      <td>
                        <Show when={s.history.length > 0} fallback={<span class="muted">–</span>}>
                          <details>
                            <summary>{t('laPicture.decisions', { count: s.history.length })}</summary>
                            <ul class="plain-list">
                              <For each={s.history}>{(h) => <li>{formatDate(h.decidedOn, locale())}: {areaLabel(h.areaId)}, {label('placement', h.placement)} ({h.decidedByName}){h.note ? `: ${h.note}` : ''}</li>}</For>
                            </ul>
                          </details>
                        </Show>
                      </td>
                    </tr>
                  )}
                </For>
              </tbody>
            </table>
          </>
        )}
      </Show>
    </section>
  );
}
