import { A, useNavigate } from '@solidjs/router';
import { Show } from 'solid-js';
import { useText } from '../i18n/useText';
import { useSession } from '../session/SessionContext';
import { LanguageSwitch } from './LanguageSwitch';
import { UnreadNotificationsLink } from './UnreadNotificationsLink';
import { forgetUnread } from './unreadNotifications';

const laRoles = new Set(['la-facilitator', 'la-officer']);

export function AppHeader() {
  const t = useText();
  const session = useSession();
  const navigate = useNavigate();
  const signedIn = () => session.status() === 'signed-in' && session.me() !== undefined;
  const isLa = () => session.me()?.roles.some((r) => laRoles.has(r.role)) ?? false;
  const isFacilitator = () => session.me()?.roles.some((r) => r.role === 'la-facilitator') ?? false;
  const signOut = async () => {
    await session.signOut();
    forgetUnread();
    navigate('/sign-in');
  };
  return (
    <header class="app-header">
      <A href="/" class="app-header__brand">Cydweithio</A>
      <Show when={signedIn()}>
        <nav aria-label={t('shell.mainNav')}>
          <ul class="app-header__nav">
            <li><A href="/" end>{t('shell.home')}</A></li>
            <li><A href="/search" data-testid="nav-search">{t('search.title')}</A></li>
            <Show when={isLa()}>
              <li><A href="/la">{t('shell.laOverview')}</A></li>
            </Show>
            <Show when={isFacilitator()}>
              <li><A href="/caseload" data-testid="nav-caseload">{t('cycle.caseload')}</A></li>
            </Show>
            <li><UnreadNotificationsLink personId={session.me()?.person.id ?? ''} /></li>
          </ul>
        </nav>
      </Show>
      <div class="app-header__tools">
        <LanguageSwitch />
        <Show when={signedIn()}>
          <span class="app-header__person">{session.me()?.person.name}</span>
          <button type="button" class="button button--secondary" onClick={signOut}>{t('shell.signOut')}</button>
        </Show>
      </div>
    </header>
  );
}
