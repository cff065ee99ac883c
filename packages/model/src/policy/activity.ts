import { decide } from './decide';
import type { Actor, Decision, PolicyResource } from './types';

/**
 * The doors of search and "what changed" (P100): finding a document by its words, seeing who
 * changed which section since you last looked (which records this look), and a document's items
 * in the home feed.
 */
export const activityActions = ['search', 'see-changes', 'feed'] as const;
export type ActivityAction = (typeof activityActions)[number];

/**
 * P100: each is a way of reading the document, so each is allowed exactly when `read` is: a
 * document a person may not read is never found, never shows its changes or its looks, never
 * appears in their feed. Search and the feed ask this before any ranking or snippet is made.
 */
export function decideActivity(actor: Actor, action: ActivityAction, resource: PolicyResource): Decision {
  const read = decide(actor, 'read', resource);
  return read.allow ? { allow: true, reason: `${resource.kind}.${action}` } : { allow: false, reason: `${resource.kind}.${action}-readers-only` };
}
