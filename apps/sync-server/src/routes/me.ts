/**
 * GET /api/me: the signed-in person, their role assignments, their schools, their
 * collaboratives split into vertical and horizontal, and invitations waiting for their email,
 * which they can accept here without the link (POST /api/me/invitations/:id/accept).
 */
import { Hono } from 'hono';
import type { AccessServices } from '../access/services';
import { collaborativeIdsOf } from '../access/actor';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { ProblemError } from './problem';
import { acceptInvitation, requireInvitedPerson, usable } from './invitations';

export function meRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, invitations } = services;
  const app = new Hono<AccessEnv>();

  app.get('/', async (c) => {
    const personId = requireSignIn(c);
    const person = await directory.person(personId);
    if (!person) throw new ProblemError('auth.required');
    const roles = await directory.roles(personId);
    const schoolIds = [...new Set(roles.flatMap((r) => ('schoolId' in r ? [r.schoolId] : [])))];
    const collaboratives = await directory.collaboratives(await collaborativeIdsOf(directory, personId, roles));
    return c.json({
      person,
      roles,
      schools: await directory.schoolsByIds(schoolIds),
      collaboratives: {
        vertical: collaboratives.filter((co) => co.kind === 'vertical'),
        horizontal: collaboratives.filter((co) => co.kind === 'horizontal'),
      },
      invitations: await invitations.pendingFor(person.email),
    });
  });

  /** Accepting an invitation listed in /me: the matching email stands in for the link's token. */
  app.post('/invitations/:id/accept', async (c) => {
    const personId = requireSignIn(c);
    const person = await directory.person(personId);
    if (!person) throw new ProblemError('auth.required');
    const invitation = (await invitations.pendingFor(person.email)).find((i) => i.id === c.req.param('id'));
    const open = usable(invitation ?? null);
    await requireInvitedPerson(services, open, personId);
    return c.json(await acceptInvitation(services, open, { personId }));
  });

  return app;
}
