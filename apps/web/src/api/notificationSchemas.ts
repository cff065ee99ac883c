import * as z from 'zod/mini';
import { Name } from './schemas';

/** GET /api/notifications (server ACCESS.md A143): one's own, newest first, with the unread count. */
export const NotificationList = z.looseObject({
  unread: z.number(),
  notifications: z.array(z.looseObject({
    id: z.string(),
    kind: z.string(),
    createdAt: z.string(),
    readAt: z.nullable(z.string()),
    actor: z.nullable(z.looseObject({ id: z.string(), name: z.nullable(z.string()) })),
    collaborative: z.nullable(z.looseObject({ id: z.string(), name: z.nullable(Name) })),
    document: z.nullable(z.looseObject({ id: z.string(), title: z.nullable(z.string()) })),
    /** A reminder of an action (A151): the date reminded for, and the action as it is now (null: gone, or the document is closed). */
    reminder: z.optional(z.looseObject({
      due: z.string(),
      action: z.nullable(z.looseObject({ description: z.string(), due: z.string(), done: z.boolean() })),
    })),
  })),
});
export type NotificationList = z.infer<typeof NotificationList>;
export type NotificationEntry = NotificationList['notifications'][number];
