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
