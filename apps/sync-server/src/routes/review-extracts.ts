/**
 * A peer review's strengths, published by its host to a collaborative as a document of its own
 * (COLLABORATIVES.md G40-G42):
 *   GET    /api/peer-reviews/:id/extracts                     what is published where (host)
 *   POST   /api/peer-reviews/:id/extracts                     {collaborativeId}: publish, or refresh (P132)
 *   DELETE /api/peer-reviews/:id/extracts/:collaborativeId    withdraw (P132)
 * The server copies the review's focus and strengths, and nothing else, from the review's live
 * Y.Doc into the extract's, through the model's safe copy (D62). Every publish, refresh and
 * withdrawal is audited on the review, where its owner reads the trail, and on the extract.
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { newDocId } from '@cydweithio/model/domain/document';
import { copyStrengths, initialise, readMeta } from '@cydweithio/model/docs/index';
import { decidePublishExtract } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const CollaborativeId = z.string().regex(/^[A-Za-z0-9_.:-]{1,64}$/);
const publishBody = z.object({ collaborativeId: CollaborativeId }).strict();
const smallBody = bodyLimit({ maxSize: 1024, onError: () => { throw new ProblemError('request.too-large'); } });

export function reviewExtractRoutes(services: AccessServices): Hono<AccessEnv> {
  const { registry, directory, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  async function reviewFor(c: Context<AccessEnv>) {
    // The host is whoever may share the review (P132): anyone else is refused here.
    const found = await documentFor(services, c, 'share');
    if (found.resource.kind !== 'peer-review' || !found.doc.record.peerReview) throw new ProblemError('document.not-shareable');
    return { ...found, resource: found.resource, hostSchoolId: found.doc.record.peerReview.hostSchoolId };
  }
  function liveDocs() {
    const getDoc = sync?.getDoc;
    if (!getDoc) throw new ProblemError('server.unavailable', { detail: 'Publishing needs the sync core.' });
    return getDoc;
  }

  app.get('/:id/extracts', async (c) => {
    const found = await reviewFor(c);
    const extracts = await registry.extractsOf(found.doc.record.id);
    const names = new Map((await directory.collaboratives(extracts.map((x) => x.collaborativeId))).map((x) => [x.id, x.name]));
    // The host's collaboratives, to publish to: the ones its school is a member of.
    const own = await directory.collaborativeIdsOfSchools([found.hostSchoolId]);
    const collaboratives = (await directory.collaboratives(own)).map((x) => ({ id: x.id, name: x.name }));
    return c.json({
      collaboratives,
      extracts: extracts.map((x) => ({ ...x, collaborativeName: names.get(x.collaborativeId) ?? null })),
    });
  });

  app.post('/:id/extracts', smallBody, async (c) => {
    const found = await reviewFor(c);
    const { collaborativeId } = await readJson(c, publishBody);
    const existing = (await registry.extractsOf(found.doc.record.id)).find((x) => x.collaborativeId === collaborativeId);
    const own = await directory.collaborativeIdsOfSchools([found.hostSchoolId]);
    const decision = decidePublishExtract(found.actor, found.resource, { hostIsMember: own.includes(collaborativeId), action: existing ? 'refresh' : 'publish' });
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
    const getDoc = liveDocs();
    const review = await getDoc(found.doc.record.id);
    if (readMeta(review) === null) throw new ProblemError('document.empty');
    let extractId = existing?.documentId;
    if (extractId === undefined) {
      extractId = newDocId('review-extract', randomBytes(12).toString('base64url'));
      const title = found.doc.record.title;
      await registry.create({ id: extractId, kind: 'review-extract', title, owner: { type: 'school', schoolId: found.hostSchoolId }, createdBy: found.actor.personId });
      await registry.addExtract(extractId, found.doc.record.id, collaborativeId, found.actor.personId);
      initialise(await getDoc(extractId), 'review-extract', {
        title, extract: { hostSchoolId: found.hostSchoolId, fromReviewId: found.doc.record.id, collaborativeId },
      });
    } else {
      await registry.markExtractRefreshed(extractId);
    }
    // A refresh is one change on the extract: every open copy shows the review's strengths now.
    copyStrengths(review, await getDoc(extractId));
    const detail = { extractId, collaborativeId, refreshed: existing !== undefined };
    await audit.record({ actorPersonId: found.actor.personId, action: 'published', documentId: found.doc.record.id, detail });
    await audit.record({ actorPersonId: found.actor.personId, action: 'published', documentId: extractId, detail });
    return c.json({ extractId, collaborativeId, refreshed: existing !== undefined }, existing ? 200 : 201);
  });

  app.delete('/:id/extracts/:collaborativeId', async (c) => {
    const found = await reviewFor(c);
    const collaborativeId = c.req.param('collaborativeId');
    const existing = (await registry.extractsOf(found.doc.record.id)).find((x) => x.collaborativeId === collaborativeId);
    if (!existing) throw new ProblemError('document.not-found');
    const own = await directory.collaborativeIdsOfSchools([found.hostSchoolId]);
    const decision = decidePublishExtract(found.actor, found.resource, { hostIsMember: own.includes(collaborativeId), action: 'withdraw' });
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
    // Withdrawn means gone: the extract is erased and its members' sockets close at once (G42).
    await registry.erase(existing.documentId);
    await sync?.erase?.(existing.documentId);
    await sync?.recheck({ docIds: [existing.documentId] });
    await audit.record({ actorPersonId: found.actor.personId, action: 'withdrawn', documentId: found.doc.record.id, detail: { extractId: existing.documentId, collaborativeId } });
    return c.body(null, 204);
  });

  return app;
}
