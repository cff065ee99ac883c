/**
 * "Who has access to our school" (ACCESS.md A73-A75): the school's headteacher and an LA
 * officer of its LA see every role held at the school with who granted it and when (P44),
 * invite to a school role (P16), and remove roles (P20). A removal takes the collaborative
 * roles that stood on it with it (P45) and re-checks the person's open sockets at once, so a
 * removed person's socket closes within a second (A11, A62).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { schoolRoles, type Role } from '@cydweithio/model/domain/person';
import { decideRevoke, decideViewAccess, grantableRoles } from '@cydweithio/model/policy/index';
import type { AccessServices } from '../access/services';
import { loadActor } from '../access/policy';
import { schoolScope } from '../access/grant-scope';
import { lapseCollaborativeRoles } from '../access/role-changes';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';
import { createInvitation, invitationEmail } from './invitation-create';

const schoolInvitationBody = z.object({ email: invitationEmail, role: z.enum(schoolRoles) });

export function schoolAccessRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, roleGrants, invitations, audit, sync } = services;
  const app = new Hono<AccessEnv>();

  /** The school's scope and the signed-in person; unknown schools are 404 before any decision. */
  async function scoped(c: Context<AccessEnv>) {
    const personId = requireSignIn(c);
    const scope = await schoolScope(directory, c.req.param('schoolId') ?? '');
    if (!scope) throw new ProblemError('directory.not-found', { detail: 'Unknown school.' });
    return { personId, scope, actor: await loadActor(directory, personId) };
  }

  app.get('/:schoolId/access', async (c) => {
    const { scope, actor } = await scoped(c);
    const decision = decideViewAccess(actor, scope);
    if (!decision.allow) throw new ProblemError('access.forbidden', { detail: decision.reason });
    const held = await roleGrants.inScope('school', scope.schoolId);
    const pending = await invitations.pendingForSchool(scope.schoolId);
    const inviters = new Map((await directory.peopleByIds([...new Set(pending.map((i) => i.invitedBy))])).map((p) => [p.id, p.name]));
    return c.json({
      school: await directory.school(scope.schoolId),
      roles: held.map((r) => ({
        id: r.id, role: r.assignment.role, person: r.person, grantedBy: r.grantedBy, grantedAt: r.grantedAt,
        removable: decideRevoke(actor, { role: r.assignment.role as Role, scope }, r.person.id).allow,
      })),
      invitations: pending.map((i) => ({ id: i.id, role: i.role, email: i.email, invitedBy: { id: i.invitedBy, name: inviters.get(i.invitedBy) ?? null }, expiresAt: i.expiresAt })),
      grantable: grantableRoles(actor, scope, schoolRoles),
    });
  });

  app.post('/:schoolId/invitations', async (c) => {
    const { personId, scope } = await scoped(c);
    const body = await readJson(c, schoolInvitationBody);
    return c.json(await createInvitation(services, c, personId, { role: body.role, scope }, body.email), 201);
  });

  app.delete('/:schoolId/access/:roleId', async (c) => {
    const { personId, scope, actor } = await scoped(c);
    const held = await roleGrants.byId(c.req.param('roleId'));
    if (!held || !('schoolId' in held.assignment) || held.assignment.schoolId !== scope.schoolId) throw new ProblemError('access.role-not-found');
    const decision = decideRevoke(actor, { role: held.assignment.role, scope }, held.personId);
    if (!decision.allow) throw new ProblemError('grant.forbidden', { detail: decision.reason });
    if (!(await roleGrants.remove(held.id))) throw new ProblemError('access.role-not-found');
    await audit.record({ actorPersonId: personId, action: 'revoked', detail: { personId: held.personId, role: held.assignment.role, schoolId: scope.schoolId } });
    const lapsed = await lapseCollaborativeRoles(services, { personIds: [held.personId] }, personId);
    await sync?.recheck({ personIds: [...new Set([held.personId, ...lapsed])] });
    return c.body(null, 204);
  });

  return app;
}
