import { For, createSignal, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { postJson } from '../../api/http';
import { langOf, nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useLabels } from '../../i18n/useLabels';
import { useText } from '../../i18n/useText';
import { useSession } from '../../session/SessionContext';

export function InvitationsCard() {
  const t = useText();
  const label = useLabels();
  const errorText = useErrorText();
  const locale = useLocale();
  const session = useSession();
  const [error, setError] = createSignal<string>();
  const collaborativeName = (id: string | null | undefined) => session.me()?.collaboratives.find((c) => c.id === id)?.name;
  const accept = async (token: string) => {
    setError(undefined);
    try {
      await postJson(`/invitations/${encodeURIComponent(token)}/accept`, {});
      await session.refresh();
    } catch (failure) {
      setError(errorText(failure));
    }
  };
  return (
    <Card labelledBy="invitations-heading" testId="invitations-card">
      <CardHeader id="invitations-heading" title={t('home.invitations')} />
      <CardBody>
        <Show when={error()}>
          <p class="notice notice--error" role="alert">{error()}</p>
        </Show>
        <ul class="plain-list">
          <For each={session.me()?.invitations ?? []}>
            {(invitation) => (
              <li class="invitation">
                <Show
                  when={invitation.teamRole}
                  fallback={
                    <>
                      <span lang={langOf(invitation.collaborativeName ?? collaborativeName(invitation.collaborativeId), locale())}>
                        {nameIn(invitation.collaborativeName ?? collaborativeName(invitation.collaborativeId), locale()) || t('home.aCollaborative')}
                      </span>
                      <Show when={invitation.role}>
                        <span class="muted"> – {t(`roles.${invitation.role ?? ''}`)}</span>
                      </Show>
                    </>
                  }
                >
                  {(teamRole) => <span>{t('invitation.team.card')}<span class="muted"> – {label('teamRole', teamRole())}</span></span>}
                </Show>
                <Show when={invitation.token} fallback={<p class="hint">{t('home.invitationByEmail')}</p>}>
                  {(token) => (
                    <button type="button" class="button button--small" onClick={() => accept(token())}>
                      {t('invitation.accept')}
                    </button>
                  )}
                </Show>
              </li>
            )}
          </For>
        </ul>
      </CardBody>
    </Card>
  );
}
