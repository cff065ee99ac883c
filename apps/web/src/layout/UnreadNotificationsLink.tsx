import { A } from '@solidjs/router';
import { createEffect, onCleanup, Show } from 'solid-js';
import { useText } from '../i18n/useText';
import { refreshUnread, unreadCount } from './unreadNotifications';

/** Read again this often while the page is visible, besides on focus and whenever the card reads. */
const REFRESH_MS = 60_000;

/**
 * The header's link to the home Notifications card saying, in words, how many are unread
 * (SPEC C307): "3 hysbysiad heb eu darllen" / "3 unread notifications". Asked when the person
 * signs in, when the window gets focus or the tab is shown again, and every minute while visible.
 */
export function UnreadNotificationsLink(props: { personId: string }) {
  const t = useText();
  createEffect(() => {
    if (props.personId) void refreshUnread();
  });
  const whenVisible = () => {
    if (document.visibilityState === 'visible') void refreshUnread();
  };
  window.addEventListener('focus', whenVisible);
  document.addEventListener('visibilitychange', whenVisible);
  const timer = setInterval(whenVisible, REFRESH_MS);
  onCleanup(() => {
    window.removeEventListener('focus', whenVisible);
    document.removeEventListener('visibilitychange', whenVisible);
    clearInterval(timer);
  });
  const words = (count: number) => (count === 0 ? t('shell.unread.none') : t(count === 1 ? 'shell.unread.one' : 'shell.unread.many', { count }));
  return (
    <Show when={unreadCount() !== undefined}>
      <A href="/#notifications" class="app-header__unread" classList={{ 'app-header__unread--some': (unreadCount() ?? 0) > 0 }}
        data-testid="unread-notifications" data-count={String(unreadCount() ?? '')}>
        {words(unreadCount() ?? 0)}
      </A>
    </Show>
  );
}
