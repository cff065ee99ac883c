import { decide } from './decide';
import type { Actor, Decision, PolicyResource } from './types';

/**
 * P125: a notification is its recipient's alone. Nobody else reads it or marks it read,
 * whatever their role: an LA officer or a headteacher has no view of who was told what.
 */
export function decideNotificationAccess(actor: Actor, notification: { recipientId: string }): Decision {
  if (actor.personId === notification.recipientId) return { allow: true, reason: 'notification.recipient' };
  return { allow: false, reason: 'notification.not-recipient' };
}

/**
 * P136: who an action's reminder goes to. Only the person the action names by account, and only
 * while they may read the document (P1-P15, as the policy decides `read` now: a share taken back
 * or a role removed since the action was written stops the reminder), never on an archived
 * document (read-only: the action can no longer be marked done there). Nobody else is told,
 * whatever their role. A reminder grants nothing and changes no one's access, so it is not
 * audited (A23 records grants, shares and reads of content, not the server's own reminders).
 */
export function decideActionReminder(actor: Actor, resource: PolicyResource, action: { ownerPersonId: string }): Decision {
  if (action.ownerPersonId === '' || actor.personId !== action.ownerPersonId) return { allow: false, reason: 'action-reminder.owner-only' };
  if (resource.archived === true) return { allow: false, reason: 'action-reminder.archived' };
  if (!decide(actor, 'read', resource).allow) return { allow: false, reason: 'action-reminder.readers-only' };
  return { allow: true, reason: 'action-reminder.owner' };
}
