import { createMemo, createSignal, For, Show, type Accessor } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { grantableRoles, type GrantScope } from '@cydweithio/model/policy/grants';
import { collaborativeRoles, isSchoolRole, schoolRoles, type Role, type RoleAssignment } from '@cydweithio/model/domain/person';
import type { CollaborativeDirectory, Me } from '../../api/schemas';
import { nameIn } from '../../i18n/names';
import { postJson } from '../../api/http';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';

/**
 * Invitations through a collaborative (SPEC C115): the roles offered are exactly those the
 * model's grant policy lets this person give (grantableRoles): a convenor's collaborative roles
 * (co-convenor, member contact), and a school's roles only at a member school they answer for.
 * The server decides every invitation again; this list only avoids offering a refusal.
 */
export function InviteForm(props: { collaborativeId: string; directory: Accessor<CollaborativeDirectory | undefined>; me: Accessor<Me | undefined> }) {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [message, setMessage] = createSignal<{ ok: boolean; text: string }>();
  const [link, setLink] = createSignal<string>();
  const [role, setRole] = createSignal<Role>();
  const actor = () => {
    const me = props.me();
    return me ? { personId: me.person.id, roles: me.roles as unknown as RoleAssignment[] } : undefined;
  };
  const members = () => props.directory()?.members ?? [];
  const collaborativeScope = (): GrantScope => ({
    type: 'collaborative', collaborativeId: props.collaborativeId, memberSchoolIds: members().map((m) => m.id),
    memberLaCodes: [...new Set(members().flatMap((m) => (m.laCode === undefined ? [] : [m.laCode])))],
  });
  /** For each school role, the member schools where this person may give it. */
  const schoolsFor = (schoolRole: Role) => {
    const a = actor();
    if (!a) return [];
    return members().filter((m) => m.laCode !== undefined && grantableRoles(a, { type: 'school', schoolId: m.id, laCode: m.laCode }, [schoolRole]).length > 0);
  };
  const offered = createMemo<Role[]>(() => {
    const a = actor();
    if (!a) return [];
    return [...grantableRoles(a, collaborativeScope(), collaborativeRoles), ...schoolRoles.filter((r) => schoolsFor(r).length > 0)];
  });
  const chosen = () => role() ?? offered()[0];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const picked = chosen();
    try {
      const response = await postJson(`/collaboratives/${encodeURIComponent(props.collaborativeId)}/invitations`, {
        email: data.get('email'),
        role: picked,
        ...(picked && isSchoolRole(picked) ? { schoolId: data.get('schoolId') } : {}),
      });
      const created = (await response.json()) as { url?: string };
      // Reset first: reset() would also clear the read-only link field shown below.
      form.reset();
      setRole(undefined);
      setLink(created.url);
      setMessage({ ok: true, text: t('collaborative.invited', { email: String(data.get('email')) }) });
    } catch (failure) {
      setLink(undefined);
      setMessage({ ok: false, text: errorText(failure) });
    }
  };
  return (
    <Show when={offered().length > 0}>
      <Card labelledBy="invite-heading" testId="invite-card">
        <CardHeader id="invite-heading" title={t('collaborative.invite')} />
        <CardBody>
          <form class="form" onSubmit={submit}>
            <label for="invite-email">{t('collaborative.inviteEmail')}</label>
            <input id="invite-email" name="email" type="email" required autocomplete="off" />
            <label for="invite-role">{t('collaborative.inviteRole')}</label>
            <select id="invite-role" name="role" onChange={(e) => setRole(e.currentTarget.value as Role)}>
              <For each={offered()}>{(r) => <option value={r} selected={r === chosen()}>{t(`roles.${r}`)}</option>}</For>
            </select>
            <Show when={chosen() && isSchoolRole(chosen() as Role)}>
              <label for="invite-school">{t('collaborative.inviteSchool')}</label>
              <select id="invite-school" name="schoolId" required>
                <For each={schoolsFor(chosen() as Role)}>{(s) => <option value={s.id}>{nameIn(s.name, locale())}</option>}</For>
              </select>
            </Show>
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
    </Show>
  );
}
