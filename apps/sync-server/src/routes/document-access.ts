/**
 * Shared steps of the document routes: find the document and the signed-in actor, and ask
 * the model's policy for one action. A refusal names the policy's reason in the detail so
 * that logs and support can tell why, while the code stays stable (document.forbidden).
 */
import type { Context } from 'hono';
import type { AccessServices } from '../access/services';
import { decide, documentResource, loadActor, type Action, type Actor, type DocumentWithResource } from '../access/policy';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { ProblemError } from './problem';

export interface DocumentContext extends DocumentWithResource {
  actor: Actor;
}

/**
 * The document and actor, after checking that the actor may `action` it: 404 document.not-found
 * for an unknown or erased id, 403 document.forbidden otherwise, as on the socket (A11).
 */
export async function documentFor(services: AccessServices, c: Context<AccessEnv>, action: Action): Promise<DocumentContext> {
  const personId = requireSignIn(c);
  const docId = c.req.param('id') ?? '';
  const found = await documentResource(services.directory, services.registry, docId);
  if (!found) throw new ProblemError('document.not-found');
  const actor = await loadActor(services.directory, personId);
  const decision = decide(actor, action, found.resource);
  if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason, ...draftRefusal(actor, found, decision.reason) });
  return { ...found, actor };
}

/**
 * E23: a governor or an LA reader refused a review draft (P38) reads the confirmed review in the
 * school's record instead; the refusal names that record, only to someone the policy lets read it.
 */
function draftRefusal(actor: Actor, found: DocumentWithResource, reason: string): { record?: string } {
  const { resource } = found;
  if (reason !== 'progress-review.confirmed-only' || resource.kind !== 'progress-review') return {};
  const owner = { type: 'school' as const, schoolId: resource.schoolId, schoolLaCode: resource.schoolLaCode };
  return decide(actor, 'read', { kind: 'record', owner }).allow ? { record: `school:${resource.schoolId}` } : {};
}
