import type { Actor, Decision } from './types';

/**
 * P125: a notification is its recipient's alone. Nobody else reads it or marks it read,
 * whatever their role: an LA officer or a headteacher has no view of who was told what.
 */
export function decideNotificationAccess(actor: Actor, notification: { recipientId: string }): Decision {
  if (actor.personId === notification.recipientId) return { allow: true, reason: 'notification.recipient' };
  return { allow: false, reason: 'notification.not-recipient' };
}
