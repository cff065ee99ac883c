import { A } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, apiRequest } from '../../../api/http';
import { formatDateTime } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useText } from '../../../i18n/useText';
import { usePageTitle } from '../../usePageTitle';
import { useLaRole } from '../laContext';
import { LaGrantForm } from './LaGrantForm';
import { LaRoleTrail } from './LaRoleTrail';
import { LaAccess } from './laAccess';

/**
 * The LA's own roles (SPEC C288, OVERVIEW.md O40-O43), for its officers: who holds the
 * facilitator and officer roles with who gave each and when, a remove button where the model's
 * decideLaRevoke allows (never on the last officer), a form to give a role to someone working in
 * the LA, and the trail of grants and removals. The server decides every request again.
 */
export default function LaRolesScreen() {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const role = useLaRole();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [access, { refetch }] = createResource(() => role.laCode(), (la) =>
    apiJson(LaAccess, `/la/${la}/access`).catch((failure: unknown) => {
      setMessage({ ok: false, text: errorText(failure) });
      return undefined;
    }));
  usePageTitle(() => t('laRoles.title'));
  const done = (text: string) => {
    setMessage({ ok: true, text });
    void refetch();
  };

  const remove = async (held: LaAccess['roles'][number]) => {
    const words = { role: t(`roles.${held.role}`), name: held.person.name };
    if (!window.confirm(t('access.confirmRemove', words))) return;
    try {
      await apiRequest(`/la/${role.laCode() ?? ''}/access/${encodeURIComponent(held.id)}`, { method: 'DELETE' });
      done(t('access.removed', words));
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };

  return (
    <div class="access la-roles">
      <p><A href="/la">{t('laRoles.back')}</A></p>
      <h1>{t('laRoles.title')}</h1>
      <p class="hint">{t('laRoles.intro')}</p>
      <Show when={message()}>
        {(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}
      </Show>
      <Show when={role.laCode() === undefined}><p class="notice notice--error" role="alert">{t('errors.la-access.forbidden')}</p></Show>
      <Show when={access()}>
        {(a) => (
          <div class="grid">
            <Card labelledBy="la-roles-heading" testId="la-roles-holders" class="card--wide">
              <CardHeader id="la-roles-heading" title={t('laRoles.holders')} />
              <CardBody>
                <table class="table">
                  <thead>
                    <tr><th scope="col">{t('access.person')}</th><th scope="col">{t('access.role')}</th><th scope="col">{t('access.grantedBy')}</th><th scope="col">{t('access.grantedAt')}</th><th scope="col"><span class="visually-hidden">{t('access.remove')}</span></th></tr>
                  </thead>
                  <tbody>
                    <For each={a().roles}>
                      {(held) => (
                        <tr data-testid="la-role" data-person={held.person.id} data-role={held.role}>
                          <td>{held.person.name}<br /><span class="muted">{held.person.email}</span></td>
                          <td>{t(`roles.${held.role}`)}</td>
                          <td>{held.grantedBy?.name ?? <span class="muted">{t('access.setUp')}</span>}</td>
                          <td><time datetime={held.grantedAt}>{formatDateTime(held.grantedAt, locale())}</time></td>
                          <td>
                            <Show when={held.removable} fallback={<Show when={held.role === 'la-officer'}><span class="muted">{t('laRoles.lastOfficer')}</span></Show>}>
                              <button type="button" class="button button--secondary" aria-label={t('access.removeLabel', { role: t(`roles.${held.role}`), name: held.person.name })} onClick={() => void remove(held)}>
                                {t('access.remove')}
                              </button>
                            </Show>
                          </td>
                        </tr>
                      )}
                    </For>
                  </tbody>
                </table>
              </CardBody>
            </Card>
            <LaGrantForm laCode={a().laCode} grantable={a().grantable} onGiven={done} />
            <LaRoleTrail trail={a().trail} />
          </div>
        )}
      </Show>
    </div>
  );
}
