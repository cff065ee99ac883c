import { createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader } from '@cydweithio/ui';
import type { Me } from '../../api/schemas';
import { postJson } from '../../api/http';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { offeredSchoolRoles } from './schoolAccess';

/**
 * Invites someone to one of the school's roles (ACCESS.md A75). Offers only the roles the
 * model's grant policy lets this person give here (SPEC C115); the server decides again.
 */
export function SchoolInviteForm(props: { school: { id: string; laCode: number }; me: Me | undefined; onInvited: () => void }) {
  const t = useText();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [link, setLink] = createSignal<string>();
  const roles = () => offeredSchoolRoles(props.me, props.school);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      const response = await postJson(`/schools/${encodeURIComponent(props.school.id)}/invitations`, { email: data.get('email'), role: data.get('role') });
      const created = (await response.json()) as { url?: string };
      form.reset();
      setLink(created.url);
      setMessage({ ok: true, text: t('collaborative.invited', { email: String(data.get('email')) }) });
      props.onInvited();
    } catch (failure) {
      setLink(undefined);
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  return (
    <Card labelledBy="school-invite-heading" testId="school-invite-card">
      <CardHeader id="school-invite-heading" title={t('access.invite')} />
      <CardBody>
        <Show when={roles().length > 0} fallback={<p class="muted">{t('access.noGrantable')}</p>}>
          <form class="form" onSubmit={submit}>
            <label for="school-invite-email">{t('collaborative.inviteEmail')}</label>
            <input id="school-invite-email" name="email" type="email" required autocomplete="off" />
            <label for="school-invite-role">{t('collaborative.inviteRole')}</label>
            <select id="school-invite-role" name="role">
              <For each={roles()}>{(role) => <option value={role}>{t(`roles.${role}`)}</option>}</For>
            </select>
            <Show when={message()}>
              {(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}
            </Show>
            <Show when={link()}>
              <label for="school-invite-link">{t('collaborative.inviteLink')}</label>
              <input id="school-invite-link" readonly value={link()} onFocus={(e) => e.currentTarget.select()} />
            </Show>
            <button type="submit" class="button">{t('collaborative.inviteSubmit')}</button>
          </form>
        </Show>
      </CardBody>
    </Card>
  );
}
