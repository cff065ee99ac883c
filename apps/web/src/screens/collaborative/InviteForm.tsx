import { createSignal, For, Show, type Accessor } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import type { CollaborativeDirectory } from '../../api/schemas';
import { nameIn } from '../../i18n/names';
import { postJson } from '../../api/http';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';

const invitableRoles = ['headteacher', 'senior-leader', 'practitioner', 'governor', 'convenor'] as const;

/** The convenor invites people to the collaborative by email, for a role at a member school. */
export function InviteForm(props: { collaborativeId: string; directory: Accessor<CollaborativeDirectory | undefined> }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [link, setLink] = createSignal<string>();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    try {
      const response = await postJson(`/collaboratives/${encodeURIComponent(props.collaborativeId)}/invitations`, {
        email: data.get('email'),
        role: data.get('role'),
        schoolId: data.get('schoolId'),
      });
      const created = (await response.json()) as { url?: string };
      // Reset first: reset() would also clear the read-only link field shown below.
      form.reset();
      setLink(created.url);
      setMessage({ ok: true, text: t('collaborative.invited', { email: String(data.get('email')) }) });
    } catch (failure) {
      setLink(undefined);
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  return (
    <Card labelledBy="invite-heading" testId="invite-card">
      <CardHeader id="invite-heading" title={t('collaborative.invite')} />
      <CardBody>
        <form class="form" onSubmit={submit}>
          <label for="invite-email">{t('collaborative.inviteEmail')}</label>
          <input id="invite-email" name="email" type="email" required autocomplete="off" />
          <label for="invite-role">{t('collaborative.inviteRole')}</label>
          <select id="invite-role" name="role">
            <For each={invitableRoles}>{(role) => <option value={role}>{t(`roles.${role}`)}</option>}</For>
          </select>
          <label for="invite-school">{t('collaborative.inviteSchool')}</label>
          <select id="invite-school" name="schoolId" required>
            <For each={props.directory()?.members ?? []}>{(s) => <option value={s.id}>{nameIn(s.name, locale())}</option>}</For>
          </select>
          <Show when={message()}>
            {(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text}</p>}
          </Show>
          <Show when={link()}>
            <label for="invite-link">{t('collaborative.inviteLink')}</label>
            <input id="invite-link" readonly value={link()} onFocus={(e) => e.currentTarget.select()} />
          </Show>
          <button type="submit" class="button">{t('collaborative.inviteSubmit')}</button>
        </form>
      </CardBody>
    </Card>
  );
}
