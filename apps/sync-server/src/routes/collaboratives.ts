/**
 * A convenor's management of their collaborative (ACCESS.md A23-A26): invitations by
 * single-use link, and removing a member school or a person's part. Removals re-check the
 * collaborative's open sockets at once, so a removed school's staff are disconnected (4403).
 */
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import { SchoolId } from '@cydweithio/model/domain/school';
import type { AccessServices } from '../access/services';
import { mayManageMembers } from '../access/directory-rights';
import { loadActor } from '../access/policy';
import { invitableRoles } from '../directory/invitations';
import type { AccessEnv } from './access-env';
import { requireSignIn } from './middleware/session';
import { readJson } from './middleware/validate';
import { ProblemError } from './problem';

const invitationBody = z.object({
  email: z.email().max(320).transform((e) => e.toLowerCase()),
  role: z.enum(invitableRoles),
  schoolId: SchoolId,
});

export function collaborativeRoutes(services: AccessServices): Hono<AccessEnv> {
  const { directory, directoryWrites, invitations, registry, audit, sync, options } = services;
  const app = new Hono<AccessEnv>();

  /** The collaborative and the signed-in person, who must manage its members. */
  async function managed(c: Context<AccessEnv>) {
    const personId = requireSignIn(c);
    const collaborative = await directory.collaborative(c.req.param('id') ?? '');
    if (!collaborative) throw new ProblemError('collaborative.not-found');
    const laCodes = (await directory.schoolsByIds(collaborative.memberSchoolIds)).map((s) => s.laCode);
    if (!mayManageMembers(await loadActor(directory, personId), collaborative, laCodes)) throw new ProblemError('collaborative.forbidden');
    return { personId, collaborative };
  }

  app.post('/:id/invitations', async (c) => {
    const { personId, collaborative } = await managed(c);
    const body = await readJson(c, invitationBody);
    if (!(await directory.school(body.schoolId))) throw new ProblemError('directory.not-found', { detail: 'Unknown school.' });
    // Only a headteacher can bring a new school in; other school roles join a member school.
    if (body.role !== 'headteacher' && !collaborative.memberSchoolIds.includes(body.schoolId)) {
      throw new ProblemError('request.invalid', { errors: [{ path: 'schoolId', message: 'The school is not a member; invite its headteacher first.' }] });
    }
    const created = await invitations.create({ collaborativeId: collaborative.id, role: body.role, email: body.email, schoolId: body.schoolId, invitedBy: personId });
    await audit.record({ actorPersonId: personId, action: 'invited', detail: { collaborativeId: collaborative.id, role: body.role, invitationId: created.id } });
    const base = options.publicUrl ?? new URL(c.req.url).origin;
    const url = new URL(`/invitations/${created.token}`, base).toString();
    return c.json({ url, token: created.token, expiresAt: new Date(created.expiresAt).toISOString() }, 201);
  });

  app.delete('/:id/members/:schoolId', async (c) => {
    const { personId, collaborative } = await managed(c);
    const schoolId = c.req.param('schoolId');
    if (!(await directoryWrites.removeMemberSchool(collaborative.id, schoolId))) throw new ProblemError('collaborative.member-not-found');
    await audit.record({ actorPersonId: personId, action: 'removed', detail: { collaborativeId: collaborative.id, schoolId } });
    await sync?.recheck({ docIds: await registry.idsOwnedBy('collaborative', collaborative.id) });
    return c.body(null, 204);
  });

  app.delete('/:id/people/:personId', async (c) => {
    const { personId, collaborative } = await managed(c);
    const removed = c.req.param('personId');
    if (removed === collaborative.convenorId) {
      throw new ProblemError('request.invalid', { detail: 'Name another convenor (directory update) before removing this one.' });
    }
    if (!(await directoryWrites.removeMemberPerson(collaborative.id, removed))) throw new ProblemError('collaborative.member-not-found');
    await audit.record({ actorPersonId: personId, action: 'removed', detail: { collaborativeId: collaborative.id, personId: removed } });
    await sync?.recheck({ personIds: [removed] });
    return c.body(null, 204);
  });

  return app;
}
