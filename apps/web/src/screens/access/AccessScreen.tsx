import { useParams } from '@solidjs/router';
import { createResource, createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, apiRequest } from '../../api/http';
import { formatDate, formatDateTime } from '../../i18n/formatDate';
import { nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';
import { usePageTitle } from '../usePageTitle';
import { SchoolInviteForm } from './SchoolInviteForm';
import { SchoolAccess } from './schoolAccess';

/**
 * "Who has access to our school" (SPEC C114, ACCESS.md A73-A75): for the school's headteacher
 * and its LA's officer, every role at the school with who gave it and when, a remove button
 * where the policy allows it, the invitations still open, and an invitation form that offers
 * only the roles this person may give.
 */
export default function AccessScreen() {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const session = useSession();
  const params = useParams<{ schoolId: string }>();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [access, { refetch }] = createResource(() => params.schoolId, (id) =>
    apiJson(SchoolAccess, `/schools/${encodeURIComponent(id)}/access`).catch((failure: unknown) => {
      setMessage({ ok: false, text: errorText(failure) });
      return undefined;
    }));
  const schoolName = () => nameIn(access()?.school.name, locale());
  usePageTitle(() => t('access.title'));

  const remove = async (role: SchoolAccess['roles'][number]) => {
    const words = { role: t(`roles.${role.role}`), name: role.person.name };
    if (!window.confirm(t('access.confirmRemove', words))) return;
    try {
      await apiRequest(`/schools/${encodeURIComponent(params.schoolId)}/access/${encodeURIComponent(role.id)}`, { method: 'DELETE' });
      setMessage({ ok: true, text: t('access.removed', words) });
      void refetch();
    } catch (failure) {
      setMessage({ ok: false, text: errorText(failure) });
    }
  };

  return (
    <div class="access">
      <h1>{t('access.title')}</h1>
      <Show when={access()}>
        <p class="hint" data-testid="access-intro">{t('access.intro', { school: schoolName() })}</p>
      </Show>
      <Show when={message()}>
        {(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}
      </Show>
      <Show when={access()}>
        {(a) => (
          <div class="grid">
            <Card labelledBy="access-roles-heading" testId="access-roles" class="card--wide">
              <CardHeader id="access-roles-heading" title={t('access.roles')} />
              <CardBody>
                <table class="table">
                  <thead>
                    <tr><th scope="col">{t('access.person')}</th><th scope="col">{t('access.role')}</th><th scope="col">{t('access.grantedBy')}</th><th scope="col">{t('access.grantedAt')}</th><th scope="col"><span class="visually-hidden">{t('access.remove')}</span></th></tr>
                  </thead>
                  <tbody>
                    <For each={a().roles}>
                      {(role) => (
                        <tr data-testid="access-role" data-person={role.person.id}>
                          <td>{role.person.name}<br /><span class="muted">{role.person.email}</span></td>
                          <td>{t(`roles.${role.role}`)}</td>
                          <td>{role.grantedBy?.name ?? <span class="muted">{t('access.setUp')}</span>}</td>
                          <td><time datetime={role.grantedAt}>{formatDateTime(role.grantedAt, locale())}</time></td>
                          <td>
                            <Show when={role.removable}>
                              <button type="button" class="button button--secondary" aria-label={t('access.removeLabel', { role: t(`roles.${role.role}`), name: role.person.name })} onClick={() => void remove(role)}>
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
            <Card labelledBy="access-pending-heading" testId="access-pending">
              <CardHeader id="access-pending-heading" title={t('access.pending')} />
              <CardBody>
                <Show when={a().invitations.length > 0} fallback={<p class="muted">{t('access.noPending')}</p>}>
                  <ul class="plain-list">
                    <For each={a().invitations}>
                      {(invitation) => (
                        <li>
                          <strong>{invitation.email}</strong> – {t(`roles.${invitation.role}`)}
                          <span class="muted"> ({t('access.sentBy', { name: invitation.invitedBy.name ?? '', date: formatDate(invitation.expiresAt, locale()) })})</span>
                        </li>
                      )}
                    </For>
                  </ul>
                </Show>
              </CardBody>
            </Card>
            <SchoolInviteForm school={a().school} me={session.me()} onInvited={() => void refetch()} />
          </div>
        )}
      </Show>
    </div>
  );
}
