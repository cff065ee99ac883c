/**
 * Sharing a peer review with the host school's LA, and taking it back (ACCESS.md A16-A17).
 * The policy says who may (the host headteacher); unsharing re-checks open sockets so LA
 * viewers are disconnected (4403) within a second.
 */
import { Hono } from 'hono';
import type { AccessServices } from '../access/services';
import { reviewShareNotice } from '../notifications/notify';
import type { AccessEnv } from './access-env';
import { documentFor, type DocumentContext } from './document-access';
import { ProblemError } from './problem';

function hostLaCode({ resource }: DocumentContext): number {
  if (resource.kind !== 'peer-review') throw new ProblemError('document.not-shareable');
  return resource.hostLaCode;
}

export function documentSharingRoutes(services: AccessServices): Hono<AccessEnv> {
  const { registry, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  app.post('/:id/share', async (c) => {
    const found = await documentFor(services, c, 'share');
    const laCode = hostLaCode(found);
    const notice = await reviewShareNotice(services, found.doc.record.id, { type: 'la', laCode }, found.actor.personId);
    if (await registry.shareWithLa(found.doc.record.id, laCode, found.actor.personId)) {
      await audit.record({ actorPersonId: found.actor.personId, action: 'shared', documentId: found.doc.record.id, detail: { grantee: 'la', laCode } });
      await notice.send();
    }
    return c.json({ id: found.doc.record.id, sharedWithLa: true });
  });

  app.delete('/:id/share', async (c) => {
    const found = await documentFor(services, c, 'share');
    const laCode = hostLaCode(found);
    if (await registry.unshareWithLa(found.doc.record.id, laCode)) {
      await audit.record({ actorPersonId: found.actor.personId, action: 'unshared', documentId: found.doc.record.id, detail: { grantee: 'la', laCode } });
    }
    await sync?.recheck({ docIds: [found.doc.record.id] });
    return c.json({ id: found.doc.record.id, sharedWithLa: false });
  });

  return app;
}
