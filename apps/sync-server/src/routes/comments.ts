/**
 * A document's comment channel (ACCESS.md A28-A31), stored by the server outside the Y.Doc:
 *   GET  /api/documents/:id/comments                      policy read
 *   POST /api/documents/:id/comments {body, anchor?}      policy comment
 *   POST /api/documents/:id/comments/:commentId/resolve   policy P15 (editor or author)
 * Comments follow their document's access, so a peer review's thread is the LA's to read only
 * while the host shares the review. The audit records that a comment was made, never its text.
 */
import { randomBytes } from 'node:crypto';
import { Hono } from 'hono';
import { z } from 'zod';
import { decideResolveComment } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import type { DocumentComment } from '../comments/comment-store';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

/** 4,000 characters: room for a considered paragraph or two of dialogue, not a second document. */
export const MAX_COMMENT_LENGTH = 4000;

const commentBody = z.object({
  body: z.string().trim().min(1).max(MAX_COMMENT_LENGTH),
  /** A section id (self-evaluation) or priority id (workspace); the whole document when absent. */
  anchor: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_:.-]+$/).optional(),
});

export function commentRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, comments, audit } = services;
  const app = new Hono<AccessEnv>();

  const withAuthors = async (list: DocumentComment[]) => {
    const ids = [...new Set(list.flatMap((c) => (c.resolvedBy ? [c.authorId, c.resolvedBy] : [c.authorId])))];
    const names = new Map((await directory.peopleByIds(ids)).map((p) => [p.id, p.name]));
    return list.map((c) => ({ ...c, authorName: names.get(c.authorId) ?? null }));
  };

  app.get('/:id/comments', async (c) => {
    const { doc } = await documentFor(services, c, 'read');
    return c.json({ comments: await withAuthors(await comments.forDocument(doc.record.id)) });
  });

  app.post('/:id/comments', async (c) => {
    const { doc, actor } = await documentFor(services, c, 'comment');
    const { body, anchor } = await readJson(c, commentBody);
    const comment = await comments.add({ id: randomBytes(12).toString('base64url'), documentId: doc.record.id, authorId: actor.personId, anchor, body });
    await audit.record({ actorPersonId: actor.personId, action: 'commented', documentId: doc.record.id, detail: { commentId: comment.id } });
    return c.json({ comment: (await withAuthors([comment]))[0] }, 201);
  });

  app.post('/:id/comments/:commentId/resolve', async (c) => {
    // Reading first: someone who cannot see the document learns nothing about its comments.
    const { doc, actor, resource } = await documentFor(services, c, 'read');
    const existing = await comments.get(doc.record.id, c.req.param('commentId'));
    if (!existing) throw new ProblemError('comment.not-found');
    const decision = decideResolveComment(actor, resource, existing.authorId);
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
    const resolved = (await comments.resolve(doc.record.id, existing.id, actor.personId)) ?? existing;
    if (existing.resolvedAt === null) {
      await audit.record({ actorPersonId: actor.personId, action: 'resolved', documentId: doc.record.id, detail: { commentId: existing.id } });
    }
    return c.json({ comment: (await withAuthors([resolved]))[0] });
  });

  return app;
}
