/**
 * A person's notifications (ACCESS.md A143; model P125):
 *   GET  /api/notifications            own only, newest first (at most 50), with the unread count
 *   POST /api/notifications/:id/read   own only; someone else's is 404, as an unknown one
 *   POST /api/notifications/read-all
 * Each is listed with who acted and the collaborative's name; a document's title only while the
 * person may read it (a review unshared since keeps its notification but not its title). A
 * reminder of an action (A151) also carries the date it was reminded for and, while the person may
 * read the document, the action as the document holds it now: read, not stored, so an action
 * renamed, moved or done since is shown as it is, and no notification row holds a document's words.
 */
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { decideNotificationAccess } from '@cydweithio/model/policy/index';
import type { OwnedAction } from '@cydweithio/model/docs/documentText';
import type { AccessServices } from '../access/services';
import { decide, documentResource, loadActor } from '../access/policy';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readParam } from './middleware/validate';
import { ProblemError } from './problem';

const NotificationId = z.string().min(1).max(64).regex(/^[A-Za-z0-9_-]+$/);
/** A home card, not the document: a long description is cut here, as a mention's comment is (A128). */
const REMINDER_DESCRIPTION_CHARS = 160;
const cut = (text: string) => (text.length > REMINDER_DESCRIPTION_CHARS ? `${text.slice(0, REMINDER_DESCRIPTION_CHARS - 1).trimEnd()}…` : text);
/** These requests carry no body: anything past a few bytes is refused. */
const noBody = bodyLimit({ maxSize: 256, onError: () => { throw new ProblemError('request.too-large'); } });

export function notificationRoutes(services: AccessServices): Hono<AccessEnv> {
  const { notifications, directory, registry, actionReminders, activity } = services;
  const app = new Hono<AccessEnv>();
  app.use('*', noBody);

  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const actor = await loadActor(directory, personId);
    const page = await notifications.listFor(personId);
    const own = page.notifications.filter((n) => decideNotificationAccess(actor, { recipientId: n.personId }).allow);
    const unique = <T>(xs: readonly (T | null)[]) => [...new Set(xs.filter((x): x is T => x !== null))];
    const [people, collaboratives, documents] = await Promise.all([
      directory.peopleByIds(unique(own.map((n) => n.actorPersonId))),
      directory.collaboratives(unique(own.map((n) => n.collaborativeId))),
      Promise.all(unique(own.map((n) => n.documentId)).map((id) => documentResource(directory, registry, id))),
    ]);
    const titles = new Map(documents.flatMap((d) => (d && decide(actor, 'read', d.resource).allow ? [[d.doc.record.id, d.doc.record.title] as const] : [])));
    const reminded = await actionReminders.ofNotifications(own.map((n) => n.id));
    // The reminded actions as their documents hold them now, only from documents still readable.
    const remindedDocs = unique([...reminded.keys()].map((id) => own.find((n) => n.id === id)?.documentId ?? null)).filter((id) => titles.has(id));
    const actionsNow = new Map((await activity.texts(remindedDocs)).map((t) => [t.docId, t.actions] as const));
    const actionNow = (documentId: string | null, actionId: string): OwnedAction | undefined => (documentId ? actionsNow.get(documentId)?.find((a) => a.id === actionId) : undefined);
    const reminderOf = (id: string, documentId: string | null) => {
      const r = reminded.get(id);
      if (!r) return {};
      const now = actionNow(documentId, r.actionId);
      return { reminder: { due: r.due, action: now ? { description: cut(now.description), due: now.due, done: now.done } : null } };
    };
    return c.json({
      unread: page.unread,
      notifications: own.map((n) => ({
        id: n.id, kind: n.kind, createdAt: n.createdAt, readAt: n.readAt,
        actor: n.actorPersonId ? { id: n.actorPersonId, name: people.find((p) => p.id === n.actorPersonId)?.name ?? null } : null,
        collaborative: n.collaborativeId ? { id: n.collaborativeId, name: collaboratives.find((x) => x.id === n.collaborativeId)?.name ?? null } : null,
        document: n.documentId ? { id: n.documentId, title: titles.get(n.documentId) ?? null } : null,
        ...reminderOf(n.id, n.documentId),
      })),
    });
  });

  app.post('/read-all', async (c) => {
    const personId = requireSignIn(c);
    return c.json({ marked: await notifications.markAllRead(personId) });
  });

  app.post('/:id/read', async (c) => {
    const personId = requireSignIn(c);
    const notification = await notifications.get(readParam(c, 'id', NotificationId));
    // Someone else's answers exactly as an unknown id: its existence is not theirs to learn.
    if (!notification || !decideNotificationAccess(await loadActor(directory, personId), { recipientId: notification.personId }).allow) {
      throw new ProblemError('notification.not-found');
    }
    await notifications.markRead(notification.id);
    return c.json({ id: notification.id, read: true });
  });

  return app;
}
