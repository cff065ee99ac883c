import { createSignal } from 'solid-js';
import { apiRequest } from '../api/http';

/**
 * How many of the signed-in person's notifications are unread (SPEC C307), for the header's
 * link: one signal for the page, set by the header's own read of GET /api/notifications and by
 * the home Notifications card each time it reads the same list (after marking one or all read,
 * or on a nudge), so both always say the same number. Undefined until known.
 */
const [unread, setUnread] = createSignal<number>();

export const unreadCount = unread;

/** The card read the list: the header follows it. */
export function reportUnread(count: number): void {
  setUnread(count);
}

/** Signed out: nothing to count. */
export function forgetUnread(): void {
  setUnread(undefined);
}

/** Asks the server; a failed read (offline) keeps the last count. */
export async function refreshUnread(): Promise<void> {
  try {
    // Only the count is read here: no schema of the whole list rides on every page.
    const { unread: count } = (await (await apiRequest('/notifications')).json()) as { unread?: unknown };
    if (typeof count === 'number') setUnread(count);
  } catch {
    // Offline or signed out meanwhile: the session says so; the count stays as it was.
  }
}
