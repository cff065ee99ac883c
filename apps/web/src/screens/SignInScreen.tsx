import { useNavigate, useSearchParams } from '@solidjs/router';
import { createSignal, Show } from 'solid-js';
import { useErrorText } from '../i18n/useErrorText';
import { useText } from '../i18n/useText';
import { useSession } from '../session/SessionContext';
import { usePageTitle } from './usePageTitle';
import { HwbRefusal, HwbSignInLink } from './hwb/HwbSignIn';
import { useSignInMethods } from './hwb/signInMethods';

export function SignInScreen() {
  const t = useText();
  const errorText = useErrorText();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams<{ next?: string; expired?: string; hwb?: string }>();
  const methods = useSignInMethods();
  const [error, setError] = createSignal<string>();
  const [busy, setBusy] = createSignal(false);
  usePageTitle(() => t('signIn.title'));

  const nextPath = () => (params.next && params.next.startsWith('/') && !params.next.startsWith('//') ? params.next : '/');

  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget as HTMLFormElement);
    setBusy(true);
    setError(undefined);
    try {
      await session.signIn(String(form.get('email') ?? ''), String(form.get('password') ?? ''));
      navigate(nextPath(), { replace: true });
    } catch (failure) {
      setError(errorText(failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <div class="narrow">
      <h1>{t('signIn.title')}</h1>
      <Show when={params.expired}>
        <p class="notice notice--warning" role="status">{t('signIn.expired')}</p>
      </Show>
      <Show when={params.hwb}>{(code) => <HwbRefusal code={code()} />}</Show>
      <Show when={methods()?.hwb}>
        <p>{t('hwb.intro')}</p>
        <HwbSignInLink next={nextPath()} />
      </Show>
      <Show when={methods()?.password !== false}>
        <Show when={methods()?.hwb}>
          <h2 class="sign-in-alternative">{t('hwb.orPassword')}</h2>
        </Show>
        <form class="form" onSubmit={submit} aria-describedby={error() ? 'sign-in-error' : undefined}>
          <label for="email">{t('signIn.email')}</label>
          <input id="email" name="email" type="email" autocomplete="username" required />
          <label for="password">{t('signIn.password')}</label>
          <input id="password" name="password" type="password" autocomplete="current-password" required />
          <Show when={error()}>
            <p id="sign-in-error" class="notice notice--error" role="alert">{error()}</p>
          </Show>
          <button type="submit" class="button" disabled={busy()}>{t('signIn.submit')}</button>
        </form>
      </Show>
    </div>
  );
}
