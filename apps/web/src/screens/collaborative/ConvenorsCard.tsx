import { createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, apiRequest, postJson } from '../../api/http';
import { Convenors } from '../../api/conveningSchemas';
import { ApiError } from '../../api/problem';
import { formatDateTime } from '../../i18n/formatDate';
import { nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { createWatched } from '../convening/createWatched';
import { PersonSearch } from '../convening/PersonSearch';

/**
 * The collaborative's convenors (SPEC C306; server COLLABORATIVES.md G43-G45), for its convenors
 * and the officers of a member school's LA: who convenes, in which role at which member school,
 * who named them and when; a search of the member schools' leaders to name one more (up to the
 * server's most); a remove button wherever the server says the person may remove that convenor,
 * and for the last one the reason it stays instead; the trail of every change. A refusal (two
 * people at once, say) is shown in the person's language and the list read again. Read again on
 * every convening nudge, so a change made elsewhere shows within seconds.
 */
export function ConvenorsCard(props: { collaborativeId: string; onChanged: () => void }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const base = () => `/collaboratives/${encodeURIComponent(props.collaborativeId)}/convenors`;
  // Null once the server no longer lets this person see them (they took themselves off).
  const [data, reload] = createWatched(() => apiJson(Convenors, base()).catch((failure: unknown) => {
    if (failure instanceof ApiError && failure.status === 403) return null;
    throw failure;
  }));
  const done = (text: string) => {
    setMessage({ ok: true, text });
    reload();
    props.onChanged();
  };
  const failed = (failure: unknown) => {
    setMessage({ ok: false, text: errorText(failure) });
    reload();
  };

  const remove = async (person: { id: string; name: string }) => {
    if (!window.confirm(t('collaborative.convenors.confirmRemove', { name: person.name }))) return;
    try {
      await apiRequest(`${base()}/${encodeURIComponent(person.id)}`, { method: 'DELETE' });
      done(t('collaborative.convenors.removed', { name: person.name }));
    } catch (failure) {
      failed(failure);
    }
  };
  const name = async (person: { personId: string; name: string }) => {
    try {
      await postJson(base(), { personId: person.personId });
      done(t('collaborative.convenors.named', { name: person.name }));
    } catch (failure) {
      failed(failure);
    }
  };
  const who = (ref: { name?: string | null | undefined } | null | undefined) => ref?.name ?? t('collaborative.convenors.someone');

  return (
    <Show when={data() !== undefined || message()}>
      <Card labelledBy="convenors-heading" class="card--wide" testId="convenors-card">
        <CardHeader id="convenors-heading" title={t('collaborative.convenors.heading')} />
        <CardBody>
          <Show when={message()}>
            {(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'} data-testid="convenors-message">{m().text}</p>}
          </Show>
          <Show when={data()} fallback={<Show when={data() === null}><p class="muted">{t('collaborative.convenors.noLonger')}</p></Show>}>
            {(d) => (
              <>
                <p class="hint">{t('collaborative.convenors.intro', { max: d().max })}</p>
                <table class="table">
                  <thead>
                    <tr>
                      <th scope="col">{t('access.person')}</th><th scope="col">{t('collaborative.convenors.place')}</th>
                      <th scope="col">{t('access.grantedBy')}</th><th scope="col">{t('access.grantedAt')}</th>
                      <th scope="col"><span class="visually-hidden">{t('access.remove')}</span></th>
                    </tr>
                  </thead>
                  <tbody>
                    <For each={d().convenors}>
                      {(c) => (
                        <tr data-testid="convenor" data-person={c.person.id}>
                          <td>{c.person.name}</td>
                          {/* The school's name is in the page's language (C2), so the cell needs no lang of its own. */}
                          <td>{c.places.map((p) => t('collaborative.convenors.placeAt', { role: t(`roles.${p.role}`), school: nameIn(p.schoolName, locale()) })).join('; ')}</td>
                          <td>{c.grantedBy?.name ?? <span class="muted">{t('access.setUp')}</span>}</td>
                          <td><time datetime={c.grantedAt}>{formatDateTime(c.grantedAt, locale())}</time></td>
                          <td>
                            <Show when={c.removable} fallback={<Show when={d().convenors.length === 1}><span class="muted" data-testid="last-convenor">{t('collaborative.convenors.lastConvenor')}</span></Show>}>
                              <button type="button" class="button button--secondary button--small" aria-label={t('collaborative.convenors.removeLabel', { name: c.person.name })} onClick={() => void remove(c.person)}>
                                {t('access.remove')}
                              </button>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
                <Show when={d().mayName} fallback={<p class="muted" data-testid="convenors-full">{t('collaborative.convenors.full', { max: d().max })}</p>}>
                  <PersonSearch id="name-convenor" role="leader" path={`${base()}/candidates`} label={t('collaborative.convenors.find')}
                    actionLabel={t('collaborative.convenors.name')} exclude={d().convenors.map((c) => c.person.id)} onPick={(person) => void name(person)} />
                </Show>
                <h3>{t('collaborative.convenors.trail')}</h3>
                <ol class="plain-list" data-testid="convenors-trail">
                  <For each={d().trail} fallback={<li class="muted">{t('collaborative.convenors.noTrail')}</li>}>
                    {(e) => {
                      const words = () => ({ by: who(e.by), name: who(e.person) });
                      const key = () => (e.reason === 'lapsed' ? 'trailLapsed' : e.action === 'granted' ? 'trailGranted' : 'trailRevoked');
                      return (
                        <li data-testid="convenors-trail-entry" data-action={e.action}>
                          {t(`collaborative.convenors.${key()}`, words())}
                          {' '}<span class="muted">(<time datetime={e.at}>{formatDateTime(e.at, locale())}</time>)</span>
                        </li>
                      );
                    }}
                  </For>
                </ol>
              </>
            )}
          </Show>
        </CardBody>
      </Card>
    </Show>
  );
}
