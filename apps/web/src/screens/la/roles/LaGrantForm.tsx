import { createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../../api/http';
import { nameIn } from '../../../i18n/names';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { LaPeople, type LaPerson } from './laAccess';

/**
 * O41-O42: find someone working in the LA by name or email, choose them and one of the roles
 * this officer may give (the server's answer from the model's grantableRoles), and give it.
 * A typed name grants nothing: only a person the server found can be chosen.
 */
export function LaGrantForm(props: { laCode: number; grantable: readonly string[]; onGiven: (text: string) => void }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [found, setFound] = createSignal<LaPerson[]>();
  const [searched, setSearched] = createSignal('');
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();

  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    const query = String(new FormData(event.currentTarget as HTMLFormElement).get('q') ?? '').trim();
    setMessage(undefined);
    try {
      const answer = await apiJson(LaPeople, `/la/${props.laCode}/access/people?q=${encodeURIComponent(query)}`);
      setSearched(query);
      setFound(answer.people);
    } catch (failure) {
      setFound(undefined);
      setMessage({ ok: false, text: errorText(failure) });
    }
  };

  const give = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const person = found()?.find((p) => p.id === data.get('personId'));
    const role = String(data.get('role') ?? '');
    if (!person) {
      setMessage({ ok: false, text: t('laRoles.choosePerson') });
      return;
    }
    try {
      await postJson(`/la/${props.laCode}/access`, { personId: person.id, role });
      setFound(undefined);
      props.onGiven(t('laRoles.given', { name: person.name, role: t(`roles.${role}`) }));
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };

  const place = (p: LaPerson['places'][number]) =>
    p.schoolName ? t('laRoles.placeAtSchool', { role: t(`roles.${p.role}`), school: nameIn(p.schoolName, locale()) }) : t(`roles.${p.role}`);

  return (
    <Card labelledBy="la-roles-grant-heading" testId="la-roles-grant">
      <CardHeader id="la-roles-grant-heading" title={t('laRoles.grant')} />
      <CardBody>
        <Show when={props.grantable.length > 0} fallback={<p class="muted">{t('laRoles.noGrantable')}</p>}>
          <form class="form form--inline" role="search" onSubmit={search} data-testid="la-roles-search">
            <div class="field">
              <label for="la-roles-query">{t('laRoles.searchLabel')}</label>
              <input id="la-roles-query" name="q" type="search" required minLength={2} maxLength={100} autocomplete="off" />
            </div>
            <button type="submit" class="button button--secondary">{t('laRoles.find')}</button>
          </form>
          <Show when={found()}>
            {(people) => (
              <>
                <p role="status" class="hint" data-testid="la-roles-found">
                  {people().length > 0 ? t('laRoles.foundCount', { count: people().length }) : t('laRoles.noneFound', { query: searched() })}
                </p>
                <Show when={people().length > 0}>
                  <form class="form" onSubmit={give} data-testid="la-roles-give">
                    <fieldset class="choice">
                      <legend>{t('laRoles.who')}</legend>
                      <For each={people()}>
                        {(p) => (
                          <label class="choice-item" data-testid="la-roles-candidate" data-person={p.id}>
                            <input type="radio" name="personId" value={p.id} checked={people().length === 1} required />
                            {p.name} <span class="muted">{p.email} · {p.places.map(place).join('; ')}</span>
                          </label>
                        )}
                      </For>
                    </fieldset>
                    <div class="field">
                      <label for="la-roles-role">{t('laRoles.roleLabel')}</label>
                      <select id="la-roles-role" name="role" required>
                        <For each={props.grantable}>{(role) => <option value={role}>{t(`roles.${role}`)}</option>}</For>
                      </select>
                    </div>
                    <button type="submit" class="button">{t('laRoles.give')}</button>
                  </form>
                </Show>
              </>
            )}
          </Show>
        </Show>
        <Show when={message()}>{(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role="alert">{m().text}</p>}</Show>
      </CardBody>
    </Card>
  );
}
