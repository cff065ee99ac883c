/**
 * Invitation links (ACCESS.md A21, A66-A70): anyone holding the link may preview it; accepting
 * needs the account with the invited address (A67), or, signed out, a name and password to
 * create that account. The grant is decided again as the link is used (A68): an inviter who
 * has lost the right to grant, or a grant that would not fit the person, is refused.
 * A used link answers 410 invitation.used, an expired one 410 invitation.expired.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { displayText } from '@cydweithio/model/domain/displayText';
import type { AccessServices } from '../access/services';
import { decideAcceptance } from '../access/role-changes';
import { loadActor } from '../access/policy';
import { hashPassword } from '../auth/password';
import { newId } from '../auth/tokens';
import type { Invitee, InvitationView } from '../directory/invitations';
import type { AccessEnv } from './access-env';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';
import { startSession } from './session-cookie';

const newAccountBody = z.object({
  // A person's name is shown to others: no bidi controls (A85).
  name: displayText(200),
  // Length is what makes a password strong (NCSC); no composition rules.
  password: z.string().min(12).max(1024),
});

export function usable(invitation: InvitationView | null): InvitationView {
  if (!invitation) throw new ProblemError('invitation.not-found');
  if (invitation.state === 'used') throw new ProblemError('invitation.used');
  if (invitation.state === 'expired') throw new ProblemError('invitation.expired');
  return invitation;
}

/** A67: only the account with the invited address accepts; a link with no address, nobody. */
export async function requireInvitedPerson(services: AccessServices, invitation: InvitationView, personId: string): Promise<void> {
  const person = await services.directory.person(personId);
  if (!invitation.email || person?.email !== invitation.email) throw new ProblemError('invitation.wrong-person');
}

/**
 * Decides the grant again for the person accepting (A68), grants it in one transaction (A70)
 * and audits it (A71); the answer of both accept routes.
 */
export async function acceptInvitation(services: AccessServices, invitation: InvitationView, invitee: Invitee) {
  const granteeId = 'personId' in invitee ? invitee.personId : invitee.newPerson.id;
  const grantee = 'personId' in invitee ? await loadActor(services.directory, granteeId) : { personId: granteeId, roles: [] };
  const decision = await decideAcceptance(services, invitation, grantee);
  if (!decision.allow) throw new ProblemError('invitation.not-permitted', { detail: decision.reason });
  const result = await services.invitations.accept(invitation.id, invitee);
  if (result.outcome === 'email-taken') throw new ProblemError('auth.email-taken');
  if (result.outcome !== 'accepted') {
    // Another accept got there first (A70), or the link expired meanwhile: 410, never a 500.
    usable(result.outcome === 'missing' ? null : { ...invitation, state: result.outcome });
    throw new ProblemError('invitation.not-found');
  }
  const { assignment } = result;
  const scope = { schoolId: 'schoolId' in assignment ? assignment.schoolId : null, collaborativeId: 'collaborativeId' in assignment ? assignment.collaborativeId : null };
  await services.audit.record({ actorPersonId: invitation.invitedBy, action: 'granted', detail: { personId: result.personId, role: assignment.role, ...scope, invitationId: invitation.id } });
  if (result.joinedSchoolId) {
    await services.audit.record({ actorPersonId: result.personId, action: 'joined', detail: { collaborativeId: invitation.collaborativeId, schoolId: result.joinedSchoolId, invitationId: invitation.id } });
  }
  return { person: await services.directory.person(result.personId), collaborativeId: invitation.collaborativeId, role: invitation.role };
}

export function invitationRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, invitations, options } = services;
  const app = new Hono<AccessEnv>();

  app.get('/:token', async (c) => {
    const invitation = usable(await invitations.find(c.req.param('token')));
    const collaborative = invitation.collaborativeId ? await directory.collaborative(invitation.collaborativeId) : null;
    const school = invitation.schoolId ? await directory.school(invitation.schoolId) : null;
    return c.json({
      collaborative: collaborative ? { id: collaborative.id, name: collaborative.name, kind: collaborative.kind } : null,
      role: invitation.role,
      school: school ? { id: school.id, name: school.name } : null,
      email: invitation.email,
      expiresAt: invitation.expiresAt,
    });
  });

  app.post('/:token/accept', async (c) => {
    const invitation = usable(await invitations.find(c.req.param('token')));
    const personId = c.get('personId');
    if (personId) {
      await requireInvitedPerson(services, invitation, personId);
      return c.json(await acceptInvitation(services, invitation, { personId }));
    }
    if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new ProblemError('invitation.account-required');
    const body = await readJson(c, newAccountBody);
    if (!invitation.email) throw new ProblemError('invitation.wrong-person');
    if (await directory.personByEmail(invitation.email)) throw new ProblemError('auth.email-taken');
    const newPerson = { id: newId('person'), name: body.name, email: invitation.email, passwordHash: await hashPassword(body.password, options.scryptParams) };
    const accepted = await acceptInvitation(services, invitation, { newPerson });
    await startSession(c, services, newPerson.id);
    return c.json(accepted);
  });

  return app;
}
