/**
 * Making an invitation (A66), shared by the collaborative route and the school access screen's
 * route: the model's decideGrant answers whether this person may offer this role in this scope.
 * When the address already has an account the grantee's side is decided too (self-elevation,
 * member staff), and decided again when the link is used (A68).
 */
import type { Context } from 'hono';
import { z } from 'zod';
import { decideGrant, type Grant } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { notifyInvitation } from '../notifications/notify';
import type { InvitableRole, NewInvitation } from '../directory/invitations';
import type { AccessEnv } from './access-env';
import { ProblemError } from './problem';

/** A67: one address, stored lower-cased; only its account can accept. */
export const invitationEmail = z.email().max(320).transform((e) => e.toLowerCase());

export async function createInvitation(services: AccessServices, c: Context<AccessEnv>, personId: string, grant: Grant, email: string, collaborativeId?: string) {
  const { directory } = services;
  const actor = await loadActor(directory, personId);
  const existing = await directory.personByEmail(email);
  const grantee = existing ? await loadActor(directory, existing.id) : undefined;
  const decision = decideGrant(actor, grant, grantee);
  if (!decision.allow) throw new ProblemError('grant.forbidden', { detail: decision.reason });
  const schoolId = grant.scope.type === 'school' ? grant.scope.schoolId : undefined;
  return issueInvitation(services, c, { collaborativeId, role: grant.role as InvitableRole, email, schoolId, invitedBy: personId });
}

/**
 * Stores a decided invitation, audits it `invited` (on the review too, for a team invitation)
 * and tells the address (A141, A142); answers the link.
 */
export async function issueInvitation(services: AccessServices, c: Context<AccessEnv>, invitation: NewInvitation) {
  const { invitations, audit, options } = services;
  const { collaborativeId, schoolId, email, role, invitedBy: personId, team } = invitation;
  const created = await invitations.create(invitation);
  await audit.record({
    actorPersonId: personId, action: 'invited', ...(team ? { documentId: team.documentId } : {}),
    detail: { role, invitationId: created.id, collaborativeId: collaborativeId ?? null, schoolId: schoolId ?? null, ...(team ? { teamRole: team.teamRole } : {}) },
  });
  const base = options.publicUrl ?? new URL(c.req.url).origin;
  const url = new URL(`/invitations/${created.token}`, base).toString();
  const expiresAt = new Date(created.expiresAt).toISOString();
  await notifyInvitation(services, { email, invitedBy: personId, collaborativeId, invitationId: created.id, role, schoolId, url, expiresAt, ...(team ?? {}) });
  return { id: created.id, url, token: created.token, expiresAt };
}
