import { createResource, createSignal, For, onMount, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { teamRoles } from '@cydweithio/model/domain/reviewTeam';
import { apiJson, apiRequest, postJson } from '../../../api/http';
import { TeamInvitations } from '../../../api/schemas';
import { formatDate } from '../../../i18n/formatDate';
import { useErrorText } from '../../../i18n/useErrorText';
import { useLabels } from '../../../i18n/useLabels';
import { useText } from '../../../i18n/useText';

/** The host-school roles a host-staff invitation offers (the model's hostStaffRoles; the server decides again). */
const hostStaffRoles = ['practitioner', 'senior-leader', 'headteacher'] as const;

/**
 * C294-C295: the host invites someone by email onto the team (server G37-G39): an address, the
 * team place and, for host staff, the role at the host school that comes with it. The open
 * invitations are listed with address, place and expiry, each withdrawn with one button.
 */
export default function TeamInvitationsPanel(props: { docId: string }) {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const errorText = useErrorText();
  const base = () => `/peer-reviews/${encodeURIComponent(props.docId)}/team-invitations`;
  const [open, { refetch }] = createResource(base, (path) => apiJson(TeamInvitations, path).then((r) => r.invitations).catch(() => []));
  const [teamRole, setTeamRole] = createSignal<string>('host-staff');
  // The message is kept as a function so that it follows a change of language.
  const [message, setMessage] = createSignal<{ ok: boolean; text: () => string }>();
  const [link, setLink] = createSignal<string>();
  let emailInput: HTMLInputElement | undefined;
  // Opened from its button: the person carries on where the form starts.
  onMount(() => emailInput?.focus());

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const data = new FormData(form);
    const email = String(data.get('email') ?? '').trim();
    const role = String(data.get('teamRole') ?? 'reviewer');
    try {
      const body = role === 'host-staff' ? { email, teamRole: role, schoolRole: data.get('schoolRole') } : { email, teamRole: role };
      const created = (await (await postJson(base(), body)).json()) as { url?: string };
      form.reset();
      setTeamRole('host-staff');
      setLink(created.url);
      setMessage({ ok: true, text: () => t('peerReview.invite.sent', { email }) });
      await refetch();
    } catch (failure) {
      setLink(undefined);
      setMessage({ ok: false, text: () => errorText(failure) });
    }
  };
  const withdraw = async (id: string, email: string) => {
    try {
      await apiRequest(`${base()}/${encodeURIComponent(id)}`, { method: 'DELETE' });
      setLink(undefined);
      setMessage({ ok: true, text: () => t('peerReview.invite.withdrawn', { email }) });
      await refetch();
    } catch (failure) {
      setMessage({ ok: false, text: () => errorText(failure) });
    }
  };

  return (
    <div class="team-invitations" data-testid="team-invitations">
      <h3 id="team-invite-heading">{t('peerReview.invite.heading')}</h3>
      <p class="hint" id="team-invite-hint">{t('peerReview.invite.explain')}</p>
      <form class="form" onSubmit={(e) => void submit(e)} aria-labelledby="team-invite-heading" aria-describedby="team-invite-hint" data-testid="team-invite-form">
        <label for="team-invite-email">{t('peerReview.invite.email')}</label>
        <input ref={emailInput} id="team-invite-email" name="email" type="email" required maxlength="320" autocomplete="off" />
        <label for="team-invite-role">{t('peerReview.invite.teamRole')}</label>
        <select id="team-invite-role" name="teamRole" value={teamRole()} onChange={(e) => setTeamRole(e.currentTarget.value)}>
          <For each={teamRoles}>{(role) => <option value={role}>{label('teamRole', role)}</option>}</For>
        </select>
        <Show
          when={teamRole() === 'host-staff'}
          fallback={<p class="hint" data-testid="team-invite-own-role">{t(teamRole() === 'facilitator' ? 'peerReview.invite.ownLaRole' : 'peerReview.invite.ownSchoolRole')}</p>}
        >
          <label for="team-invite-school-role">{t('peerReview.invite.schoolRole')}</label>
          <select id="team-invite-school-role" name="schoolRole">
            <For each={hostStaffRoles}>{(role) => <option value={role}>{t(`roles.${role}`)}</option>}</For>
          </select>
        </Show>
        <Show when={message()}>
          {(m) => <p class={`notice ${m().ok ? 'notice--ok' : 'notice--error'}`} role={m().ok ? 'status' : 'alert'}>{m().text()}</p>}
        </Show>
        <Show when={link()}>
          <label for="team-invite-link">{t('peerReview.invite.link')}</label>
          <input id="team-invite-link" readonly value={link()} onFocus={(e) => e.currentTarget.select()} />
        </Show>
        <button type="submit" class="button button--small">{t('peerReview.invite.submit')}</button>
      </form>
      <Show when={(open() ?? []).length > 0}>
        <h4 id="team-pending-heading">{t('peerReview.invite.pending')}</h4>
        <ul class="plain-list" aria-labelledby="team-pending-heading" data-testid="team-pending">
          <For each={open() ?? []}>
            {(invitation) => (
              <li>
                <strong>{invitation.email}</strong>
                <span class="tag tag--quiet">{label('teamRole', invitation.teamRole)}</span>
                <Show when={invitation.schoolRole}>{(role) => <span class="muted"> {t(`roles.${role()}`)}</span>}</Show>
                <span class="muted"> – {t('peerReview.invite.expires', { date: formatDate(invitation.expiresAt, locale()) })}</span>
                <button type="button" class="button button--small button--quiet" onClick={() => void withdraw(invitation.id, invitation.email ?? '')} data-testid="team-invite-withdraw">
                  {t('peerReview.invite.withdraw', { email: invitation.email ?? '' })}
                </button>
              </li>
            )}
          </For>
        </ul>
      </Show>
    </div>
  );
}
