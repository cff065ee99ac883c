import { Navigate, useLocation, type RouteSectionProps } from '@solidjs/router';
import { Match, Switch } from 'solid-js';
import { useText } from '../i18n/useText';
import { useSession } from '../session/SessionContext';

/** Screens behind sign-in. An expired session goes back to sign-in; local copies stay (SPEC C8). */
export function RequireSession(props: RouteSectionProps) {
  const session = useSession();
  const location = useLocation();
  const t = useText();
  const next = () => encodeURIComponent(location.pathname);
  return (
    <Switch>
      <Match when={session.status() === 'loading' && !session.me()}>
        <p role="status" class="loading">{t('common.loading')}</p>
      </Match>
      <Match when={session.status() === 'signed-out'}>
        <Navigate href={`/sign-in?next=${next()}`} />
      </Match>
      <Match when={session.status() === 'expired'}>
        <Navigate href={`/sign-in?expired=1&next=${next()}`} />
      </Match>
      <Match when={true}>{props.children}</Match>
    </Switch>
  );
}
