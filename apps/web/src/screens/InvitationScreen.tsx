import { A, useNavigate, useParams } from '@solidjs/router';
import { createResource, createSignal, Show } from 'solid-js';
import { useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../api/http';
import { ApiError } from '../api/problem';
import { formatDate } from '../i18n/formatDate';
import { useLabels } from '../i18n/useLabels';
import { InvitationDetails } from '../api/schemas';
import { langOf, nameIn } from '../i18n/names';
import { useErrorText } from '../i18n/useErrorText';
import { useText } from '../i18n/useText';
import { useSession } from '../session/SessionContext';
import { usePageTitle } from './usePageTitle';
import { HwbSignInLink } from './hwb/HwbSignIn';
import { useSignInMethods } from './hwb/signInMethods';

/**
 * Landing page of an invitation link. Signed in: one button. New to the service: a name and a
 * password create the account as the invitation is accepted. Errors in the person's language.
 */
/** The refusals of a team place the person can mend, by the policy's reason (server P128). */
const missingRole: Record<string, string> = {
  'peer-review.team.reviewer-not-staff': 'reviewerNotStaff',
  'peer-review.team.not-facilitator': 'notFacilitator',
  'peer-review.team.one-lead': 'oneLead',
};

export default function InvitationScreen() {
  const t = useText();
  const label = useLabels();
  const locale = useLocale();
  const errorText = useErrorText();
  const params = useParams<{ token: string }>();
  const session = useSession();
  const navigate = useNavigate();
  // The failure itself is kept, so its message follows a change of language.
  const [failed, setFailed] = createSignal<{ failure: unknown }>();
  const methods = useSignInMethods();
  const path = () => `/invitations/${encodeURIComponent(params.token)}`;
  const [details] = createResource(path, (p) => apiJson(InvitationDetails, p).catch((failure: unknown) => (setFailed({ failure }), undefined)));
  const title = () => (details()?.teamRole ? t('invitation.team.title') : t('invitation.title'));
  usePageTitle(title);
  /** C296: a team place the person does not fit yet says what is missing and that the link stays open. */
  const refusal = (failure: unknown): string => {
    if (!(failure instanceof ApiError) || failure.code !== 'invitation.team-role-missing') return errorText(failure);
    const key = missingRole[failure.detail ?? ''];
    const expires = details()?.expiresAt;
    return key && expires ? t(`invitation.team.missing.${key}`, { date: formatDate(expires, locale()) }) : errorText(failure);
  };

  /**
   * C116: an invitation names one address and only its account may accept (A67). Signed in with
   * another address, the page says so, and why, instead of offering a button the server refuses.
   */
  const wrongAddress = () => {
    const invited = details()?.email;
    const you = session.me()?.person.email;
    return invited && you && invited.toLowerCase() !== you.toLowerCase() ? { email: invited, you } : undefined;
  };
  const signOutHere = async () => {
    await session.signOut();
    navigate(`/sign-in?next=${encodeURIComponent(path())}`);
  };

  const error = () => {
    const f = failed();
    return f ? refusal(f.failure) : undefined;
  };

  const accept = async (body: object) => {
    setFailed(undefined);
    try {
      const accepted = (await (await postJson(`${path()}/accept`, body)).json()) as { documentId?: string | null };
      await session.refresh();
      // A team place lands on its review (C296); anything else on home.
      navigate(accepted.documentId ? `/documents/${encodeURIComponent(accepted.documentId)}` : '/');
    } catch (failure) {
      // A reviewer's new account is made and signed in even when the place must wait (server P128).
      if (failure instanceof ApiError && failure.code === 'invitation.team-role-missing') await session.refresh();
      setFailed({ failure });
    }
  };
  const createAccount = (event: SubmitEvent) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget as HTMLFormElement);
    void accept({ name: String(data.get('name') ?? ''), password: String(data.get('password') ?? '') });
  };

  return (
    <div class="narrow">
      <h1>{title()}</h1>
      <Show when={details()?.review}>
        {(review) => (
          <div data-testid="invitation-review">
            <p>
              {t('invitation.team.toJoin')} <strong>{review().titles?.[locale()] || review().title}</strong>
              <Show when={review().hostSchool}>
                {(school) => <> ({t('invitation.team.hostedBy')} <span lang={langOf(school().name, locale())}>{nameIn(school().name, locale())}</span>)</>}
              </Show>
            </p>
            <p>{t('invitation.team.place', { role: label('teamRole', details()?.teamRole ?? '') })}</p>
            <Show when={details()?.teamRole === 'host-staff'}>
              <p>{t('invitation.team.hostRole', { role: t(`roles.${details()?.role ?? ''}`) })}</p>
            </Show>
          </div>
        )}
      </Show>
      <Show when={details() && !details()?.review ? details() : undefined}>
        {(d) => (
          <p>
            {t('invitation.toJoin')} <strong lang={langOf(d().collaborative?.name ?? d().school?.name, locale())}>{nameIn(d().collaborative?.name ?? d().school?.name, locale())}</strong>
            {' – '}
            {t(`roles.${d().role}`)}
          </p>
        )}
      </Show>
      <Show when={error()}>
        <p class="notice notice--error" role="alert">{error()}</p>
      </Show>
      <Show
        when={session.status() === 'signed-in'}
        fallback={
          <>
            <Show when={methods()?.hwb}>
              <p><HwbSignInLink next={path()} label="acceptWithHwb" /></p>
            </Show>
            <p>{t('invitation.haveAccount')} <A href={`/sign-in?next=${encodeURIComponent(path())}`}>{t('signIn.title')}</A></p>
            <Show when={methods()?.password !== false}>
              <form class="form" onSubmit={createAccount}>
                <label for="invite-name">{t('invitation.name')}</label>
                <input id="invite-name" name="name" autocomplete="name" required />
                <label for="invite-password">{t('invitation.password')}</label>
                <input id="invite-password" name="password" type="password" autocomplete="new-password" minlength="12" required aria-describedby="invite-password-hint" />
                <p id="invite-password-hint" class="hint">{t('invitation.passwordHint')}</p>
                <button type="submit" class="button">{t('invitation.createAndAccept')}</button>
              </form>
            </Show>
          </>
        }
      >
        <Show
          when={wrongAddress()}
          fallback={<button type="button" class="button" onClick={() => void accept({})}>{t('invitation.accept')}</button>}
        >
          {(w) => (
            <div class="notice notice--error" role="alert" data-testid="invitation-wrong-address">
              <p>{t('invitation.wrongAddress', w())}</p>
              <button type="button" class="button button--secondary" onClick={() => void signOutHere()}>{t('shell.signOut')}</button>
            </div>
          )}
        </Show>
      </Show>
    </div>
  );
}
