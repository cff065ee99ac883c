/**
 * A document's comment channel (ACCESS.md A28-A31, A100-A107), stored by the server outside the Y.Doc:
 *   GET    /api/documents/:id/comments                       policy read
 *   POST   /api/documents/:id/comments {body, anchor?, range?, parentId?, mentions?}   policy comment
 *   POST   /api/documents/:id/comments/:commentId/resolve    P15 (editor or author)
 *   POST   /api/documents/:id/comments/:commentId/reopen     P90 (as resolving)
 *   PATCH  /api/documents/:id/comments/:commentId {body, mentions?}   P91 (the author)
 *   DELETE /api/documents/:id/comments/:commentId            P91 (the author), not once replied to
 * Comments follow their document's access, so a peer review's thread is the LA's to read only
 * while the host shares the review. The audit records what was done to which comment, never its
 * text. Every change tells the document's open sockets (A107).
 */
import { randomBytes } from 'node:crypto';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { CommentRange } from '@cydweithio/model/comments/anchor';
import { decide, decideChangeOwnComment, decideReopenComment, decideResolveComment, type Decision } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import type { DocumentComment } from '../comments/comment-store';
import { checkMentions, MAX_MENTIONS } from '../comments/mentions';
import { notifyMentions } from '../notifications/notify';
import type { AccessEnv } from './access-env';
import { documentFor, type DocumentContext } from './document-access';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

/** 4,000 characters: room for a considered paragraph or two of dialogue, not a second document. */
export const MAX_COMMENT_LENGTH = 4000;

const body = z.string().trim().min(1).max(MAX_COMMENT_LENGTH);
const personIds = z.array(z.string().min(1).max(64)).max(MAX_MENTIONS);

const commentBody = z.object({
  body,
  /** A section id (self-evaluation) or priority id (workspace); the whole document when absent. */
  anchor: z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9_:.-]+$/).optional(),
  /** The commented text in that field (model SPEC D40); a reply has none of its own. */
  range: CommentRange.optional(),
  /** The thread this answers (A100). */
  parentId: z.string().min(1).max(64).optional(),
  /** People mentioned; each must be able to read the document (A104, P92). */
  mentions: personIds.optional(),
});

const editBody = z.object({ body, mentions: personIds.optional() });

export function commentRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, comments, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  const withNames = async (list: DocumentComment[]) => {
    const ids = [...new Set(list.flatMap((c) => [c.authorId, ...(c.resolvedBy ? [c.resolvedBy] : []), ...c.mentions]))];
    const names = new Map((await directory.peopleByIds(ids)).map((p) => [p.id, p.name]));
    return list.map(({ mentions, ...c }) => ({
      ...c, authorName: names.get(c.authorId) ?? null,
      mentions: mentions.map((personId) => ({ personId, name: names.get(personId) ?? null })),
    }));
  };
  const one = async (comment: DocumentComment) => (await withNames([comment]))[0];
  const changed = (docId: string) => sync?.commentsChanged?.(docId);

  /** The document (readable, else 404/403 as for it) and the comment on it (else 404). */
  const existing = async (c: Context<AccessEnv>): Promise<DocumentContext & { comment: DocumentComment }> => {
    // Reading first: someone who cannot see the document learns nothing about its comments.
    const found = await documentFor(services, c, 'read');
    const comment = await comments.get(found.doc.record.id, c.req.param('commentId') ?? '');
    if (!comment) throw new ProblemError('comment.not-found');
    return { ...found, comment };
  };
  const allow = (decision: Decision) => {
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
  };

  app.get('/:id/comments', async (c) => {
    const { doc, actor, resource } = await documentFor(services, c, 'read');
    // What the policy lets this reader do here, so the client offers only that (the routes decide again).
    const may = { comment: decide(actor, 'comment', resource).allow, edit: decide(actor, 'edit', resource).allow };
    return c.json({ comments: await withNames(await comments.forDocument(doc.record.id)), may });
  });

  app.post('/:id/comments', async (c) => {
    const { doc, actor, resource } = await documentFor(services, c, 'comment');
    const input = await readJson(c, commentBody);
    if (input.parentId !== undefined) {
      const parent = await comments.get(doc.record.id, input.parentId);
      if (!parent) throw new ProblemError('comment.not-found');
      if (parent.parentId !== null) throw new ProblemError('comment.not-a-thread');
      if (parent.resolvedAt !== null) throw new ProblemError('comment.thread-resolved');
    }
    const mentions = await checkMentions(directory, resource, input.mentions ?? []);
    const comment = await comments.add({
      id: randomBytes(12).toString('base64url'), documentId: doc.record.id, authorId: actor.personId, body: input.body, mentions,
      parentId: input.parentId,
      // A reply sits in its thread: the thread's anchor and range are the ones shown.
      ...(input.parentId === undefined ? { anchor: input.anchor, range: input.range } : {}),
    });
    await audit.record({
      actorPersonId: actor.personId, action: 'commented', documentId: doc.record.id,
      detail: { commentId: comment.id, ...(input.parentId ? { parentId: input.parentId } : {}), ...(mentions.length > 0 ? { mentions: mentions.join(' ') } : {}) },
    });
    await notifyMentions(services, doc.record.id, mentions, actor.personId);
    changed(doc.record.id);
    return c.json({ comment: await one(comment) }, 201);
  });

  app.post('/:id/comments/:commentId/resolve', async (c) => {
    const { doc, actor, resource, comment } = await existing(c);
    allow(decideResolveComment(actor, resource, comment.authorId));
    if (comment.parentId !== null) throw new ProblemError('comment.not-a-thread');
    const resolved = (await comments.resolve(doc.record.id, comment.id, actor.personId)) ?? comment;
    if (comment.resolvedAt === null) {
      await audit.record({ actorPersonId: actor.personId, action: 'resolved', documentId: doc.record.id, detail: { commentId: comment.id } });
      changed(doc.record.id);
    }
    return c.json({ comment: await one(resolved) });
  });

  app.post('/:id/comments/:commentId/reopen', async (c) => {
    const { doc, actor, resource, comment } = await existing(c);
    allow(decideReopenComment(actor, resource, comment.authorId));
    if (comment.parentId !== null) throw new ProblemError('comment.not-a-thread');
    if (comment.resolvedAt === null) return c.json({ comment: await one(comment) });
    const reopened = (await comments.reopen(doc.record.id, comment.id)) ?? comment;
    await audit.record({ actorPersonId: actor.personId, action: 'reopened', documentId: doc.record.id, detail: { commentId: comment.id } });
    changed(doc.record.id);
    return c.json({ comment: await one(reopened) });
  });

  app.patch('/:id/comments/:commentId', async (c) => {
    const { doc, actor, resource, comment } = await existing(c);
    allow(decideChangeOwnComment(actor, resource, comment.authorId));
    const input = await readJson(c, editBody);
    const mentions = await checkMentions(directory, resource, input.mentions ?? []);
    const edited = (await comments.edit(doc.record.id, comment.id, input.body, mentions)) ?? comment;
    await audit.record({ actorPersonId: actor.personId, action: 'comment-edited', documentId: doc.record.id, detail: { commentId: comment.id } });
    // Only the people the edit newly mentions are told; those kept were told when first named.
    await notifyMentions(services, doc.record.id, mentions.filter((p) => !comment.mentions.includes(p)), actor.personId);
    changed(doc.record.id);
    return c.json({ comment: await one(edited) });
  });

  app.delete('/:id/comments/:commentId', async (c) => {
    const { doc, actor, resource, comment } = await existing(c);
    allow(decideChangeOwnComment(actor, resource, comment.authorId));
    // Others' replies answer it: deleting it would leave them answering nothing (or delete their words).
    if ((await comments.replyCount(doc.record.id, comment.id)) > 0) throw new ProblemError('comment.has-replies');
    await comments.remove(doc.record.id, comment.id);
    await audit.record({ actorPersonId: actor.personId, action: 'comment-deleted', documentId: doc.record.id, detail: { commentId: comment.id } });
    changed(doc.record.id);
    return c.body(null, 204);
  });

  return app;
}
