/**
 * Invitation links (ACCESS.md A21): anyone holding the link may preview it; accepting
 * needs a session, or a name and password to create the account for the invited email.
 * A used link answers 410 invitation.used, an expired one 410 invitation.expired.
 */
import { Hono } from 'hono';
import { z } from 'zod';
import { displayText } from '@cydweithio/model/domain/displayText';
import type { AccessServices } from '../access/services';
import { hashPassword } from '../auth/password';
import { newId } from '../auth/tokens';
import type { InvitationView } from '../directory/invitations';
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

/** Grants the invitation (A21) and audits it; the answer of both accept routes. */
export async function acceptInvitation(services: AccessServices, invitation: InvitationView, personId: string) {
  const outcome = await services.invitations.accept(invitation.id, personId);
  if (outcome !== 'accepted') usable(outcome === 'missing' ? null : { ...invitation, state: outcome });
  await services.audit.record({ actorPersonId: personId, action: 'joined', detail: { collaborativeId: invitation.collaborativeId, role: invitation.role, invitationId: invitation.id } });
  return { person: await services.directory.person(personId), collaborativeId: invitation.collaborativeId, role: invitation.role };
}

export function invitationRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, invitations, options } = services;
  const app = new Hono<AccessEnv>();

  app.get('/:token', async (c) => {
    const invitation = usable(await invitations.find(c.req.param('token')));
    const collaborative = await directory.collaborative(invitation.collaborativeId);
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
    let personId = c.get('personId');
    if (personId) {
      const person = await directory.person(personId);
      if (invitation.email && person?.email !== invitation.email) throw new ProblemError('invitation.wrong-person');
    } else {
      if (!(c.req.header('content-type') ?? '').startsWith('application/json')) throw new ProblemError('invitation.account-required');
      const body = await readJson(c, newAccountBody);
      if (!invitation.email) throw new ProblemError('invitation.account-required', { detail: 'This link has no email: sign in first.' });
      if (await directory.personByEmail(invitation.email)) throw new ProblemError('auth.email-taken');
      personId = newId('person');
      await directoryWrites.createPerson({ id: personId, name: body.name, email: invitation.email, passwordHash: await hashPassword(body.password, options.scryptParams) });
      await startSession(c, services, personId);
    }
    return c.json(await acceptInvitation(services, invitation, personId));
  });

  return app;
}
