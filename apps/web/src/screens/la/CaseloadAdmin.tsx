import { createMemo, createResource, createSignal, For, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson, apiRequest, postJson } from '../../api/http';
import { CoverageMap, Team } from '../../api/laSchemas';
import { nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';

/**
 * O21: the LA's facilitators and their caseloads; an officer assigns a school to a facilitator
 * or takes it off (the server's policy decides, P84). Schools by number, facilitators by name.
 */
export function CaseloadAdmin(props: { laCode: number }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [version, setVersion] = createSignal(0);
  const [team] = createResource(() => [props.laCode, version()] as const, ([la]) => apiJson(Team, `/la/${la}/team`));
  const [schools] = createResource(() => props.laCode, (la) => apiJson(CoverageMap, `/la/${la}/coverage-map`));
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const nameOf = createMemo(() => new Map((schools()?.schools ?? []).map((s) => [s.id, nameIn(s.name, locale())])));
  const done = (text: string) => { setMessage({ ok: true, text }); setVersion((n) => n + 1); };
  const assign = async (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    try {
      await postJson(`/la/${props.laCode}/caseloads`, { facilitatorId: data.get('facilitatorId'), schoolId: data.get('schoolId') });
      done(t('laPicture.assigned'));
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  const remove = async (facilitatorId: string, schoolId: string) => {
    try {
      await apiRequest(`/la/${props.laCode}/caseloads/${encodeURIComponent(facilitatorId)}/${schoolId}`, { method: 'DELETE' });
      done(t('laPicture.unassigned'));
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  return (
    <section aria-labelledby="la-admin" data-testid="la-admin">
      <h2 id="la-admin">{t('laPicture.adminHeading')}</h2>
      <Show when={team()} fallback={<p class="muted">{team.error ? errorText(team.error) : t('laPicture.loading')}</p>}>
        {(tm) => (
          <>
            <Show when={tm().mayAssign}>
              <form class="form form--inline" onSubmit={assign} data-testid="caseload-form">
                <div class="field">
                  <label for="caseload-facilitator">{t('laPicture.facilitator')}</label>
                  <select id="caseload-facilitator" name="facilitatorId" required>
                    <For each={tm().facilitators}>{(f) => <option value={f.id}>{f.name}</option>}</For>
                  </select>
                </div>
                <div class="field">
                  <label for="caseload-school">{t('la.school')}</label>
                  <select id="caseload-school" name="schoolId" required>
                    <For each={schools()?.schools ?? []}>{(s) => <option value={s.id}>{nameIn(s.name, locale())}</option>}</For>
                  </select>
                </div>
                <button type="submit" class="button">{t('laPicture.assign')}</button>
              </form>
            </Show>
            <Show when={message()}>{(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}</Show>
            <For each={tm().facilitators}>
              {(f) => (
                <details class="la-group" data-testid="caseload" data-facilitator={f.id}>
                  <summary><span class="la-group__title">{f.name}</span> <span class="muted">{t('laPicture.caseloadCount', { count: f.schoolIds.length })}</span></summary>
                  <ul class="plain-list">
                    <For each={f.schoolIds}>
                      {(id) => (
                        <li data-school={id}>
                          {nameOf().get(id) ?? id}{' '}
                          <Show when={tm().mayAssign}>
                            <button type="button" class="button button--small button--secondary" onClick={() => void remove(f.id, id)} aria-label={t('laPicture.unassignFor', { school: nameOf().get(id) ?? id, name: f.name })}>
                              {t('laPicture.unassign')}
                            </button>
                          </Show>
                        </li>
                      )}
                    </For>
                  </ul>
                </details>
              )}
            </For>
            <p class="hint">{t('laPicture.officers', { names: tm().officers.map((o) => o.name).join(', ') })}</p>
          </>
        )}
      </Show>
    </section>
  );
}
