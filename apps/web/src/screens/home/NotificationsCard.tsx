import { A, useLocation } from '@solidjs/router';
import { createEffect, createSignal, For, Show } from 'solid-js';
import { Card, CardBody, CardHeader, useLocale } from '@cydweithio/ui';
import { apiJson, postJson } from '../../api/http';
import { NotificationList, type NotificationEntry } from '../../api/notificationSchemas';
import { formatDateTime } from '../../i18n/formatDate';
import { nameIn } from '../../i18n/names';
import { useErrorText } from '../../i18n/useErrorText';
import { useText } from '../../i18n/useText';
import { createWatched } from '../convening/createWatched';
import { isReminder, reminderWords } from './reminderWords';
import { reportUnread } from '../../layout/unreadNotifications';

const knownKinds = [
  'invitation', 'membership-request', 'membership-approval', 'review-shared', 'mention',
  // C302: a request's answer, told to every convenor of the collaborative (A148).
  'membership-accepted', 'membership-declined', 'membership-la-approved', 'membership-la-declined',
  // C309: the person was named a convenor (A153); it links to the collaborative.
  'convenor-named',
] as const;
/** Kinds whose notification links to its document (a reminder only while the person may open it). */
const linkedKinds = ['review-shared', 'mention', 'action-due-soon', 'action-overdue'];

/** Where a notification leads, when it is about something the person can open. */
function linkOf(n: NotificationEntry): string | null {
  if (n.document && linkedKinds.includes(n.kind) && (!isReminder(n) || n.document.title !== null)) return `/documents/${encodeURIComponent(n.document.id)}`;
  if (n.collaborative && n.kind === 'convenor-named') return `/collaboratives/${encodeURIComponent(n.collaborative.id)}`;
  return null;
}

/**
 * The person's notifications (web C292; server A140-A144): what others did that concerns them
 * (an invitation, a request for their school to join, a share, a mention, being named a
 * convenor), newest first, the unread marked in words as well as in weight; a notification about
 * a document links to it (naming them a convenor, to its collaborative) and is marked read on
 * the way; each can be marked read, or all at once. Only the kind, who acted and what it is
 * about are shown: the server never sends a document's words here, except a reminded action's
 * own words, read from the document while the person may read it (C303).
 */
export function NotificationsCard() {
  const t = useText();
  const locale = useLocale();
  const errorText = useErrorText();
  const [failure, setFailure] = createSignal<string>();
  const [list, reload] = createWatched(async () => {
    const fresh = await apiJson(NotificationList, '/notifications');
    // The header's count follows every read of the list (C307).
    reportUnread(fresh.unread);
    return fresh;
  });
  // The header's link ("/#notifications") brings the keyboard here once the card is on screen.
  const location = useLocation();
  createEffect(() => {
    if (location.hash !== '#notifications' || !list()) return;
    queueMicrotask(() => {
      const heading = document.getElementById('notifications-heading');
      if (!heading) return;
      heading.tabIndex = -1;
      heading.focus();
      heading.scrollIntoView({ block: 'start' });
    });
  });
  const run = async (path: string) => {
    try {
      await postJson(path, undefined);
      setFailure(undefined);
      reload();
    } catch (error) {
      setFailure(errorText(error));
    }
  };
  const markRead = (n: NotificationEntry) => run(`/notifications/${encodeURIComponent(n.id)}/read`);
  const words = (n: NotificationEntry) => {
    if (isReminder(n)) return reminderWords(t, locale(), n).text;
    const kind = (knownKinds as readonly string[]).includes(n.kind) ? n.kind : 'other';
    return t(`home.notifications.kind.${kind}`, {
      who: n.actor?.name ?? t('home.notifications.someone'),
      collaborative: n.collaborative?.name ? nameIn(n.collaborative.name, locale()) : '',
      title: n.document?.title ?? t('home.notifications.aDocument'),
    });
  };
  return (
    <Show when={(list()?.notifications.length ?? 0) > 0}>
      <Card labelledBy="notifications-heading" testId="notifications-card">
        <CardHeader id="notifications-heading" title={t('home.notifications.heading')}>
          <p class="muted" data-testid="notifications-unread">{t('home.notifications.unread', { count: String(list()?.unread ?? 0) })}</p>
        </CardHeader>
        <CardBody>
          <Show when={failure()}>{(text) => <p class="notice notice--error" role="alert">{text()}</p>}</Show>
          <ul class="plain-list notification-list">
            <For each={list()?.notifications ?? []}>
              {(n) => (
                <li class="notification" classList={{ 'notification--unread': n.readAt === null }} data-notification-id={n.id} data-kind={n.kind}>
                  <Show when={n.readAt === null}><span class="tag">{t('home.notifications.new')}</span>{' '}</Show>
                  <Show when={linkOf(n)} fallback={<span>{words(n)}</span>}>
                    {(href) => <A href={href()} onClick={() => n.readAt === null && void markRead(n)}>{words(n)}</A>}
                  </Show>
                  <Show when={isReminder(n) && reminderWords(t, locale(), n).since}>
                    {(since) => <>{' '}<span data-testid="reminder-since">{since()}</span></>}
                  </Show>
                  {' '}<time class="muted" dateTime={n.createdAt}>{formatDateTime(n.createdAt, locale())}</time>
                  <Show when={n.readAt === null}>
                    {' '}
                    <button type="button" class="button button--small button--secondary" onClick={() => void markRead(n)} data-testid="notification-read">
                      {t('home.notifications.markRead')}<span class="visually-hidden">: {words(n)}</span>
                    </button>
                  </Show>
                </li>
              )}
            </For>
          </ul>
          <Show when={(list()?.unread ?? 0) > 0}>
            <button type="button" class="button button--secondary" onClick={() => void run('/notifications/read-all')} data-testid="notifications-read-all">
              {t('home.notifications.markAllRead')}
            </button>
          </Show>
        </CardBody>
      </Card>
    </Show>
  );
}
