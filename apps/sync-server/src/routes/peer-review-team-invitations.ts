/**
 * Inviting someone by email onto a peer review's team (COLLABORATIVES.md G37-G39), the host's
 * alone (model P126):
 *   GET    /api/peer-reviews/:id/team-invitations                 open ones: address, place, expiry (host)
 *   POST   /api/peer-reviews/:id/team-invitations                 {email, teamRole, schoolRole?}
 *   DELETE /api/peer-reviews/:id/team-invitations/:invitationId   withdraws one; its link answers 410
 * The link is accepted through the invitation routes (routes/invitations.ts), where the place is
 * decided again for the person accepting (P127) and granted with the team row in one transaction.
 */
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { schoolRoles } from '@cydweithio/model/domain/person';
import { TeamRole } from '@cydweithio/model/domain/reviewTeam';
import { decideTeamInvitation } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { teamInvitationFacts } from '../access/team-invitations';
import type { AccessEnv } from './access-env';
import { documentFor } from './document-access';
import { invitationEmail, issueInvitation } from './invitation-create';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const teamInvitationBody = z.object({ email: invitationEmail, teamRole: TeamRole, schoolRole: z.enum(schoolRoles).nullish() });
const smallBody = bodyLimit({ maxSize: 4 * 1024, onError: () => { throw new ProblemError('request.too-large'); } });

export function peerReviewTeamInvitationRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, invitations, audit } = services;
  const app = new Hono<AccessEnv>();

  /** The review and its host, for someone the policy lets share it (the host); else 403/404. */
  async function hostReview(c: Context<AccessEnv>) {
    const found = await documentFor(services, c, 'share');
    const facts = await teamInvitationFacts(services, found.doc.record.id);
    if (!facts) throw new ProblemError('document.not-shareable');
    return { ...facts, actor: found.actor };
  }

  app.get('/:id/team-invitations', async (c) => {
    const { found } = await hostReview(c);
    const open = await invitations.pendingForDocument(found.doc.record.id);
    return c.json({
      invitations: open.map((i) => ({ id: i.id, email: i.email, teamRole: i.teamRole, schoolRole: i.teamRole === 'host-staff' ? i.role : null, expiresAt: i.expiresAt })),
    });
  });

  app.post('/:id/team-invitations', smallBody, async (c) => {
    const { found, resource, hostScope, actor } = await hostReview(c);
    const body = await readJson(c, teamInvitationBody);
    const ask = { teamRole: body.teamRole, schoolRole: body.schoolRole ?? null };
    const existing = await directory.personByEmail(body.email);
    const grantee = existing ? await loadActor(directory, existing.id) : undefined;
    const decision = decideTeamInvitation(actor, resource, ask, hostScope, grantee);
    if (!decision.allow) throw new ProblemError('document.forbidden', { detail: decision.reason });
    const created = await issueInvitation(services, c, {
      role: ask.schoolRole ?? ask.teamRole, email: body.email, schoolId: ask.schoolRole ? hostScope.schoolId : undefined, invitedBy: actor.personId,
      team: { documentId: found.doc.record.id, teamRole: ask.teamRole },
    });
    return c.json(created, 201);
  });

  app.delete('/:id/team-invitations/:invitationId', async (c) => {
    const { found, actor } = await hostReview(c);
    const invitationId = c.req.param('invitationId');
    if (!(await invitations.withdrawForDocument(found.doc.record.id, invitationId))) throw new ProblemError('invitation.not-found');
    await audit.record({ actorPersonId: actor.personId, action: 'withdrawn', documentId: found.doc.record.id, detail: { invitationId } });
    return c.body(null, 204);
  });

  return app;
}
