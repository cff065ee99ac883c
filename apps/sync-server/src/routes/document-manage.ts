/**
 * Renaming, archiving and restoring a document (ACCESS.md A110-A115). Who may is the model's
 * decideManage (P95): the leaders of what owns the document. Archiving does not hide the
 * document from its readers; it takes it off the lists and makes it read-only at the socket
 * (P96), which the recheck after each change applies to sockets already open.
 */
import type { Context } from 'hono';
import { Hono } from 'hono';
import { z } from 'zod';
import { setTitles } from '@cydweithio/model/docs/meta';
import { DocumentTitles, primaryTitle } from '@cydweithio/model/domain/documentTitles';
import { decideManage, type ManageAction } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { documentResource, loadActor, type DocumentWithResource } from '../access/policy';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const renameBody = z.object({ titles: DocumentTitles }).strict();

/** The document, once the signed-in person may `action` it: 404, 403 or (archived) 409 otherwise. */
async function managedDocument(services: AccessServices, c: Context<AccessEnv>, action: ManageAction): Promise<DocumentWithResource & { personId: string }> {
  const personId = requireSignIn(c);
  const found = await documentResource(services.directory, services.registry, c.req.param('id') ?? '');
  if (!found) throw new ProblemError('document.not-found');
  const decision = decideManage(await loadActor(services.directory, personId), action, found.resource);
  if (!decision.allow && decision.reason.endsWith('.archived')) throw new ProblemError('document.archived');
  if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
  return { ...found, personId };
}

export function documentManageRoutes(services: AccessServices): Hono<AccessEnv> {
  const { registry, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  // A110: both languages' titles; the live document's meta takes the Welsh-first one, so
  // everyone with it open sees the new name at once and exports carry it.
  app.patch('/:id', async (c) => {
    const body = await readJson(c, renameBody);
    const { doc, personId } = await managedDocument(services, c, 'rename');
    const title = primaryTitle(body.titles);
    await registry.rename(doc.record.id, body.titles, title);
    if (sync?.getDoc) setTitles(await sync.getDoc(doc.record.id), body.titles, title);
    // Which languages it is named in, never the words (the log holds no document text).
    await audit.record({ actorPersonId: personId, action: 'renamed', documentId: doc.record.id, detail: { cy: body.titles.cy.length > 0, en: body.titles.en.length > 0 } });
    return c.json({ id: doc.record.id, title, titles: body.titles });
  });

  // A111: archive and restore; each once (409 when it already is so), each audited.
  app.post('/:id/archive', async (c) => {
    const { doc, personId } = await managedDocument(services, c, 'archive');
    if (!(await registry.setArchived(doc.record.id, true))) throw new ProblemError('document.archived');
    await audit.record({ actorPersonId: personId, action: 'archived', documentId: doc.record.id, detail: { kind: doc.record.kind } });
    // A113: open sockets become viewers at once, so nothing more is written in it.
    await sync?.recheck({ docIds: [doc.record.id] });
    return c.json({ id: doc.record.id, archived: true });
  });

  app.post('/:id/restore', async (c) => {
    const { doc, personId } = await managedDocument(services, c, 'restore');
    if (!(await registry.setArchived(doc.record.id, false))) throw new ProblemError('document.not-archived');
    await audit.record({ actorPersonId: personId, action: 'unarchived', documentId: doc.record.id, detail: { kind: doc.record.kind } });
    await sync?.recheck({ docIds: [doc.record.id] });
    return c.json({ id: doc.record.id, archived: false });
  });

  return app;
}
