import { decide } from './decide';
import type { Actor, Decision, PolicyResource } from './types';

/**
 * P15: who may mark a comment resolved. Anyone who may edit the document tidies its comment
 * thread; the author may also close their own comment while they may still comment there
 * (a facilitator resolving their own question on a self-evaluation they cannot edit).
 */
export function decideResolveComment(actor: Actor, resource: PolicyResource, authorId: string): Decision {
  const edit = decide(actor, 'edit', resource);
  if (edit.allow) return edit;
  const comment = decide(actor, 'comment', resource);
  if (actor.personId === authorId && comment.allow) return { allow: true, reason: `${resource.kind}.comment-author` };
  return comment.allow ? { allow: false, reason: `${resource.kind}.resolve-editor-or-author-only` } : edit;
}

/**
 * P90: reopening a resolved thread is the same door as resolving it (P15): whoever may edit
 * the document, or the thread's author while they may comment. A resolution is a tidy-up, so
 * whoever may tidy may also undo one; anyone else who disagrees says so in a new comment.
 */
export function decideReopenComment(actor: Actor, resource: PolicyResource, authorId: string): Decision {
  return decideResolveComment(actor, resource, authorId);
}

/**
 * P91: a comment's words are its author's. Only the author changes or deletes one, and only while
 * they may still comment on the document; an editor of the document does not rewrite a governor's
 * question (they resolve the thread instead). Reason `<kind>.comment-author-only` for others.
 */
export function decideChangeOwnComment(actor: Actor, resource: PolicyResource, authorId: string): Decision {
  const comment = decide(actor, 'comment', resource);
  if (!comment.allow) return comment;
  if (actor.personId !== authorId) return { allow: false, reason: `${resource.kind}.comment-author-only` };
  return { allow: true, reason: `${resource.kind}.comment-author` };
}

/**
 * P92: a person may be mentioned in a comment only if they may read the document; a mention
 * never grants anything, and one of someone who cannot read would tell them of a document they
 * cannot open (and tell the writer nothing). `target` is the mentioned person as an actor.
 */
export function decideMention(target: Actor, resource: PolicyResource): Decision {
  const read = decide(target, 'read', resource);
  return read.allow
    ? { allow: true, reason: `${resource.kind}.mention-reader` }
    : { allow: false, reason: `${resource.kind}.mention-not-a-reader` };
}
